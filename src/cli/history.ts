import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "the sessions you have done, newest first",
  since: "only since then: 7d, 2w, 12h or a date such as 2026-11-01",
  routine: "only this routine",
  json: "print as JSON",
  csv: "print as CSV, for a spreadsheet",
  export: "print the records as JSON lines, oldest first, for --import elsewhere",
  import: "add the sessions in an export, skipping those already here",
  clear: "clear the history (asks first; the old files are kept as a backup)",
  yes: "with --clear: do not ask",
  examples: [
    "knot history",
    "knot history --since 7d",
    "knot history --routine stretch --csv > stretch.csv",
    "knot history --export > ~/Sync/knot-$(hostname).jsonl",
    "knot history --import ~/Sync/knot-laptop.jsonl",
    "knot history --clear",
  ],
  exits: EXITS.plus(
    " (with --import, 1 also when lines that are not session records were left out)",
  ),
});

/** knot history: the sessions done, to read, export, import or clear. */
export function historyCommand(program: Command, { ctx, run, hot }: Wiring): void {
  program
    .command("history")
    .description(WORDS.description)
    .option("--since <when>", WORDS.since)
    .option("--routine <id>", WORDS.routine)
    .option("--json", WORDS.json)
    .option("--csv", WORDS.csv)
    .option("--export", WORDS.export)
    .option("--import <file>", WORDS.import)
    .option("--clear", WORDS.clear)
    .option("-y, --yes", WORDS.yes)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options) => {
      await run(hot.history([], options, ctx));
    });
}
