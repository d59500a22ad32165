import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "describe a routine: cautions, steps and total time",
  routine: "a routine id, or the path to a routine file",
  json: "print as JSON, with the fully expanded timeline",
  examples: ["knot show stretch", "knot show ./my-routine.json", "knot show cold-cycle --json"],
  exits: EXITS.common,
});

/** knot show <routine>: a routine described. */
export function showCommand(program: Command, { ctx, run, hot }: Wiring): void {
  program
    .command("show")
    .description(WORDS.description)
    .argument("<routine>", WORDS.routine)
    .option("--json", WORDS.json)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (routine: string, options) => {
      await run(hot.show([routine], options, ctx));
    });
}
