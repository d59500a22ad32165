import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Context } from "./context.js";
import { startKnot } from "./knot-process.js";
import { reportError } from "./report-error.js";

/**
 * The commands typed most often (list, show, start, today, stats, history) read their words
 * without loading the command line (commander), from a table of each one's options made from
 * the program itself when knot is built (dist/fast-options.json, see scripts/build.mjs). Only
 * what the table makes certain is read here: help, an unknown or combined option, a missing
 * value, a value that looks like an option, `--`, a choice not offered, a wrong number of
 * arguments, and every other command go to commander, whose messages and exit codes stay the
 * only ones. tests/fast-path.test.ts runs both over the same words and compares what each
 * command receives.
 */
export const HOT_COMMANDS = ["list", "show", "start", "today", "stats", "history"] as const;
export type HotCommand = (typeof HOT_COMMANDS)[number];

type Options = Record<string, unknown>;
/** Runs a hot command with its arguments and options; resolves to its exit code. */
export type HotAction = (args: string[], options: Options, ctx: Context) => Promise<number>;

// biome-ignore lint/suspicious/noExplicitAny: each command's own options type is checked where it is declared
type AnyOptions = any;
/** What each hot command runs, for commander's actions and the fast path alike. */
export const hotActions: Record<HotCommand, HotAction> = {
  list: async (_, options: AnyOptions, ctx) =>
    (await import("./commands/list.js")).list(options, ctx),
  show: async ([routine], options: AnyOptions, ctx) =>
    (await import("./commands/show.js")).show(routine as string, options, ctx),
  start: async ([routine], options: AnyOptions, ctx) =>
    (await import("./commands/start.js")).start(routine as string, options, ctx),
  today: async (_, options: AnyOptions, ctx) =>
    (await import("./commands/today.js")).today(options, ctx),
  stats: async (_, options: AnyOptions, ctx) =>
    (await import("./commands/stats.js")).stats(options, ctx),
  history: async (_, options: AnyOptions, ctx) =>
    (await import("./commands/history.js")).history(options, ctx),
};

export interface OptionRow {
  /** The long and short flags: ["--area", "-a"]. */
  flags: string[];
  /** The key in the options object: "leadIn". */
  key: string;
  /** "flag" takes no value; "value" takes the next word; "unsure" (an optional or variadic value, a custom parser) is left to commander. */
  kind: "flag" | "value" | "unsure";
  /** --no-sound sets sound to false. */
  negate: boolean;
  /** The values allowed (commander refuses others). */
  choices?: string[];
}

export interface CommandRow {
  /** How many arguments it takes; undefined when they are optional or variadic (left to commander). */
  args: number | undefined;
  options: OptionRow[];
  /** The options object before any word is read (defaults, and true for a lone --no-x). */
  defaults: Options;
}

export type OptionTable = Partial<Record<HotCommand, CommandRow>>;

/** The table, read from the program: run when knot is built, and by the tests. */
export function optionTable(program: Command): OptionTable {
  const table: OptionTable = {};
  for (const name of HOT_COMMANDS) {
    const cmd = program.commands.find((c) => c.name() === name);
    if (!cmd) continue;
    const registered = cmd.registeredArguments;
    const plain = registered.every((a) => a.required && !a.variadic);
    table[name] = {
      args: plain ? registered.length : undefined,
      options: cmd.options.map((o) => {
        const custom = o.parseArg !== undefined && o.argChoices === undefined;
        const kind = o.variadic || o.optional || custom ? "unsure" : o.required ? "value" : "flag";
        return {
          flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
          key: o.attributeName(),
          kind,
          negate: o.negate,
          ...(o.argChoices ? { choices: [...o.argChoices] } : {}),
        };
      }),
      defaults: { ...cmd.opts() },
    };
  }
  return table;
}

export interface FastCall {
  command: HotCommand;
  args: string[];
  options: Options;
}

const looksLikeOption = (word: string) => word.length > 1 && word.startsWith("-");

/** The command, arguments and options commander would give, or undefined when not certain. */
export function parseFast(argv: readonly string[], table: OptionTable): FastCall | undefined {
  // knot's one global option is read wherever it stands (main.ts reads it from argv).
  const words = argv.filter((w) => w !== "--no-color");
  const [name, ...rest] = words;
  const row = name === undefined ? undefined : table[name as HotCommand];
  if (!row || row.args === undefined) return undefined;
  const options: Options = { ...row.defaults };
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] as string;
    if (!looksLikeOption(word)) {
      args.push(word);
      continue;
    }
    const eq = word.startsWith("--") ? word.indexOf("=") : -1;
    const flag = eq > 0 ? word.slice(0, eq) : word;
    const option = row.options.find((o) => o.flags.includes(flag));
    if (!option || option.kind === "unsure") return undefined;
    if (option.kind === "flag") {
      if (eq > 0) return undefined;
      options[option.key] = !option.negate;
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : rest[++i];
    if (value === undefined || looksLikeOption(value)) return undefined;
    if (option.choices && !option.choices.includes(value)) return undefined;
    options[option.key] = value;
  }
  if (args.length !== row.args) return undefined;
  return { command: name as HotCommand, args, options };
}

/**
 * A hot command's own entry (dist/list.cjs, dist/show.cjs: the command and what it prints, no
 * command line, made by scripts/build.mjs), which bin/knot.js hands the words first. When the
 * fast path is certain of them and they name this command, it starts knot and runs it; when
 * not, it has done nothing and returns false, and the whole program (dist/main.js) takes them.
 */
export function hotEntry(command: HotCommand, action: HotAction) {
  return (argv: string[], table = readOptionTable()): boolean => {
    const call = table && parseFast(argv, table);
    if (call?.command !== command) return false;
    startKnot(
      async (_, ctx) => {
        try {
          return await action(call.args, call.options, ctx);
        } catch (error) {
          return reportError(error, ctx);
        }
      },
      undefined,
      // to a file or a pipe, straight to the descriptor (directStdout): a terminal, which a
      // session's screen and every question need, gets Node's stream
      "direct",
    );
    return true;
  };
}

/** The table written when knot was built, beside the compiled code; undefined when there is none. */
export function readOptionTable(): OptionTable | undefined {
  try {
    return JSON.parse(readFileSync(join(import.meta.dirname, "fast-options.json"), "utf8"));
  } catch {
    return undefined;
  }
}
