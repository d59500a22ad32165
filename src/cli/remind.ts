import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "reminders through the day to stretch, run by your system's scheduler",
  here: "keep the reminders in this terminal instead (nothing installed)",
  examples: [
    "knot remind every 1h --between 09:00-17:30",
    "knot remind every 45m --days mon-fri --routine desk-break",
    "knot remind cold              # after a cold session: when cold is advisable again",
    "knot remind list              # with each one's last firing and any failure",
    "knot remind log               # the last firings and what each did",
    "knot remind repair            # after a Node upgrade: rewrites every entry",
    "knot remind off r1            # or --all: removes every one, leaving nothing behind",
    "knot remind --here            # Enter starts, s snoozes 10 minutes, q quits",
  ],
  about: `Reminders are kept in reminders.json (knot config path shows where) and run by a systemd user timer (Linux), a launchd agent
(macOS) or cron, named by profile and id (knot-remind-PROFILE-ID). They stay quiet outside their
hours, after a session of the same kind within the interval, past the daily massage limit,
before cold or heat is advisable again, and while the getting-worse rules advise seeing a
doctor; they wait while the screen is locked, you are away or notifications are paused. One
that cannot reach you says why in knot remind list, knot remind log and knot today.`,
  every: {
    description: "a reminder every so often, such as 1h or 45m (15m to 8h)",
    between: "the hours it runs in, local time",
    days: "mon-fri, mon,wed,fri, weekdays, weekend or daily",
    routine: "the routine it is for",
  },
  cold: "one reminder when cold is advisable again (2 hours after today's last)",
  list: "your reminders: when each is next due, last reminded, failures and why",
  repair: "rewrite every reminder's scheduler entry for the Node and knot you have now",
  log: {
    description: "the last firings and what each did (reminded, quiet, waiting, failed)",
    lines: "how many (default 20)",
  },
  off: {
    description: "stop a reminder and remove it from the scheduler",
    all: "stop every reminder, removing all that knot installed",
  },
  fire: "run by the scheduler: decide, and remind if the rules allow",
  json: "print as JSON",
  exits: EXITS.plus(", 129 hangup, 130 Ctrl-C and 143 SIGTERM ending remind --here"),
});

/** knot remind and its subcommands: reminders run by the system's scheduler, or here. */
export function remindCommand(program: Command, { ctx, run }: Wiring): void {
  const remind = program
    .command("remind")
    .description(WORDS.description)
    .option("--here", WORDS.here)
    // a word that is no subcommand (`knot remind evry 1h`) arrives here: said as such
    .allowExcessArguments(true)
    .helpCommand(false)
    .addHelpText("after", `${examples(...WORDS.examples)}\n${WORDS.about}\n`)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options: { here?: boolean }, self: Command) => {
      if (self.args.length > 0) {
        const { otherWord } = await import("./help.js");
        return otherWord(remind, self.args);
      }
      if (options.here) {
        const { remindHere } = await import("../commands/remind-here.js");
        await run(remindHere(ctx));
      } else {
        const { remindList } = await import("../commands/remind-list.js");
        await run(remindList({}, ctx));
      }
    });
  remind
    .command("every <interval>")
    .description(WORDS.every.description)
    .option("--between <from-to>", WORDS.every.between, "09:00-17:30")
    .option("--days <days>", WORDS.every.days, "mon-fri")
    .option("--routine <id>", WORDS.every.routine, "desk-break")
    .action(async (interval: string, options) => {
      const { remindEvery } = await import("../commands/remind.js");
      await run(remindEvery(interval, options, ctx));
    });
  remind
    .command("cold")
    .description(WORDS.cold)
    .action(async () => {
      const { remindCold } = await import("../commands/remind.js");
      await run(remindCold({}, ctx));
    });
  remind
    .command("list")
    .description(WORDS.list)
    .option("--json", WORDS.json)
    .action(async (options) => {
      const { remindList } = await import("../commands/remind-list.js");
      await run(remindList(options, ctx));
    });
  remind
    .command("repair")
    .description(WORDS.repair)
    .action(async () => {
      const { remindRepair } = await import("../commands/remind-list.js");
      await run(remindRepair(ctx));
    });
  remind
    .command("log")
    .description(WORDS.log.description)
    .option("-n, --lines <n>", WORDS.log.lines)
    .option("--json", WORDS.json)
    .action(async (options) => {
      const { remindLog } = await import("../commands/remind-list.js");
      await run(remindLog(options, ctx));
    });
  remind
    .command("off [id]")
    .description(WORDS.off.description)
    .option("--all", WORDS.off.all)
    .action(async (id: string | undefined, options) => {
      const { remindOff } = await import("../commands/remind.js");
      await run(remindOff(id, options, ctx));
    });
  remind
    .command("fire <id>", { hidden: true })
    .description(WORDS.fire)
    .action(async (id: string) => {
      const { remindFire } = await import("../commands/remind-fire.js");
      await run(remindFire(id, ctx));
    });
}
