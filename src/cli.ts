import { Command, Option } from "commander";
import { type Context, createContext, println } from "./context.js";
import { ExitCode, KnotError } from "./errors.js";
import { type HotAction, type HotCommand, hotActions } from "./fast-path.js";
import {
  AHEAD_OF_TIME_HOURS,
  EMERGENCY_CALL,
  SCREENING_VALID_DAYS,
  THERMAL_RULES,
} from "./health.js";
import { BUILT_IN_DIR, readVersion } from "./package.js";
import { reportError } from "./report-error.js";
import { CATEGORIES } from "./routine/vocabulary.js";
import { didYouMean } from "./suggest.js";
import { quote, safeText } from "./ui/safe.js";

export { reportError };

const examples = (...lines: string[]) =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/**
 * Assembles the command line. Each action loads its command's module only when it runs, so
 * `knot list` never pays for prompts, spinners or the settings store. The commands typed most
 * often run what `hot` says, as they do when the fast path reads their words (src/fast-path.ts).
 */
export function buildProgram(
  ctx: Context,
  setExitCode: (code: number) => void,
  hot: Record<HotCommand, HotAction> = hotActions,
): Command {
  const program = new Command("knot");
  const run = (promise: Promise<number>) => promise.then(setExitCode);

  program
    .description("A routine coach for easing muscle knots in your back.")
    .version(readVersion(), "-V, --version", "print knot's version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "never colour the output (NO_COLOR=1 does the same)")
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      // Commander quotes what was typed (an unknown option or command): never raw.
      writeErr: (text) => ctx.stderr.write(safeText(text)),
      // Commander's own errors (an unknown command or option, a missing argument) reach the
      // terminal the way knot's do: made safe first, then coloured on a colour terminal and
      // plain otherwise. Through writeErr the colour itself was escaped into visible text.
      outputError: (text) => ctx.stderr.write(ctx.errStyle.error(safeText(text))),
    })
    .exitOverride()
    .showSuggestionAfterError()
    .showHelpAfterError("(knot --help lists the commands and options)")
    .addHelpText(
      "after",
      `${examples("knot start stretch", "knot cycle cold-10/off-15", "knot list", "knot show stretch", "knot validate ./my-routine.json", "knot config set leadIn 10")}
knot guides; it does not diagnose. Stop if anything hurts.
Emergency: ${EMERGENCY_CALL}, for numbness, tingling or
weakness in both legs, numbness around the genitals or buttocks, trouble peeing or loss of
bladder or bowel control, chest pain, or pain after a serious accident.
See a doctor soon for pain that keeps getting worse or is worse at night, fever, or a knot
that has not released after a few weeks. knot safety lists every sign.`,
    );

  const coachOptions = (cmd: Command) =>
    cmd
      .option(
        "-y, --yes",
        "start without asking to start (needed when there is no terminal); it answers no safety question",
      )
      .option("--lead-in <seconds>", 'seconds of "Get ready" first (setting: leadIn)')
      .option("--plain", "no redrawing: one line per step (for logs and screen readers)")
      .option("--events <file>", 'write every event as a JSON line to a file, or "-" for stdout')
      .option("--dry-run", "print the steps with the time each would start, and exit")
      .option("--sound", "ring the terminal bell (setting: sound)")
      .option("--no-sound", "no bell")
      .option("--voice", "speak the cues (setting: voice)")
      .option("--no-voice", "no spoken cues")
      .option("--notify", "desktop notifications (setting: notify)")
      .option("--no-notify", "no desktop notifications")
      .option("--no-checkin", "do not ask how bad the pain is (setting: checkin)")
      .option(
        "--skin-checked",
        "for this run, none of the questions asked before every cold or heat applies",
      )
      .option(
        "--force",
        "go past guidance (rounds, spacing, daily limits, see a doctor first); never a hard limit",
      );

  coachOptions(
    program
      .command("start")
      .description("start a routine: a guided countdown with bells and spoken cues")
      .argument("<routine>", "a routine id, or the path to a routine file")
      .option("--resume", "pick up a session cut off in the last 12 hours without asking")
      .option("--no-resume", "start from the beginning"),
  )
    .addHelpText(
      "after",
      `${examples("knot start stretch", "knot start cold-cycle --voice", "knot start ./my-routine.json --lead-in 10", "knot start stretch --plain --yes", "knot start stretch --events - --yes | my-status-bar", "knot start full-session --dry-run")}
Keys: space pause · n or → next · b or ← back · + / - time · Enter carry on · x stop, it hurts · q quit · ? help
`,
    )
    .action(async (routine: string, options) => {
      await run(hot.start([routine], options, ctx));
    });

  coachOptions(
    program
      .command("cycle")
      .description("an ad-hoc cold or heat cycle, such as cold-10/off-15")
      .argument(
        "[cycle...]",
        'the short form, such as "cold-10/off-15", "cold-10/off-15/x3" or "heat-15"',
      )
      .option(
        "--cold [minutes]",
        `cold pack minutes, at most ${THERMAL_RULES.maxApplicationSeconds / 60} (setting: cold.minutes)`,
      )
      .option(
        "--heat [minutes]",
        `heat minutes, at most ${THERMAL_RULES.maxApplicationSeconds / 60} (default 15)`,
      )
      .option("--off <minutes>", "minutes off between rounds (setting: cold.offMinutes)")
      .option("--rounds <n>", `rounds, at most 4 (more with --force; setting: cold.rounds)`)
      .option("--area <area>", "where the pack goes, such as lower-back (asked when not given)"),
  )
    .addHelpText(
      "after",
      examples(
        "knot cycle",
        "knot cycle cold-10/off-15",
        "knot cycle cold-10/off-15 x3",
        "knot cycle --cold 10 --off 15 --rounds 2",
        "knot cycle --heat 15 --area lower-back",
      ),
    )
    .action(async (words: string[], options) => {
      const { cycle } = await import("./commands/cycle.js");
      await run(cycle(words, options, ctx));
    });

  program
    .command("history")
    .description("the sessions you have done, newest first")
    .option("--since <when>", "only since then: 7d, 2w, 12h or a date such as 2026-11-01")
    .option("--routine <id>", "only this routine")
    .option("--json", "print as JSON")
    .option("--csv", "print as CSV, for a spreadsheet")
    .option("--export", "print the records as JSON lines, oldest first, for --import elsewhere")
    .option("--import <file>", "add the sessions in an export, skipping those already here")
    .option("--clear", "clear the history (asks first; the old files are kept as a backup)")
    .option("-y, --yes", "with --clear: do not ask")
    .addHelpText(
      "after",
      examples(
        "knot history",
        "knot history --since 7d",
        "knot history --routine stretch --csv > stretch.csv",
        "knot history --export > ~/Sync/knot-$(hostname).jsonl",
        "knot history --import ~/Sync/knot-laptop.jsonl",
        "knot history --clear",
      ),
    )
    .action(async (options) => {
      await run(hot.history([], options, ctx));
    });

  const remind = program
    .command("remind")
    .description("reminders through the day to stretch, run by your system's scheduler")
    .option("--here", "keep the reminders in this terminal instead (nothing installed)")
    .addHelpText(
      "after",
      `${examples(
        "knot remind every 1h --between 09:00-17:30",
        "knot remind every 45m --days mon-fri --routine desk-break",
        "knot remind cold              # after a cold session: when cold is advisable again",
        "knot remind list              # with each one's last firing and any failure",
        "knot remind log               # the last firings and what each did",
        "knot remind repair            # after a Node upgrade: rewrites every entry",
        "knot remind off r1            # or --all: removes every one, leaving nothing behind",
        "knot remind --here            # Enter starts, s snoozes 10 minutes, q quits",
      )}
Reminders are kept in your settings and run by a systemd user timer (Linux), a launchd agent
(macOS) or cron, named by profile and id (knot-remind-PROFILE-ID). They stay quiet outside their
hours, after a session of the same kind within the interval, past the daily massage limit,
before cold or heat is advisable again, and while the getting-worse rules advise seeing a
doctor; they wait while the screen is locked, you are away or notifications are paused. One
that cannot reach you says why in knot remind list, knot remind log and knot today.
`,
    )
    .action(async (options: { here?: boolean }) => {
      if (options.here) {
        const { remindHere } = await import("./commands/remind-here.js");
        await run(remindHere(ctx));
      } else {
        const { remindList } = await import("./commands/remind-list.js");
        await run(remindList({}, ctx));
      }
    });
  remind
    .command("every <interval>")
    .description("a reminder every so often, such as 1h or 45m (15m to 8h)")
    .option("--between <from-to>", "the hours it runs in, local time", "09:00-17:30")
    .option("--days <days>", "mon-fri, mon,wed,fri, weekdays, weekend or daily", "mon-fri")
    .option("--routine <id>", "the routine it is for", "desk-break")
    .action(async (interval: string, options) => {
      const { remindEvery } = await import("./commands/remind.js");
      await run(remindEvery(interval, options, ctx));
    });
  remind
    .command("cold")
    .description("one reminder when cold is advisable again (2 hours after today's last)")
    .action(async () => {
      const { remindCold } = await import("./commands/remind.js");
      await run(remindCold({}, ctx));
    });
  remind
    .command("list")
    .description("your reminders: when each is next due, last reminded, failures and why")
    .option("--json", "print as JSON")
    .action(async (options) => {
      const { remindList } = await import("./commands/remind-list.js");
      await run(remindList(options, ctx));
    });
  remind
    .command("repair")
    .description("rewrite every reminder's scheduler entry for the Node and knot you have now")
    .action(async () => {
      const { remindRepair } = await import("./commands/remind-list.js");
      await run(remindRepair(ctx));
    });
  remind
    .command("log")
    .description("the last firings and what each did (reminded, quiet, waiting, failed)")
    .option("-n, --lines <n>", "how many (default 20)")
    .option("--json", "print as JSON")
    .action(async (options) => {
      const { remindLog } = await import("./commands/remind-list.js");
      await run(remindLog(options, ctx));
    });
  remind
    .command("off [id]")
    .description("stop a reminder and remove it from the scheduler")
    .option("--all", "stop every reminder, removing all that knot installed")
    .action(async (id: string | undefined, options) => {
      const { remindOff } = await import("./commands/remind.js");
      await run(remindOff(id, options, ctx));
    });
  remind
    .command("fire <id>", { hidden: true })
    .description("run by the scheduler: decide, and remind if the rules allow")
    .action(async (id: string) => {
      const { remindFire } = await import("./commands/remind-fire.js");
      await run(remindFire(id, ctx));
    });

  program
    .command("stats")
    .description("charts of your sessions, minutes, body areas, pain check-ins and streak")
    .option("--days <n>", "how many days back (default 30)")
    .option("--json", "print as JSON")
    .addHelpText("after", examples("knot stats", "knot stats --days 7", "knot stats --json"))
    .action(async (options) => {
      await run(hot.stats([], options, ctx));
    });

  program
    .command("checkin")
    .description(
      "the weekly activity check: name up to three activities your back makes hard, and rate each 0-10",
    )
    .option("--add <name>", "name an activity (up to three at a time)", (v, all: string[] = []) => [
      ...all,
      v,
    ])
    .option("--rename <id>", "rename an activity (with --to), keeping its ratings")
    .option("--to <name>", "the new name for --rename")
    .option("--retire <id>", "stop rating an activity, keeping its ratings")
    .option("--rate <ratings>", "rate without questions, such as a1=6,a2=4")
    .option("--list", "show the activities and their latest ratings")
    .option("--plain", "ask as plain lines (for screen readers)")
    .option("--json", "print the activities and checks as JSON")
    .addHelpText(
      "after",
      examples(
        "knot checkin",
        'knot checkin --add "turning my head to reverse the car"',
        "knot checkin --rate a1=6,a2=4",
        'knot checkin --rename a1 --to "reversing the car"',
        "knot checkin --retire a2",
      ),
    )
    .action(async (options) => {
      const { checkin } = await import("./commands/checkin.js");
      await run(checkin(options, ctx));
    });

  program
    .command("report")
    .description(
      "a record to show a physiotherapist or GP: one HTML file with charts, that opens offline and prints on two pages",
    )
    .option("--weeks <n>", "how many weeks back (default 6)")
    .option("--out <file>", "write the HTML to this file (default: print it)")
    .option("--json", "print the report's data as JSON")
    .addHelpText(
      "after",
      examples(
        "knot report --out knot-report.html",
        "knot report --weeks 12 --out report.html",
        "knot report --json",
      ),
    )
    .action(async (options) => {
      const { report } = await import("./commands/report.js");
      await run(report(options, ctx));
    });

  program
    .command("today")
    .description(
      "today's sessions, self-massage against the daily limit, and when cold or heat is next advisable",
    )
    .option("--json", "print as JSON")
    .addHelpText("after", examples("knot today", "knot today --json"))
    .action(async (options) => {
      await run(hot.today([], options, ctx));
    });

  program
    .command("safety")
    .description(
      "the safety rules: when to get medical help, who should ask a clinician first, the limits",
    )
    .argument("[lists...]", "with --screen: red-flags, neck, cold, heat or massage (default: all)")
    .option("--screen", "answer the questions knot asks before a session, now, ahead of it")
    .option(
      "--none-apply",
      "with --screen: show each list and record that none of it applies to you (for scripts)",
    )
    .option("--reset", "forget your safety answers, so knot asks them again")
    .option("--json", "print as JSON")
    .addHelpText(
      "after",
      examples(
        "knot safety",
        "knot safety --screen",
        "knot safety --screen --none-apply red-flags cold",
        "knot safety --reset",
      ) +
        `\nWhen knot asks: the red flags at the start of every massage, heat or cold session, and the
neck's before every session that works the neck (they are about now); before a stretch, the
red flags at first use and after ${SCREENING_VALID_DAYS} days; the ask-first lists for cold, heat and massage,
again after ${SCREENING_VALID_DAYS} days. Without a terminal, answers given ahead of time with --screen count:
the red flags and the neck's for sessions started in the next ${AHEAD_OF_TIME_HOURS} hours, the ask-first lists
for ${SCREENING_VALID_DAYS} days. At a terminal, the red flags are shown at every such session anyway.
Every answer, override (--force) and reset is recorded, dated, in screening.jsonl in knot's
data folder; --json lists the recent ones.
`,
    )
    .action(async (lists: string[], options) => {
      const { safety } = await import("./commands/safety.js");
      await run(safety(lists, options, ctx));
    });

  program
    .command("list")
    .description("list the routines you can run")
    .option("--json", "print as JSON")
    .addOption(new Option("-c, --category <category>", "only this category").choices(CATEGORIES))
    .option("-a, --area <area>", "only routines that work this body area, such as neck")
    .addHelpText(
      "after",
      examples(
        "knot list",
        "knot list --category massage",
        "knot list --area neck",
        "knot list --json",
      ),
    )
    .action(async (options) => {
      await run(hot.list([], options, ctx));
    });

  program
    .command("show")
    .description("describe a routine: cautions, steps and total time")
    .argument("<routine>", "a routine id, or the path to a routine file")
    .option("--json", "print as JSON, with the fully expanded timeline")
    .addHelpText(
      "after",
      examples("knot show stretch", "knot show ./my-routine.json", "knot show cold-cycle --json"),
    )
    .action(async (routine: string, options) => {
      await run(hot.show([routine], options, ctx));
    });

  program
    .command("validate")
    .description("check routine files for mistakes and safety limits")
    .argument("<file...>", "routine files to check")
    .option("--json", "print the results as JSON")
    .addHelpText(
      "after",
      examples("knot validate ./my-routine.json", "knot validate ~/.config/knot/routines/*.json"),
    )
    .action(async (files: string[], options) => {
      const { validate } = await import("./commands/validate.js");
      await run(validate(files, options, ctx));
    });

  program
    .command("new")
    .description("make your own routine, step by step, or copy one to change (--from)")
    .argument("[name]", "the routine's name; its id is made from it")
    .option("--from <routine>", "copy a built-in or your own routine, with no questions")
    .option("--id <id>", "the id to save it as (made from the name otherwise)")
    .option("--replace", "replace a routine of yours with the same id without asking")
    .addHelpText(
      "after",
      `${examples('knot new "Physio exercises"', 'knot new "My stretch" --from stretch', 'knot new "Evening" --from desk-break --id evening')}
At a terminal, knot asks for the steps: stretches from its poses (each with its figure), rests,
cold or heat (with the wrap and skin check they need), and other routines; then shows the
routine and asks before saving it in your routines folder. Values past a safety limit are
refused with the reason; values past guidance are allowed, with a caution written into the
routine. An existing routine is never replaced without asking (or --replace).
`,
    )
    .action(async (name: string | undefined, options) => {
      const { newRoutine } = await import("./commands/new.js");
      await run(newRoutine(name, options, ctx));
    });

  program
    .command("edit")
    .description("change a routine in your editor; only a valid file replaces it")
    .argument("<routine>", "a routine id: your own, or a built-in (edited as your own copy)")
    .addHelpText(
      "after",
      `${examples("knot edit my-stretch", "EDITOR=nano knot edit stretch")}
Opens a working copy in $VISUAL, $EDITOR, or else editor, nano or vi. When the editor closes,
knot checks it as knot validate does: a valid file replaces the routine; with problems, it shows
them and offers to edit again or discard. A discarded draft is kept in knot's data folder
(drafts/) until your next knot edit of that routine. A built-in is copied into your routines
folder and your copy is used instead (knot list says so; knot rm brings the built-in back).
`,
    )
    .action(async (routine: string) => {
      const { edit } = await import("./commands/edit.js");
      await run(edit(routine, ctx));
    });

  program
    .command("rm")
    .description("remove one of your own routines (never a built-in)")
    .argument("<routine>", "the id of your routine")
    .option("-y, --yes", "do not ask (needed when there is no terminal)")
    .addHelpText("after", examples("knot rm my-stretch", "knot rm my-stretch --yes"))
    .action(async (routine: string, options) => {
      const { rm } = await import("./commands/rm.js");
      await run(rm(routine, options, ctx));
    });

  const config = program
    .command("config")
    .description("see and change your settings")
    .addHelpText(
      "after",
      examples(
        "knot config list",
        "knot config get leadIn",
        "knot config set voice on",
        "knot config unset cold.minutes",
        "knot config path",
      ),
    );
  config
    .command("list", { isDefault: true })
    .description("show every setting with its value")
    // `knot config voice` arrives here (list is the default): said as what to type instead
    .argument("[word]")
    .option("--json", "print as JSON")
    .action(async (word: string | undefined, options) => {
      const { configList, notAConfigCommand } = await import("./commands/config.js");
      if (word !== undefined)
        throw notAConfigCommand(
          word,
          config.commands.map((c) => c.name()),
        );
      await run(configList(options, ctx));
    });
  config
    .command("get")
    .description("print one setting")
    .argument("<key>", "the setting, such as leadIn or cold.minutes")
    .option("--json", "print as JSON")
    .action(async (key: string, options) => {
      const { configGet } = await import("./commands/config.js");
      await run(configGet(key, options, ctx));
    });
  config
    .command("set")
    .description("change a setting")
    .argument("<key>", "the setting, such as leadIn or cold.minutes")
    .argument("<value>", "its new value")
    .action(async (key: string, value: string) => {
      const { configSet } = await import("./commands/config.js");
      await run(configSet(key, value, ctx));
    });
  config
    .command("unset")
    .description("put one setting back to its default")
    .argument("<key>", "the setting")
    .action(async (key: string) => {
      const { configUnset } = await import("./commands/config.js");
      await run(configUnset(key, ctx));
    });
  config
    .command("reset")
    .description("put every setting back to its default")
    .action(async () => {
      const { configReset } = await import("./commands/config.js");
      await run(configReset(ctx));
    });
  config
    .command("path")
    .description("print where the settings file is")
    .action(async () => {
      const { configPath } = await import("./commands/config.js");
      await run(configPath(ctx));
    });

  program
    .command("completion")
    .description("print a shell completion script: bash, zsh or fish")
    .argument("<shell>", "bash, zsh or fish")
    .addHelpText(
      "after",
      `${examples("source <(knot completion bash)       # in ~/.bashrc", "source <(knot completion zsh)        # in ~/.zshrc", "knot completion fish > ~/.config/fish/completions/knot.fish")}
It completes commands, options, routine ids (your own too), config keys and their values.
`,
    )
    .action(async (shell: string) => {
      const { completion } = await import("./commands/completion.js");
      await run(completion(shell, program, ctx));
    });
  // What the completion scripts ask for routine ids, reminder ids and a setting's values. Not
  // for people; bin/knot.js answers it without loading this program (dist/complete.js).
  program
    .command("__complete", { hidden: true })
    .argument("<source>")
    .argument("[key]")
    .helpOption(false)
    .action(async (source: string, key: string | undefined) => {
      const { dynamicCandidates } = await import("./complete.js");
      for (const found of dynamicCandidates(source, key, BUILT_IN_DIR, () => ctx.paths.config))
        println(ctx.stdout, found);
    });

  // knot help <command>, which says so when there is no such command.
  program.helpCommand(false);
  program
    .command("help")
    .description("help for one command, with examples")
    .argument("[command]", "the command")
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const found = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (!found || found.name() === "help") {
        const names = program.commands.map((c) => c.name()).filter((n) => n !== "help");
        throw new KnotError(`There is no command ${quote(name)}.${didYouMean(name, names)}`, {
          hint: "knot --help lists the commands.",
        });
      }
      found.outputHelp();
    });

  // Every command's help ends with its exit codes (the README has them all).
  for (const cmd of program.commands) cmd.addHelpText("after", exitCodesFor(cmd.name()));
  program.addHelpText("after", exitCodesFor("knot"));
  return program;
}

