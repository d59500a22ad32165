import type { Command } from "commander";
import { AHEAD_OF_TIME_HOURS, SCREENING_VALID_DAYS } from "../health.js";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description:
    "the safety rules: when to get medical help, who should ask a clinician first, the limits",
  lists: "with --screen: red-flags, neck, cold, heat or massage (default: all)",
  screen: "answer the questions knot asks before a session, now, ahead of it",
  noneApply:
    "with --screen: show each list and record that none of it applies to you (for scripts)",
  reset: "forget your safety answers, so knot asks them again",
  json: "print as JSON",
  examples: [
    "knot safety",
    "knot safety --screen",
    "knot safety --screen --none-apply red-flags cold",
    "knot safety --reset",
  ],
  when: (
    validDays: number,
    aheadHours: number,
  ) => `When knot asks: the red flags at the start of every massage, heat or cold session, and the
neck's before every session that works the neck (they are about now); before a stretch, the
red flags at first use and after ${validDays} days; the ask-first lists for cold, heat and massage,
again after ${validDays} days. Without a terminal, answers given ahead of time with --screen count:
the red flags and the neck's for sessions started in the next ${aheadHours} hours, the ask-first lists
for ${validDays} days. At a terminal, the red flags are shown at every such session anyway.
Every answer, override (--force) and reset is recorded, dated, in screening.jsonl in knot's
data folder; --json lists the recent ones.`,
  exits: EXITS.plus(", 3 an answer says not to go on"),
});

/** knot safety: the safety rules, and the questions asked before a session. */
export function safetyCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("safety")
    .description(WORDS.description)
    .argument("[lists...]", WORDS.lists)
    .option("--screen", WORDS.screen)
    .option("--none-apply", WORDS.noneApply)
    .option("--reset", WORDS.reset)
    .option("--json", WORDS.json)
    .addHelpText(
      "after",
      `${examples(...WORDS.examples)}\n${WORDS.when(SCREENING_VALID_DAYS, AHEAD_OF_TIME_HOURS)}\n`,
    )
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (lists: string[], options) => {
      const { safety } = await import("../commands/safety.js");
      await run(safety(lists, options, ctx));
    });
}
