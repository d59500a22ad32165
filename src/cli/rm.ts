import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "remove one of your own routines (never a built-in)",
  routine: "the id of your routine",
  yes: "do not ask (needed when there is no terminal)",
  examples: ["knot rm my-stretch", "knot rm my-stretch --yes"],
  exits: EXITS.plus(" (such as a built-in routine, which cannot be removed), 3 not removed"),
});

/** knot rm <routine>: one of the person's own routines removed. */
export function rmCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("rm")
    .description(WORDS.description)
    .argument("<routine>", WORDS.routine)
    .option("-y, --yes", WORDS.yes)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (routine: string, options) => {
      const { rm } = await import("../commands/rm.js");
      await run(rm(routine, options, ctx));
    });
}
