import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { CONFIG_KEY_NAMES, CONFIG_KEYS, type ConfigKey } from "../config/keys.js";
import { type Context, println } from "../context.js";
import { KnotError } from "../errors.js";
import { CATEGORIES } from "../routine/vocabulary.js";
import { quote } from "../ui/safe.js";
import { openLibrary } from "./shared.js";

/**
 * Shell completion. The scripts are thin: each asks `knot __complete <words so far>` for the
 * candidates, so commands, options, routine ids (the person's own too), config keys and their
 * values are worked out here, once, for every shell.
 */
const SCRIPTS = {
  bash: `# knot completion for bash. Add to ~/.bashrc:  source <(knot completion bash)
_knot_complete() {
  local IFS=$'\\n' cur="\${COMP_WORDS[COMP_CWORD]}" out
  out=$(knot __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  if [ "$out" = ":files" ]; then COMPREPLY=($(compgen -f -- "$cur")); return; fi
  COMPREPLY=($(compgen -W "$out" -- "$cur"))
}
complete -o default -F _knot_complete knot
`,
  zsh: `#compdef knot
# knot completion for zsh. Add to ~/.zshrc:  source <(knot completion zsh)
_knot() {
  local -a candidates
  candidates=("\${(@f)$(knot __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "\${candidates[1]}" == ":files" ]]; then _files; else compadd -a candidates; fi
}
compdef _knot knot
`,
  fish: `# knot completion for fish. Save as ~/.config/fish/completions/knot.fish:
#   knot completion fish > ~/.config/fish/completions/knot.fish
function __knot_complete
    set -l words (commandline -opc) (commandline -ct)
    knot __complete $words[2..-1] 2>/dev/null
end
complete -c knot -f -a '(__knot_complete)'
`,
} as const;

export const SHELLS = Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[];

export async function completion(shell: string, ctx: Context): Promise<number> {
  if (!(SHELLS as string[]).includes(shell)) {
    throw new KnotError(`knot completes for ${SHELLS.join(", ")}, not ${quote(shell)}.`);
  }
  ctx.stdout.write(SCRIPTS[shell as keyof typeof SCRIPTS]);
  return 0;
}

const optionsOf = (cmd: Command): string[] =>
  cmd.options.flatMap((o) => [o.long, o.short].filter((x): x is string => Boolean(x)));

/**
 * The candidates for the last word of `words` (the words after `knot`, the last one being
 * typed). ":files" asks the shell to complete file names instead.
 */
export function candidates(program: Command, words: string[], ctx: Context): string[] {
  const typed = words.slice(0, -1).filter((w) => w !== "--no-color");
  const current = words.at(-1) ?? "";
  const commands = program.commands.filter((c) => c.name() !== "__complete");
  const name = typed[0];
  if (name === undefined) {
    return current.startsWith("-") ? optionsOf(program) : commands.map((c) => c.name());
  }
  const cmd = commands.find((c) => c.name() === name);
  if (!cmd) return [];
  const previous = typed.at(-1);
  // options of a subcommand (knot remind every --), else of the command
  const sub = cmd.commands.find((c) => c.name() === typed[1]);
  if (current.startsWith("-")) return optionsOf(sub ?? cmd);
  const routines = () => openLibrary(ctx).entries.map((e) => e.routine.id);
  switch (name) {
    case "start":
    case "show":
      return typed.length === 1 ? routines() : [];
    case "validate":
      return [":files"];
    case "list":
      return previous === "--category" || previous === "-c" ? [...CATEGORIES] : [];
    case "completion":
      return typed.length === 1 ? [...SHELLS] : [];
    case "help":
      return typed.length === 1 ? commands.map((c) => c.name()) : [];
    case "safety":
      return ["red-flags", "neck", "cold", "heat", "massage"];
    case "cycle":
      return typed.length === 1 ? ["cold-10/off-15", "cold-10/off-15/x2", "heat-15"] : [];
    case "config": {
      const sub = typed[1];
      if (sub === undefined) return cmd.commands.map((c) => c.name());
      if (!["get", "set", "unset"].includes(sub)) return [];
      if (typed.length === 2) return [...CONFIG_KEY_NAMES];
      const key = typed[2] as ConfigKey;
      if (sub !== "set" || typed.length !== 3 || !Object.hasOwn(CONFIG_KEYS, key)) return [];
      const spec = CONFIG_KEYS[key] as { type: string; values?: readonly string[] };
      if (spec.type === "boolean") return ["true", "false"];
      if (spec.type === "enum") return [...(spec.values ?? [])];
      return [];
    }
    case "remind": {
      const sub = typed[1];
      if (sub === undefined) {
        return cmd.commands.filter((c) => !c.name().startsWith("fire")).map((c) => c.name());
      }
      if (previous === "--routine") return routines();
      if (previous === "--days") return ["mon-fri", "daily", "weekdays", "weekend"];
      if (previous === "--between") return ["09:00-17:30"];
      if (sub === "every" && typed.length === 2) return ["30m", "45m", "1h", "1h30m", "2h"];
      if (sub === "off" && typed.length === 2) return reminderIds(ctx);
      return [];
    }
    default:
      return [];
  }
}

/** The ids of the person's reminders, read straight from the settings file. */
function reminderIds(ctx: Context): string[] {
  try {
    const stored = JSON.parse(readFileSync(join(ctx.paths.config, "config.json"), "utf8"));
    return Array.isArray(stored.reminders)
      ? stored.reminders.flatMap((r: { id?: unknown }) =>
          typeof r?.id === "string" && /^r\d{1,4}$/.test(r.id) ? [r.id] : [],
        )
      : [];
  } catch {
    return [];
  }
}

export function printCandidates(program: Command, words: string[], ctx: Context): number {
  for (const candidate of candidates(program, words, ctx)) println(ctx.stdout, candidate);
  return 0;
}
