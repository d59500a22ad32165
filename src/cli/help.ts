import type { Command } from "commander";
import { KnotError } from "../errors.js";
import { didYouMean } from "../suggest.js";
import { quote } from "../ui/safe.js";
import { EXITS, exitCodes } from "./wiring.js";

const WORDS = {
  description: "help for one command, with examples",
  command: "the command",
  noSuchCommand: (name: string) => `There is no command ${quote(name)}.`,
  hint: "knot --help lists the commands.",
  exits: EXITS.common,
};

/** knot help [command]: one command's help, or the program's; says so when there is no such command. */
export function helpCommand(program: Command): void {
  program.helpCommand(false);
  program
    .command("help")
    .description(WORDS.description)
    .argument("[command]", WORDS.command)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const found = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (!found || found.name() === "help") {
        const names = program.commands.map((c) => c.name()).filter((n) => n !== "help");
        throw new KnotError(`${WORDS.noSuchCommand(name)}${didYouMean(name, names)}`, {
          hint: WORDS.hint,
        });
      }
      found.outputHelp();
    });
}
