import { CONFIG_KEYS } from "../config/keys.js";
import type { Settings } from "../config/store.js";
import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { type AdviceLine, EVERY_TIME, stopAdviceLines } from "../health.js";
import { openJournal, stepsFrom } from "../history/journal.js";
import { buildRecord, newRecordId, type Ratings, summaryOf } from "../history/record.js";
import { output } from "../output.js";
import { timelineLength } from "../routine/describe.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { hasManualSteps } from "../routine/timeline.js";
import type { Area, Category } from "../routine/vocabulary.js";
import { whenText } from "../safety/allowance-text.js";
import { timelineToRun } from "../safety/rules.js";
import { type RoutineStop, routineStops } from "../safety/stops.js";
import { RULES_LOOK_BACK_MS } from "../safety/trend.js";
import { CueDirector, Cues } from "../session/cues.js";
import { type Display, NoDisplay, PlainDisplay, ScreenDisplay } from "../session/displays.js";
import { guardSessionEnd } from "../session/end-guard.js";
import type { EndReason, SessionState, SessionSummary } from "../session/engine.js";
import { eventRecord, openEventLog } from "../session/event-log.js";
import { keySource, SIGNAL_EXIT, signalSource } from "../session/input.js";
import { runCoach, systemClock } from "../session/runner.js";
import { TerminalControl } from "../session/terminal.js";
import { timeDoneWords } from "../session/time-words.js";
import { describeStep, packLeftOn } from "../session/view.js";
import { shouldAskVoice, VOICE_QUESTION, voiceToKeep } from "../session/voice-choice.js";
import { asker, askRating, askYesNo, canAsk, confirm } from "../ui/prompt.js";
import { safeText } from "../ui/safe.js";
import { bulleted, wrapIndented } from "../ui/text.js";
import { allowanceNow } from "./allowance-now.js";
import { parseWholeNumber } from "./coach-numbers.js";
import { checkHighRating, NotStarted, preflightChecks } from "./preflight.js";
import { offerResume } from "./resume.js";
import { openUserConfig } from "./settings.js";
import { layoutWidth } from "./shared.js";

/** How long a finished session's Done screen stays at least, voice or none. */
const DONE_SHOWN_MS = 1500;

/** What the coach runs: a routine from the library, or one `knot cycle` made up. */
export interface Plan {
  id: string;
  name: string;
  category: Category;
  areas: Area[];
  cautions: string[];
  timeline: TimelineEntry[];
  /** Whether a cut-off session of this plan may be resumed (routines, not ad-hoc cycles). */
  resumable: boolean;
}

export interface CoachFlags {
  yes?: boolean;
  /** Seconds, as typed after --lead-in. */
  leadIn?: string;
  plain?: boolean;
  events?: string;
  dryRun?: boolean;
  sound?: boolean;
  voice?: boolean;
  notify?: boolean;
  /** --no-checkin */
  checkin?: boolean;
  /** Go past guidance-level safety checks (never a hard rule, an emergency or the skin questions). */
  force?: boolean;
  /** --skin-checked: none of the every-time questions before cold or heat applies, this run. */
  skinChecked?: boolean;
  /** --resume / --no-resume: answer the offer to resume a cut-off session. */
  resume?: boolean;
}

export function printDryRun(ctx: Context, plan: Plan, leadIn: number): number {
  const out = (text = "") => println(ctx.stdout, text);
  out(
    `${ctx.style.strong(plan.name)}: ${stepCount(plan.timeline.length)}, ${timelineLength(plan.timeline)}`,
  );
  let at = ctx.now() + leadIn * 1000;
  const time = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
  for (const [i, step] of plan.timeline.entries()) {
    out(`  ${time(at)}  ${String(i + 1).padStart(3)}. ${describeStep(step)}`);
    at += (step.seconds ?? 0) * 1000;
  }
  out(`  ${time(at)}       end`);
  if (hasManualSteps(plan.timeline)) {
    out(
      ctx.style.dim("Times after a step that waits for you move later by however long you take."),
    );
  }
  return ExitCode.ok;
}

/**
 * Runs a plan through the coach: asks first, counts in, shows the countdown (full screen, one
 * line, plain lines, or events only), rings and speaks the cues, and returns the exit code.
 */
