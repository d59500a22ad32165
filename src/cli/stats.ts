import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "charts of your sessions, minutes, body areas, pain check-ins and streak",
  days: "how many days back (default 30)",
  json: "print as JSON",
  examples: ["knot stats", "knot stats --days 7", "knot stats --json"],
  exits: EXITS.common,
});

/** knot stats: charts of the sessions done. */
export function statsCommand(program: Command, { ctx, run, hot }: Wiring): void {
  program
    .command("stats")
    .description(WORDS.description)
    .option("--days <n>", WORDS.days)
    .option("--json", WORDS.json)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options) => {
      await run(hot.stats([], options, ctx));
    });
}
