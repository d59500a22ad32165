import type { Command } from "commander";
import { THERMAL_RULES } from "../health.js";
import { localized } from "../text/locale.js";
import { coachOptions } from "./coach-options.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "an ad-hoc cold or heat cycle, such as cold-10/off-15",
  cycle: 'the short form, such as "cold-10/off-15", "cold-10/off-15/x3" or "heat-15"',
  cold: (maxMinutes: number) => `cold pack minutes, at most ${maxMinutes} (setting: cold.minutes)`,
  heat: (maxMinutes: number) => `heat minutes, at most ${maxMinutes} (default 15)`,
  off: "minutes off between rounds (setting: cold.offMinutes)",
  rounds: "rounds, at most 4 (more with --force; setting: cold.rounds)",
  area: "where the pack goes, such as lower-back (asked when not given)",
  examples: [
    "knot cycle",
    "knot cycle cold-10/off-15",
    "knot cycle cold-10/off-15 x3",
    "knot cycle --cold 10 --off 15 --rounds 2",
    "knot cycle --heat 15 --area lower-back",
  ],
  exits: EXITS.session,
});

/** knot cycle: an ad-hoc cold or heat cycle, coached as a routine is. */
export function cycleCommand(program: Command, { ctx, run }: Wiring): void {
  const maxMinutes = THERMAL_RULES.maxApplicationSeconds / 60;
  coachOptions(
    program
      .command("cycle")
      .description(WORDS.description)
      .argument("[cycle...]", WORDS.cycle)
      .option("--cold [minutes]", WORDS.cold(maxMinutes))
      .option("--heat [minutes]", WORDS.heat(maxMinutes))
      .option("--off <minutes>", WORDS.off)
      .option("--rounds <n>", WORDS.rounds)
      .option("--area <area>", WORDS.area),
  )
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (words: string[], options) => {
      const { cycle } = await import("../commands/cycle.js");
      await run(cycle(words, options, ctx));
    });
}