export async function coach(
  ctx: Context,
  plan: Plan,
  flags: CoachFlags,
  config: Settings,
): Promise<number> {
  const leadIn =
    flags.leadIn === undefined
      ? (config.get("leadIn") as number)
      : // what the setting accepts, no more (CONFIG_KEYS.leadIn)
        parseWholeNumber(
          "--lead-in",
          flags.leadIn,
          CONFIG_KEYS.leadIn.minimum,
          CONFIG_KEYS.leadIn.maximum,
        );
  // Each cold or heat application ends with "take it off now", which waits for the person,
  // and the questions before every later application are asked at the check before it.
  plan = {
    ...plan,
    timeline: timelineToRun(plan.timeline, flags.skinChecked ? undefined : EVERY_TIME),
  };
  if (flags.dryRun) return printDryRun(ctx, plan, leadIn);

  const eventsToStdout = flags.events === "-";
  // A place the events cannot go is refused before anything is asked.
  const log = flags.events !== undefined ? openEventLog(flags.events, ctx.stdout) : undefined;
  // A terminal that cannot place the cursor (TERM=dumb, or one that reports no size, as
  // `script` without a size does) gets plain lines instead of drawing into nowhere.
  const cannotDraw =
    ctx.env.TERM === "dumb" || !ctx.stdout.columns || !(ctx.stdout as { rows?: number }).rows;
  const plain =
    Boolean(flags.plain) || config.get("display") === "plain" || !ctx.stdout.isTTY || cannotDraw;
  // With events on stdout, people still read everything else: it goes to stderr.
  const talk = eventsToStdout ? ctx.stderr : ctx.stdout;
  const style = eventsToStdout ? ctx.errStyle : ctx.style;
  // At a terminal, long lines are wrapped at word boundaries (at most 80 columns), so the
  // terminal never cuts a word of a warning; piped output is left as it is.
  const sayWidth = talk.isTTY && talk.columns ? Math.min(talk.columns, 80) : undefined;
  const say = (text = "") => {
    for (const line of sayWidth ? wrapIndented(text, sayWidth) : [text]) println(talk, line);
  };

  // laid out as wide as they are said: a line never wrapped a second time
  const width = Math.min(layoutWidth(ctx), sayWidth ?? 100);
  say(
    `${style.strong(plan.name)}  ${style.dim(`${stepCount(plan.timeline.length)}, ${timelineLength(plan.timeline)}`)}`,
  );
  for (const caution of plan.cautions)
    for (const line of bulleted(caution, width, style.warn("  ! "))) say(line);
  const journal = openJournal(
    ctx,
    (message) => say(style.warn(`warning: ${safeText(message)}`)),
    stepsFrom(ctx.now()),
    ctx.now() - RULES_LOOK_BACK_MS,
  );
  const guard = guardSessionEnd();
  try {
    return guard.finish(await coachSession());
  } finally {
    guard.release();
  }

  async function coachSession(): Promise<number> {
    const asking = !plain && canAsk(ctx);
    const resume = await offerResume(ctx, plan, journal.records, flags, asking, say);
    let timeline = plan.timeline;
    const safetyInput = {
      ctx,
      routine: plan.id,
      routineAreas: plan.areas,
      allowance: allowanceNow(ctx, journal.records, journal.recent, config),
      records: journal.records,
      recent: journal.recent,
      settings: config,
      force: Boolean(flags.force),
      skinChecked: Boolean(flags.skinChecked),
      // Plain mode asks line by line; with events on stdout, questions go to stderr.
      ask: asker(ctx, plain, talk),
      say,
    };
    // The questions before a session: a safety check can stop it (NotStarted) at any of them.
    // The check-in is asked in plain mode too, as a line to type the number on (screen
    // readers read it well); only a missing terminal, --no-checkin or the setting turn it off.
    const checkins = canAsk(ctx, talk) && flags.checkin !== false && config.get("checkin") === true;
    let voiceChosen: boolean | undefined;
    const keepVoice = async (on: boolean) => {
      try {
        (await openUserConfig(ctx)).set("voice", on);
      } catch (error) {
        say(
          style.warn(
            `warning: ${error instanceof KnotError ? error.message : "voice setting not saved"}`,
          ),
        );
      }
    };
    const rating = { lines: plain || talk !== ctx.stdout, out: talk };
    const ratings: Ratings = {};
    try {
      const checked = await preflightChecks({
        ...safetyInput,
        timeline: timeline.slice(resume.startIndex),
      });
      timeline = [...timeline.slice(0, resume.startIndex), ...checked.timeline];
      // "Start anyway?" answered yes is the start's confirmation: it is not asked twice.
      const go = await confirm(ctx, "Start now?", {
        yes: flags.yes || checked.startAgreed,
        whenNoTerminal: () => {
          throw new KnotError("knot asks before it starts, and there is no terminal to ask in.", {
            hint: "Add --yes to start without asking.",
          });
        },
      });
      if (!go) {
        say("Not started.");
        return ExitCode.ok;
      }
      if (checkins) {
        ratings.before = await askRating(ctx, "before", rating);
        await checkHighRating({ ...safetyInput, timeline }, ratings.before);
      }
      // The first session someone can answer at: speak the steps? One key, kept for next time.
      const askVoice = shouldAskVoice({
        interactive: asking && !eventsToStdout,
        yes: Boolean(flags.yes),
        flag: flags.voice,
        stored: config.internal("voice"),
      });
      if (askVoice) {
        voiceChosen = await askYesNo(ctx, ctx.stdout, VOICE_QUESTION, { default: false });
        await keepVoice(voiceChosen);
      }
    } catch (error) {
      if (error instanceof NotStarted) return error.exitCode;
      throw error;
    }
    const recordId = newRecordId(ctx.now());
    const record = (state: SessionState, ended?: EndReason) =>
      buildRecord({
        id: recordId,
        routine: { id: plan.id, name: plan.name, category: plan.category, areas: plan.areas },
        state,
        now: ctx.now(),
        ratings,
        ...(resume.from ? { resumedFrom: resume.from } : {}),
        ...(ended ? { ended } : {}),
      });

    const fullScreen = !plain && !eventsToStdout;
    // A cue that cannot reach the person is said where the person looks: inside the countdown
    // on the full screen (the latest one), as a line of its own otherwise.
    let cueProblem: string | undefined;
    // Shown on the full screen, which is gone when the session ends: said again after it.
    const screenProblems: string[] = [];
    const bellStream = ctx.stdout.isTTY ? ctx.stdout : ctx.stderr.isTTY ? ctx.stderr : undefined;
    const cues = new Cues(
      {
        sound: flags.sound ?? (config.get("sound") as boolean),
        voice: voiceChosen ?? flags.voice ?? (config.get("voice") as boolean),
        notify: flags.notify ?? (config.get("notify") as boolean),
        voiceWords: config.get("voiceWords") as "instructions" | "names",
      },
      {
        problem: (text) => {
          cueProblem = text;
          if (fullScreen && !screenProblems.includes(text)) screenProblems.push(text);
          if (!fullScreen) say(style.warn(text));
        },
        ...(bellStream ? { bell: (t: string) => bellStream.write(t) } : {}),
      },
    );

    const voiceAtStart = cues.voice;
    const size = () => ({
      columns: ctx.stdout.columns ?? 80,
      rows: (ctx.stdout as { rows?: number }).rows ?? 24,
    });
    const display: Display = eventsToStdout
      ? new NoDisplay()
      : plain
        ? new PlainDisplay(ctx.stdout, ctx.style)
        : new ScreenDisplay(ctx.stdout, ctx.style, size, config.get("display") === "compact");
    const terminal = new TerminalControl(ctx.stdout, ctx.stdin, fullScreen);
    let inputEnded = false;

    const onResize = () => display.refresh();
    // Continued after a stop knot did not see coming (kill -STOP): take the terminal back.
    // After knot's own suspend the terminal is not active, and the suspend itself comes back.
    const onContinue = () => {
      if (!terminal.isActive) return;
      terminal.reassert();
      display.refresh();
    };
    process.stdout.on("resize", onResize);
    process.on("SIGCONT", onContinue);
    // The lead-in: an ora spinner on the full screen, one line in plain mode.
    const spinner =
      fullScreen && leadIn > 0
        ? (await import("ora")).default({
            stream: ctx.stdout as NodeJS.WritableStream,
            discardStdin: false,
            hideCursor: false,
            isEnabled: true,
            color: ctx.stdoutColor ? "cyan" : false,
          })
        : undefined;
    const first = timeline[resume.startIndex];
    const showLeadIn = (left: number) => {
      if (eventsToStdout) return;
      if (left === 0) spinner?.stop();
      else if (display.leadIn?.(left, plan.name, first && describeStep(first))) spinner?.stop();
      else if (spinner) {
        spinner.text = `Get ready: starting in ${left} s  (Enter starts now, q quits)`;
        if (!spinner.isSpinning) spinner.start();
      } else if (left === leadIn) say(`Get ready: starting in ${left} s.`);
    };
    terminal.enter();
    let result: Awaited<ReturnType<typeof runCoach>>;
    let finished = false;
    try {
      result = await runCoach({
        routineName: plan.name,
        timeline,
        startIndex: resume.startIndex,
        ...(safetyInput.allowance.last ? { lastThermalEnd: safetyInput.allowance.last.end } : {}),
        display,
        clock: { ...systemClock, now: ctx.now },
        cues: new CueDirector(cues),
        problem: () => cueProblem,
        keys: keySource(ctx.stdin, () => {
          inputEnded = true;
        }),
        autoContinue: () => inputEnded,
        signals: signalSource,
        onEvent: (e, state) => {
          log?.write(eventRecord(e, state.timeline, plan));
          // The record so far, kept at each step, in case knot itself does not live to write it.
          if (e.type === "step-start") journal.checkpoint(record(state, "interrupted"));
        },
        // no count-in before a step that waits for Enter: the person starts it
        leadIn: {
          seconds: timeline[resume.startIndex]?.seconds === null ? 0 : leadIn,
          show: showLeadIn,
        },
        // Ctrl-Z (or kill -TSTP): the shell gets a clean terminal; fg comes back to the same
        // moment, and nothing is drawn in between (a timer due at fg must not draw on the
        // shell's screen).
        suspend: (resumed) => {
          display.hold?.(true);
          spinner?.stop();
          terminal.restore();
          process.once("SIGCONT", () => {
            terminal.enter();
            display.hold?.(false);
            resumed();
          });
          process.kill(process.pid, "SIGSTOP");
        },
      });
      finished = result.summary?.reason === "completed" && !result.signal;
    } finally {
      guard.sessionOver();
      spinner?.stop();
      // A finished session ends on "Done" in large letters, kept while "Done." is said to its
      // end (at most a few seconds), before the terminal is given back.
      // Without a voice it stays a moment too, long enough to be seen from the mat.
      const done = finished && fullScreen && !output.lost && display.done?.(plan.name);
      // Any other ending gives the terminal back at once (keys typed meanwhile must not reach
      // the shell), and the last words are heard after.
      if (done)
        await Promise.all([
          cues.finish(4000),
          new Promise((resolve) => setTimeout(resolve, DONE_SHOWN_MS)),
        ]);
      terminal.restore();
      if (!done && !output.lost) await cues.finish(4000);
      cues.stop();
      // v during the session: the choice is kept for the next one.
      const kept = voiceToKeep(voiceAtStart, cues.voice);
      if (kept !== undefined) await keepVoice(kept);
      log?.close();
      process.stdout.removeListener("resize", onResize);
      process.removeListener("SIGCONT", onContinue);
    }

    const { summary, signal, ctrlC, state, declined } = result;
    if (!output.lost) for (const text of screenProblems) say(style.warn(text));
    // Ended with a pack on: the call comes first, whatever ended the session.
    const pack = state ? packLeftOn(state) : undefined;
    if (pack && !output.lost) {
      say(
        style.error(
          `Take the ${pack === "cold" ? "cold pack" : "heat"} off now, and check your skin.`,
        ),
      );
    }
    // x (stop: it hurts) ends at once, and when to get help comes before anything is asked.
    const hurt = summary?.reason === "pain" && !signal;
    if (hurt) {
      say(summaryLine(plan, summary));
      say();
      for (const line of stopAdviceLines()) say(line.urgent ? style.error(line.text) : line.text);
      say();
    }
    let saved = true;
    if (state) {
      // The outcome is settled now. A question afterwards can add a rating, never take the
      // outcome away: whatever ends knot during it (a signal, a closed terminal), the record
      // is written on the way out.
      let written = false;
      const save = () => {
        if (written) return;
        written = true;
        saved = journal.append(record(state));
        if (saved) journal.done(recordId);
      };
      process.on("exit", save);
      try {
        // Ctrl-C means stop now: no question.
        if (checkins && !signal && !ctrlC && !output.lost) {
          ratings.after = await askRating(ctx, "after", rating).catch(() => undefined);
        }
        save();
      } finally {
        process.removeListener("exit", save);
      }
    }
    if (signal) {
      if (!output.terminalGone && !output.lost && (ctx.stdout.isTTY || ctx.stderr.isTTY)) {
        say(summaryLine(plan, summary));
      }
      return saved ? SIGNAL_EXIT[signal] : ExitCode.failure;
    }
    if (!saved) {
      say(summaryLine(plan, summary));
      return ExitCode.failure;
    }
    if (log?.failed) {
      say(summaryLine(plan, summary));
      println(ctx.stderr, ctx.errStyle.error(`knot: ${log.failed}`));
      return ExitCode.failure;
    }
    if (!summary) {
      say("Stopped before the first step.");
      return ctrlC ? ExitCode.sigint : ExitCode.endedEarly;
    }
    // 8 or more after the session, or a rise of 3 or more: this routine is stopped for today.
    const [stop] = state ? routineStops([summaryOf(record(state))], ctx.now()) : [];
    if (stop) {
      const label = summary.reason === "completed" ? "Finished, and stopped for today" : undefined;
      const ended = hurt ? undefined : summaryLine(plan, summary, label);
      for (const line of stoppedLines(plan, ratings, stop, ctx.now(), ended))
        say(line.urgent ? style.error(line.text) : line.text);
    } else if (!hurt) say(summaryLine(plan, summary));
    if (declined) {
      say(style.warn(`You answered yes to: ${declined}`));
      say(
        "So no more cold or heat this session. Nothing overrides this; ask a clinician if unsure.",
      );
    }
    if (ctrlC) return ExitCode.sigint; // one summary line, nothing more
    // only after massage was done (not a massage routine stopped before its first rub)
    if (state?.timeline.some((s, i) => s.kind === "massage" && (state.elapsedMs[i] ?? 0) >= 1000)) {
      say(style.dim("Have a glass of water, and go easy on the areas you worked for a while."));
    }
    // The weekly activity check, after the week's first session, for someone who has just
    // answered the check-in after a finished session: skippable, never in the way.
    if (checkins && !stop && summary.reason === "completed" && ratings.after !== undefined) {
      const { offerWeeklyCheck } = await import("../progress/weekly.js");
      await offerWeeklyCheck(ctx, { lines: rating.lines, out: talk });
    }
    return summary.reason === "completed" ? ExitCode.ok : ExitCode.endedEarly;
  }
}

