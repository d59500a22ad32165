import type { Command } from "commander";
import type { Context } from "../context.js";
import type { HotAction, HotCommand } from "../fast-path.js";
import { textWidth } from "../output.js";
import { cliText } from "../text/cli.js";
import { reflow } from "../ui/text.js";

/** What each command's wiring is handed by the program (src/cli.ts). */
export interface Wiring {
  ctx: Context;
  /** Hands on the exit code a command's action settles with. */
  run: (exit: Promise<number>) => Promise<void>;
  /** What the commands typed most often run, as the fast path runs them (src/fast-path.ts). */
  hot: Record<HotCommand, HotAction>;
}

/** Adds one top-level command (and its subcommands) to the program. */
export type Register = (program: Command, wiring: Wiring) => void;

/** A help page's examples, one command line each. */
export const examples = (...lines: readonly string[]): string => cliText.examples(lines);

const COMMON_EXITS = cliText.exits.common;

/** Every command's help ends with its exit codes (the README has them all). */
export const EXITS = {
  common: COMMON_EXITS,
  session: cliText.exits.session,
  /** The common codes and what a command adds to them. */
  plus: (more: string) => `${COMMON_EXITS}${more}`,
};

export const exitCodes = (codes: string): string => cliText.exitCodes(codes);

/**
 * Commander's headings ("Usage:", "Options:"...) and terms (the usage line, the left column of
 * its tables) through the text layer. Commander measures the styled terms to pad the column.
 */
export const helpWords = {
  styleTitle: (title: string) => cliText.titles[title] ?? title,
  styleUsage: cliText.term,
  styleOptionTerm: cliText.term,
  styleSubcommandTerm: cliText.term,
  styleArgumentTerm: cliText.term,
  // Descriptions are wrapped beside their terms while 20 columns are left for them (commander
  // leaves them whole under 40): a language with longer terms keeps its columns at 80.
  minWidthToWrap: 20,
};

/** Commander's own errors through the text layer. */
export const commanderError = (text: string): string => cliText.commander(text);

/**
 * Where help goes, and in how many columns: the terminal's width, or COLUMNS (else 80) when
 * piped. Commander lays out its options in them; the text knot adds (examples, when knot asks,
 * exit codes) is wrapped to them at word boundaries as it is printed.
 */
export const helpOutput = (ctx: Context) => ({
  getOutHelpWidth: () => textWidth(ctx.stdout, ctx.env),
  writeOut: (text: string) => {
    const lines = reflow(text.replace(/\n$/, ""), textWidth(ctx.stdout, ctx.env));
    ctx.stdout.write(`${lines.join("\n")}${text.endsWith("\n") ? "\n" : ""}`);
  },
});
