import type { Argument, Command, Option } from "commander";
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

/** A value as commander shows it in a help page's details: as typed, quoted ("desk-break"). */
const quoted = (value: unknown): string => JSON.stringify(value);

/** A description with the details commander adds to it (its default...), or as it is. */
const described = (description: string, details: readonly string[]): string =>
  details.length === 0 ? description : cliText.details.described(description, details);

/**
 * Commander's headings ("Usage:", "Options:"...), terms (the usage line, the left column of
 * its tables) and the details it adds to a description (a default, the choices) through the
 * text layer, for every command's help. Commander measures the styled terms to pad the column.
 */
export const helpWords = {
  styleTitle: (title: string) => cliText.titles[title] ?? title,
  styleUsage: cliText.term,
  styleOptionTerm: cliText.term,
  styleSubcommandTerm: cliText.term,
  styleArgumentTerm: cliText.term,
  optionDescription: (option: Option) => {
    const d = cliText.details;
    const details: string[] = [];
    if (option.argChoices) details.push(d.choices(option.argChoices.map(quoted).join(", ")));
    // a default commander shows: for an option that takes a value, or a true/false switch
    const shown =
      option.required ||
      option.optional ||
      (option.isBoolean() && typeof option.defaultValue === "boolean");
    if (option.defaultValue !== undefined && shown) {
      details.push(d.default(option.defaultValueDescription || quoted(option.defaultValue)));
    }
    if (option.presetArg !== undefined && option.optional) {
      details.push(d.preset(quoted(option.presetArg)));
    }
    if (option.envVar !== undefined) details.push(d.env(option.envVar));
    return described(option.description, details);
  },
  argumentDescription: (argument: Argument) => {
    const d = cliText.details;
    const details: string[] = [];
    if (argument.argChoices) details.push(d.choices(argument.argChoices.map(quoted).join(", ")));
    if (argument.defaultValue !== undefined) {
      details.push(d.default(argument.defaultValueDescription || quoted(argument.defaultValue)));
    }
    return described(argument.description, details);
  },
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
