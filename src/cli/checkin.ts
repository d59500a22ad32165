import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description:
    "the weekly activity check: name up to three activities your back makes hard, and rate each 0-10",
  add: "name an activity (up to three at a time)",
  rename: "rename an activity (with --to), keeping its ratings",
  to: "the new name for --rename",
  retire: "stop rating an activity, keeping its ratings",
  rate: "rate without questions, such as a1=6,a2=4",
  list: "show the activities and their latest ratings",
  plain: "ask as plain lines (for screen readers)",
  json: "print the activities and checks as JSON",
  examples: [
    "knot checkin",
    'knot checkin --add "turning my head to reverse the car"',
    "knot checkin --rate a1=6,a2=4",
    'knot checkin --rename a1 --to "reversing the car"',
    "knot checkin --retire a2",
  ],
  exits: EXITS.common,
});

/** knot checkin: the weekly check of the activities a person's back makes hard. */
export function checkinCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("checkin")
    .description(WORDS.description)
    .option("--add <name>", WORDS.add, (v, all: string[] = []) => [...all, v])
    .option("--rename <id>", WORDS.rename)
    .option("--to <name>", WORDS.to)
    .option("--retire <id>", WORDS.retire)
    .option("--rate <ratings>", WORDS.rate)
    .option("--list", WORDS.list)
    .option("--plain", WORDS.plain)
    .option("--json", WORDS.json)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options) => {
      const { checkin } = await import("../commands/checkin.js");
      await run(checkin(options, ctx));
    });
}
