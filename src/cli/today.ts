import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description:
    "today's sessions, self-massage against the daily limit, and when cold or heat is next advisable",
  json: "print as JSON",
  examples: ["knot today", "knot today --json"],
  exits: EXITS.common,
});

/** knot today: what was done today and what is advisable next. */
export function todayCommand(program: Command, { ctx, run, hot }: Wiring): void {
  program
    .command("today")
    .description(WORDS.description)
    .option("--json", WORDS.json)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options) => {
      await run(hot.today([], options, ctx));
    });
}
