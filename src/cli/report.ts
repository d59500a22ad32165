import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description:
    "a record to show a physiotherapist or GP: one HTML file with charts, that opens offline and prints on two pages",
  weeks: "how many weeks back (default 6)",
  out: "write the HTML to this file (default: print it)",
  json: "print the report's data as JSON",
  examples: [
    "knot report --out knot-report.html",
    "knot report --weeks 12 --out report.html",
    "knot report --json",
  ],
  exits: EXITS.common,
});

/** knot report: a record for a clinician. */
export function reportCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("report")
    .description(WORDS.description)
    .option("--weeks <n>", WORDS.weeks)
    .option("--out <file>", WORDS.out)
    .option("--json", WORDS.json)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options) => {
      const { report } = await import("../commands/report.js");
      await run(report(options, ctx));
    });
}
