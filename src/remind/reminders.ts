import { spawnSync } from "node:child_process";
import { openAllowanceHistory } from "../coach/prepare.js";
import { readReminderSettings, writeReminderList } from "../config/store.js";
import type { Context } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { readSnapshot } from "../history/safety-snapshot.js";
import { onPath } from "../on-path.js";
import { openLibrary, userRoutinesDir } from "../routine/folder.js";
import { findRoutine } from "../routine/library.js";
import { timelineToRun } from "../session/timeline-to-run.js";
import { remindText, type Said, said, say } from "../text/remind.js";
import { quote } from "../ui/safe.js";
import { decideNudge, type Nudge, type NudgeRoutine } from "./decide.js";
import { writeLauncher } from "./launcher.js";
import { withLock } from "./lock.js";
import type { Reminder } from "./model.js";
import { knotCommand } from "./notify.js";
import { profileOf, remindFiles } from "./profile.js";
import type { SchedulerContext } from "./scheduler-context.js";
import { pickScheduler, remove } from "./schedulers.js";
import { changeRemindState, forgetStates } from "./state.js";

// The reminders as knot's remind commands reach them (setting one, listing, firing, keeping
// them in a terminal): the system's scheduler, the lock they take turns by, the list, each
// one's decision now and what a firing leaves behind.

/** When a reminder is next due: its time today, else its weekday and time. */
export const when = remindText.when;

export function schedulerContext(ctx: Context): SchedulerContext {
  return {
    platform: process.platform,
    env: ctx.env,
    run: (command, args, input) => {
      const r = spawnSync(command, args, { input, env: ctx.env, timeout: 20_000 });
      return {
        status: r.status,
        stdout: r.stdout ?? Buffer.alloc(0),
        stderr: r.stderr?.toString("utf8") ?? "",
        error: r.error,
      };
    },
    findProgram: (name) => onPath(name, ctx.env),
    launcher: remindFiles(ctx.paths.data).launcher,
    profile: profileOf(ctx.paths.config),
    configDir: ctx.paths.config,
  };
}

/** Writes the launcher entries run, for this Node and this knot. */
export function writeLauncherFor(ctx: Context): string {
  const [node, knot] = knotCommand() as [string, string];
  return writeLauncher({ node, knot, env: ctx.env, dataDir: ctx.paths.data });
}

/** Runs `fn` holding the reminders' lock: changes to reminders and their state take turns. */
export const withRemindLock = <T>(ctx: Context, fn: () => T): T =>
  withLock(remindFiles(ctx.paths.data).lock, fn);

/** The reminders (never moving the settings aside). */
export const readReminders = (ctx: Context) => readReminderSettings(ctx.paths.config);

/** The routine as the rules need it. */
export function routineFor(
  ctx: Context,
  id: string,
  library = openLibrary(ctx),
): NudgeRoutine & { summary: string; seconds: number } {
  const entry = findRoutine(library, id);
  // a reminder runs later, from anywhere: it names a routine of the library, not a file
  if (library.find(entry.routine.id) !== entry) {
    throw new KnotError(remindText.notFromLibrary(quote(id)), {
      hint: remindText.notFromLibraryHint(userRoutinesDir(ctx)),
    });
  }
  return {
    id: entry.routine.id,
    name: entry.routine.name,
    summary: entry.routine.summary,
    category: entry.routine.category,
    areas: entry.routine.areas,
    // what runs: the calls to take each pack off included, as a session would check it
    timeline: timelineToRun(entry.timeline, undefined),
    seconds: entry.totalSeconds,
  };
}

/** The recent history the decision reads. */
function historyFor(ctx: Context) {
  const journal = openAllowanceHistory(ctx, () => {});
  return { records: journal.records, recent: journal.recent };
}

/**
 * Why a reminder's decision cannot be made, and what to do, as messages' ids and values: a
 * firing keeps them in the reminder's state and log, worded when shown.
 */
export class ReminderTrouble extends KnotError {
  constructor(
    readonly reason: Said,
    readonly fix: Said,
  ) {
    super(said(reason), { hint: said(fix), exitCode: ExitCode.failure });
  }
}

/** The decision for a reminder now; the advice counts once a day for all reminders together. */
export function decide(
  ctx: Context,
  settings: { get: (key: "massage.dailyLimitMinutes") => unknown },
  reminder: Reminder,
  state: { lastFiredAt?: number; snoozedUntil?: number },
  adviceAt: number | undefined,
) {
  const library = openLibrary(ctx);
  // a file of your own removed since the reminder was set: said, and the reminder stays
  const { routine: id } = reminder;
  if (!library.find(id) && !library.broken.some((b) => b.id === id)) {
    throw new ReminderTrouble(say("routineGone", quote(id)), say("routineGoneFix", reminder.id));
  }
  const routine = routineFor(ctx, id, library);
  const { records, recent } = historyFor(ctx);
  const nudge = decideNudge({
    reminder,
    routine,
    now: ctx.now(),
    state: { ...state, lastAdviceAt: adviceAt },
    records,
    recent,
    massageLimitSeconds: (settings.get("massage.dailyLimitMinutes") as number) * 60,
    kept: readSnapshot(ctx.paths.data),
  });
  return { nudge, routine };
}

/** Marks what reached the person: when the reminder (or the advice, for all) last did. */
export function markFired(ctx: Context, reminder: Reminder, nudge: Nudge): void {
  const now = ctx.now();
  if (nudge.action === "quiet") return;
  changeRemindState(ctx.paths.data, (all) => {
    const s = all.reminders[reminder.id] ?? {};
    all.reminders[reminder.id] = {
      ...s,
      lastFiredAt: now,
      snoozedUntil: nudge.action === "remind" ? undefined : s.snoozedUntil,
      failure: undefined,
      waiting: undefined,
    };
    if (nudge.action === "advise") all.adviceAt = now;
  });
}

/** Removes a one-time reminder that is done with, from the settings and the scheduler. */
export function finishOnce(ctx: Context, reminder: Reminder): void {
  if (reminder.kind !== "once") return;
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  withRemindLock(ctx, () => {
    const current = readReminders(ctx);
    if (current.writable) {
      writeReminderList(
        ctx.paths.config,
        current.reminders.filter((r) => r.id !== reminder.id),
      );
    }
    if (name) remove(name, [reminder.id], sched);
    forgetStates(ctx.paths.data, [reminder.id]);
  });
}

export const ADVICE_TITLE = remindText.adviceTitle;
