import type { Command, Option } from "commander";
import { CONFIG_KEY_NAMES } from "../config/keys.js";
import { AREAS } from "../routine/vocabulary.js";
import { SCREENS } from "../safety/screening.js";

/**
 * What the completion scripts know, read from the commander program itself, so a new command,
 * subcommand or option is completed without a list to keep. Only values that change while
 * knot is installed (routine ids, reminder ids, a setting's values) are asked of knot as the
 * person types; everything else is written into the script.
 *
 * A source says where the candidates for a value come from:
 * - "words:a b c"  these words
 * - "files"        file names
 * - "routines"     routine ids (built-in and the person's own), else file names
 * - "reminders"    the person's reminder ids
 * - "config-value" the values of the setting named by the first argument
 * - ""             nothing to offer (a number, a free text)
 */
export type Source = string;

export interface PathSpec {
  /** The command path after `knot`: "", "start", "remind every". */
  path: string;
  subcommands: { name: string; description: string }[];
  options: { flags: string[]; description: string; value?: Source }[];
  /** The source of each positional argument; the last repeats when it is variadic. */
  args: Source[];
  variadic: boolean;
}

const words = (list: readonly string[]): Source => `words:${list.join(" ")}`;

/** Sources of positional arguments, by the name the command gives them. */
const ARGUMENT_SOURCES: Record<string, (program: Command) => Source> = {
  routine: () => "routines",
  file: () => "files",
  files: () => "files",
  key: () => words(CONFIG_KEY_NAMES),
  value: () => "config-value",
  id: () => "reminders",
  shell: () => words(["bash", "zsh", "fish"]),
  command: (program) => words(visible(program).map((c) => c.name())),
  lists: () => words(SCREENS),
  cycle: () => words(["cold-10/off-15", "cold-10/off-15/x2", "heat-15"]),
  interval: () => words(["30m", "45m", "1h", "1h30m", "2h"]),
};

/** Sources of option values: by the option's long flag, else by the value's name. */
const OPTION_SOURCES: Record<string, Source> = {
  "--routine": "routines",
  "--from": "routines",
  "--area": words(AREAS),
  "<file>": "files",
  "<days>": words(["mon-fri", "daily", "weekdays", "weekend"]),
  "<from-to>": words(["09:00-17:30"]),
};

const visible = (cmd: Command): Command[] =>
  cmd.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden);

function optionValue(option: Option): Source | undefined {
  if (!option.required) return undefined; // no value, or an optional one: the next word is free
  if (option.argChoices) return words(option.argChoices);
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[0] ?? "";
  return OPTION_SOURCES[option.long ?? ""] ?? OPTION_SOURCES[valueName] ?? "";
}

/** Every command path of the program, each with what can follow it. */
export function completionSpec(program: Command): PathSpec[] {
  const specs: PathSpec[] = [];
  const walk = (cmd: Command, path: string) => {
    const args = cmd.registeredArguments;
    specs.push({
      path,
      subcommands: visible(cmd).map((c) => ({ name: c.name(), description: c.description() })),
      options: [
        ...cmd.options
          .filter((o) => !o.hidden)
          .map((o) => ({
            flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
            description: o.description,
            value: optionValue(o),
          })),
        { flags: ["--help", "-h"], description: "show help" },
      ],
      args: args.map((a) => ARGUMENT_SOURCES[a.name()]?.(program) ?? ""),
      variadic: args.at(-1)?.variadic ?? false,
    });
    for (const sub of visible(cmd)) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, "");
  return specs;
}
