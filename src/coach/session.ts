import type { Settings } from "../config/store.js";
import { type Context, println } from "../context.js";
import { ExitCode } from "../errors.js";
import { buildRecord, newRecordId, summaryOf } from "../history/record.js";
import type { Ratings } from "../history/record-types.js";
import { output } from "../output.js";
import { routineStops } from "../safety/stops.js";
import { guardSessionEnd } from "../session/end-guard.js";
import type { EndReason, SessionState } from "../session/engine.js";
import { openEventLog } from "../session/event-log.js";
import { packLeftOn } from "../session/view.js";
import { coachText as words } from "../text/coach.js";
import { safeText } from "../ui/safe.js";
import { bulleted, wrapIndented } from "../ui/text.js";
import { type CoachFlags, sessionOptions, surroundingsOf } from "./options.js";
import { type Plan, planLength } from "./plan.js";
import { checkHighRating, NotStarted, preflightChecks } from "./preflight/index.js";
import {
  allowanceNow,
  askToStart,
  keepVoice,
  offerResume,
  openSessionHistory,
  prompts,
  sessionAsker,
} from "./prepare.js";

/**
 * A session of a plan as it is run (see coach.ts): what is read and asked before (resume,
 * history, allowance, preflight, check-in, voice, then "Start now?" last), the session at the terminal, and the finish
 * (record, summary, advice after). Returns the exit code.
 */
export async function coachSession(
  ctx: Context,
  plan: Plan,
  flags: CoachFlags,
  config: Settings,
): Promise<number> {
  const options = sessionOptions(flags, config, surroundingsOf(ctx));
  // A place the events cannot go is refused before anything is asked.
  const log = flags.events !== undefined ? openEventLog(flags.events, ctx.stdout) : undefined;
  // With events on stdout, people still read everything else: it goes to stderr.
  const talk = options.eventsToStdout ? ctx.stderr : ctx.stdout;
  const style = options.eventsToStdout ? ctx.errStyle : ctx.style;
  const say = (text = "") => {
    for (const line of options.sayWidth ? wrapIndented(text, options.sayWidth) : [text])
      println(talk, line);
  };
  say(words.heading(style.strong(plan.name), style.dim(planLength(plan))));
  for (const caution of plan.cautions)
    for (const line of bulleted(words.caution(caution), options.width, style.warn("  ! ")))
      say(line);
  const journal = openSessionHistory(
    ctx,
    (message) => say(style.warn(words.warning(safeText(message)))),
    plan.id,
  );
  const guard = guardSessionEnd();
  try {
    return guard.finish(await beforeRunAndAfter());
  } finally {
    guard.release();
  }

  async function beforeRunAndAfter(): Promise<number> {
    const resume = await offerResume(ctx, plan, journal.records, flags, options.asking, say);
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
      ask: sessionAsker(ctx, options.plain, talk),
      say,
    };
    const warn = (text: string) => say(style.warn(text));
    const rating = { lines: options.plain || talk !== ctx.stdout, out: talk };
    const ratings: Ratings = {};
    let voiceChosen: boolean | undefined;
    // The questions before a session: a safety check can stop it (NotStarted) at any of them.
    try {
      const checked = await preflightChecks({
        ...safetyInput,
        timeline: timeline.slice(resume.startIndex),
      });
      timeline = [...timeline.slice(0, resume.startIndex), ...checked.timeline];
      if (options.checkins) {
        ratings.before = await (await prompts()).askRating(ctx, "before", rating);
        await checkHighRating({ ...safetyInput, timeline }, ratings.before);
      }
      // The first session someone can answer at: speak the steps? One key, kept for next time.
      if (options.askVoice) {
        const { askYesNo } = await import("../ui/yes-no.js");
        voiceChosen = await askYesNo(ctx, ctx.stdout, words.voiceQuestion, {
          default: false,
        });
        await keepVoice(ctx, voiceChosen, warn);
      }
      // "Start now?" comes last, once the rest is known. A yes already given to "Pick up where
      // it stopped?" or "Start anyway?" is the start's confirmation: it is not asked twice.
      const agreed = Boolean(flags.yes) || checked.startAgreed || resume.agreed;
      if (!(await askToStart(ctx, agreed))) {
        say(words.notStarted);
        return ExitCode.ok;
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

    const { runSession } = await import("./run.js");
    const result = await runSession({
      ctx,
      plan,
      timeline,
      startIndex: resume.startIndex,
      lastThermalEnd: safetyInput.allowance.last?.end,
      options,
      voiceChosen,
      say,
      style,
      log,
      // The record so far, kept at each step, in case knot itself does not live to write it.
      checkpoint: (state) => journal.checkpoint(record(state, "interrupted")),
      over: () => guard.sessionOver(),
    });

    // After the session: what it left to say at once, the record, and the close.
    const finish = await import("./finish.js");
    const { summary, signal, ctrlC, state, declined } = result;
    const sayAll = (lines: readonly { text: string; tone?: "error" | "warn" | "dim" }[]) => {
      for (const line of lines) say(line.tone ? style[line.tone](line.text) : line.text);
    };
    if (!output.lost) for (const text of result.screenProblems) say(style.warn(text));
    const pack = state ? packLeftOn(state) : undefined;
    if (pack && !output.lost) sayAll([finish.packLine(pack)]);
    // x (stop: it hurts) ends at once, and when to get help comes before anything is asked.
    const hurt = summary?.reason === "pain" && !signal;
    if (hurt) sayAll(finish.hurtLines(plan, summary));
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
        if (options.checkins && !signal && !ctrlC && !output.lost) {
          ratings.after = await (await prompts())
            .askRating(ctx, "after", rating)
            .catch(() => undefined);
        }
        save();
      } finally {
        process.removeListener("exit", save);
      }
    }
    const [stop] = state && summary ? routineStops([summaryOf(record(state))], ctx.now()) : [];
    const close = finish.closing({
      plan,
      summary,
      signal,
      ctrlC,
      declined,
      hurt,
      saved,
      logFailed: log?.failed,
      readable:
        !output.terminalGone && !output.lost && Boolean(ctx.stdout.isTTY || ctx.stderr.isTTY),
      stop,
      ratings,
      massageDone: Boolean(
        state?.timeline.some((s, i) => s.kind === "massage" && (state.elapsedMs[i] ?? 0) >= 1000),
      ),
      checkins: options.checkins,
      now: ctx.now(),
    });
    sayAll(close.lines);
    if (close.failure) println(ctx.stderr, ctx.errStyle.error(words.failure(close.failure)));
    if (close.weekly) {
      const { offerWeeklyCheck } = await import("../progress/weekly.js");
      await offerWeeklyCheck(ctx, { lines: rating.lines, out: talk });
    }
    return close.exit;
  }
}