/**
 * What knot says when a session's ratings stop its routine for now: a 10 gets the emergency
 * list first; then how the session ended (`ended`; undefined when x already said it, and the
 * red flags with it), what was rated, until when the routine is stopped, and the red flags.
 */
export function stoppedLines(
  plan: Plan,
  ratings: Ratings,
  stop: RoutineStop,
  now: number,
  ended: string | undefined,
): Pick<AdviceLine, "text" | "urgent">[] {
  const advice = stopAdviceLines();
  const plain = (text: string) => ({ text });
  const worst = stop.rating === 10;
  const emergency = advice.filter((line) => line.part === "emergency");
  // after a 10 the emergency part comes first; at the end, from the see-a-doctor-soon part on
  const after = advice.filter((line) =>
    worst ? line.part === "soon" || line.part === "source" : line.part !== "rest",
  );
  const rated =
    stop.reason === "rose"
      ? `Your pain went from ${ratings.before} before ${plan.name} to ${stop.rating} after it`
      : `You rated your pain ${stop.rating} out of 10 after ${plan.name}`;
  return [
    ...(worst
      ? [plain("10 out of 10 is the worst pain imaginable."), ...emergency, plain("")]
      : []),
    ...(ended ? [plain(ended)] : []),
    plain(
      `${rated}, so it is stopped for today: knot will not start it again until ${whenText(stop.until, now)}.`,
    ),
    plain(
      plan.id === "stretch"
        ? "Rest in a comfortable position and breathe slowly; gentle movement through the day is fine."
        : "Rest in a comfortable position and breathe slowly; a gentle stretch may still be fine (knot start stretch).",
    ),
    ...(ended ? [plain(""), ...after] : []),
  ];
}

export function summaryLine(
  plan: Plan,
  summary: SessionSummary | undefined,
  label?: string,
): string {
  if (!summary) return `${plan.name}: stopped before the first step.`;
  const time = timeDoneWords(summary);
  const steps = `${summary.completed} of ${summary.total} steps done${summary.skipped ? `, ${summary.skipped} skipped` : ""}`;
  const how =
    summary.reason === "completed"
      ? "Finished"
      : summary.reason === "pain"
        ? "Stopped (it hurts)"
        : summary.reason === "quit"
          ? "Stopped"
          : "Interrupted";
  return `${label ?? how}: ${plan.name}, ${time}, ${steps}.`;
}

const stepCount = (count: number) => `${count} step${count === 1 ? "" : "s"}`;
