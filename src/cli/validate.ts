import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "check routine files for mistakes and safety limits",
  files: "routine files to check",
  json: "print the results as JSON",
  examples: ["knot validate ./my-routine.json", "knot validate ~/.config/knot/routines/*.json"],
  exits: EXITS.common,
});

/** knot validate <file...>: routine files checked. */
export function validateCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("validate")
    .description(WORDS.description)
    .argument("<file...>", WORDS.files)
    .option("--json", WORDS.json)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (files: string[], options) => {
      const { validate } = await import("../commands/validate.js");
      await run(validate(files, options, ctx));
    });
}
