import type { Command } from "commander";
import { KnotError } from "../errors.js";
import { closestMatches } from "../suggest.js";
import { localized } from "../text/locale.js";
import { didYouMean } from "../text/routine.js";
import { quote } from "../ui/safe.js";
import { EXITS, exitCodes } from "./wiring.js";

const WORDS = localized({
  description: "help for one command, with examples",
  command: "the command",
  noSuchCommand: (name: string) => `There is no command ${quote(name)}.`,
  noSuchSubcommand: (parent: string, name: string) =>
    `There is no ${parent} command ${quote(name)}.`,
  subcommands: (parent: string, names: readonly string[]) =>
    `knot ${parent} ${names.join(" | ")}; knot ${parent} --help says what each does.`,
  hint: "knot --help lists the commands.",
  exits: EXITS.common,
});

/** The help command's words, for the tests that read them in any language. */
export const helpWords = WORDS;

/** knot help [command]: one command's help, or the program's; says so when there is no such command. */
export function helpCommand(program: Command): void {
  program.helpCommand(false);
  program
    .command("help")
    .description(WORDS.description)
    .argument("[command]", WORDS.command)
    // `knot help config set`: a subcommand's help
    .argument("[subcommand]", WORDS.command)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action((name: string | undefined, sub: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const found = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (!found || found.name() === "help") {
        const names = program.commands.map((c) => c.name()).filter((n) => n !== "help");
        throw new KnotError(
          `${WORDS.noSuchCommand(name)}${didYouMean(closestMatches(name, names))}`,
          {
            hint: WORDS.hint,
          },
        );
      }
      if (sub === undefined) return found.outputHelp();
      subcommandHelp(found, sub);
    });
}

const visible = (parent: Command) =>
  parent.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);

/** The help of one of a command's subcommands, or that there is no such subcommand. */
export function subcommandHelp(parent: Command, name: string): void {
  const found = parent.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (!found) throw noSuchSubcommand(parent, name);
  found.outputHelp();
}

/** `knot remind evry`: there is no such subcommand, with the nearest and the list. */
export function noSuchSubcommand(parent: Command, name: string): KnotError {
  const names = visible(parent).map((c) => c.name());
  return new KnotError(
    `${WORDS.noSuchSubcommand(parent.name(), name)}${didYouMean(closestMatches(name, names))}`,
    {
      hint: WORDS.subcommands(parent.name(), names),
    },
  );
}

/**
 * A word where a command's subcommand belongs, as its action receives it: `help` (alone, or
 * with a subcommand's name) prints that help; anything else is no such subcommand.
 */
export function otherWord(parent: Command, words: readonly string[]): void {
  const [word, sub, ...more] = words;
  if (word !== "help") throw noSuchSubcommand(parent, word!);
  if (more.length > 0) throw noSuchSubcommand(parent, more[0]!);
  if (sub === undefined) parent.outputHelp();
  else subcommandHelp(parent, sub);
}
