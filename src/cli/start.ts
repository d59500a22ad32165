import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { coachOptions } from "./coach-options.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "start a routine: a guided countdown with bells and spoken cues",
  routine: "a routine id, or the path to a routine file",
  resume: "pick up a session cut off in the last 12 hours without asking",
  noResume: "start from the beginning",
  examples: [
    "knot start stretch",
    "knot start cold-cycle --voice",
    "knot start ./my-routine.json --lead-in 10",
    "knot start stretch --plain --yes",
    "knot start stretch --events - --yes | my-status-bar",
    "knot start full-session --dry-run",
  ],
  keys: "Keys: space pause · n or → next · b or ← back · + / - time · Enter carry on · x stop, it hurts · q quit · ? help",
  exits: EXITS.session,
});

/** knot start <routine>: a routine, coached step by step. */
export function startCommand(program: Command, { ctx, run, hot }: Wiring): void {
  coachOptions(
    program
      .command("start")
      .description(WORDS.description)
      .argument("<routine>", WORDS.routine)
      .option("--resume", WORDS.resume)
      .option("--no-resume", WORDS.noResume),
  )
    .addHelpText("after", `${examples(...WORDS.examples)}\n${WORDS.keys}\n`)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (routine: string, options) => {
      await run(hot.start([routine], options, ctx));
    });
}