const COMMON_EXITS = "0 done, 1 a file knot needs could not be read or written, 2 bad input";
const SESSION_EXITS =
  "0 finished, 1 not saved, 2 bad input or no terminal to ask in, 3 ended early or stopped by a safety check, 129 hangup or closed terminal, 130 Ctrl-C, 141 closed pipe, 143 SIGTERM";

function exitCodesFor(command: string): string {
  const codes =
    command === "start" || command === "cycle" || command === "knot"
      ? SESSION_EXITS
      : command === "safety"
        ? `${COMMON_EXITS}, 3 an answer says not to go on`
        : command === "new"
          ? `${COMMON_EXITS}, 3 left without saving`
          : command === "edit"
            ? `${COMMON_EXITS}, 3 discarded or still with problems (the routine is unchanged)`
            : command === "rm"
              ? `${COMMON_EXITS} (such as a built-in routine, which cannot be removed), 3 not removed`
              : command === "history"
                ? `${COMMON_EXITS} (with --import, 1 also when lines that are not session records were left out)`
                : COMMON_EXITS;
  return `\nExit codes: ${codes}.\n`;
}

/** Runs knot with `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: string[], ctx: Context = createContext()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    // Global options alone (knot --no-color) still open the picker.
    if (argv.every((arg) => arg === "--no-color")) {
      if (ctx.stdin.isTTY && ctx.stdout.isTTY) {
        const { pickAndStart } = await import("./commands/start.js");
        return await pickAndStart(ctx);
      }
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, ctx);
  }
}
