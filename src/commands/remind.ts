import { spawnSync } from "node:child_process";
import { readReminderSettings, writeReminderList } from "../config/store.js";
import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { openJournal, stepsFrom } from "../history/journal.js";
import { readSnapshot } from "../history/safety-snapshot.js";
import { onPath } from "../on-path.js";
import { decideNudge, type Nudge, type NudgeRoutine } from "../remind/decide.js";
import { writeLauncher } from "../remind/launcher.js";
import { withLock } from "../remind/lock.js";
import {
  DEFAULT_BETWEEN,
  DEFAULT_DAYS,
  describeReminder,
  nextSlot,
  parseBetween,
  parseDays,
  parseEvery,
  REMINDER_LIMITS,
  type Reminder,
} from "../remind/model.js";
import { knotCommand } from "../remind/notify.js";
import { profileOf, remindFiles } from "../remind/profile.js";
import {
  entriesPresent,
  install,
  pickScheduler,
  remove,
  type SchedulerContext,
} from "../remind/schedulers.js";
import { changeRemindState, forgetStates } from "../remind/state.js";
import { findRoutine } from "../routine/library.js";
import { THERMAL_RULES, timelineToRun } from "../safety/rules.js";
import { RULES_LOOK_BACK_MS } from "../safety/trend.js";
import { quote } from "../ui/safe.js";
import { allowanceNow } from "./allowance-now.js";
import { readUserSettings } from "./settings.js";
import { openLibrary, userRoutinesDir } from "./shared.js";

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
export const when = (ms: number, now: number) => {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return sameDay
    ? clock(ms)
    : `${new Date(ms).toLocaleDateString(undefined, { weekday: "short" })} ${clock(ms)}`;
};

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
): NudgeRoutine & { summary: string; seconds: number } {
  const library = openLibrary(ctx);
  const entry = findRoutine(library, id);
  // a reminder runs later, from anywhere: it names a routine of the library, not a file
  if (library.find(entry.routine.id) !== entry) {
    throw new KnotError(`A reminder needs a routine from knot list, not a file (${quote(id)}).`, {
      hint: `Put the file in your routines folder (${userRoutinesDir(ctx)}) and use its id.`,
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

/**
 * Saves a new reminder and hands it to the system's scheduler, all under the reminders' lock.
 * The entry is written first: a scheduler that refuses leaves nothing behind (no setting, no
 * entry), and is what the person reads.
 */
function add(ctx: Context, reminder: Omit<Reminder, "id">): number {
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  const { full, where } = withRemindLock(ctx, () => {
    const current = readReminders(ctx);
    if (!current.writable) {
      throw new KnotError(`No reminder was set: ${current.problem}.`, {
        exitCode: ExitCode.failure,
        hint: "Fix the file (knot config path shows it), or move it aside to start afresh.",
      });
    }
    const count = current.reminders.length + current.unreadable.length;
    if (count >= REMINDER_LIMITS.maxReminders) {
      throw new KnotError(`You have ${count} reminders, the most knot keeps.`, {
        hint: "Stop one first: knot remind list, then knot remind off ID",
      });
    }
    // ids are never given twice, even after a reminder is removed
    const taken = [...current.reminders.map((r) => r.id), ...current.unreadable]
      .map((id) => Number(id.slice(1)))
      .filter(Number.isInteger);
    const id = changeRemindState(ctx.paths.data, (state) => {
      state.lastId = Math.max(state.lastId, ...taken) + 1;
      return `r${state.lastId}`;
    });
    const full: Reminder = { id, ...reminder };
    let where: string | undefined;
    if (name) {
      writeLauncherFor(ctx);
      try {
        where = install(name, full, sched);
      } catch (error) {
        remove(name, [id], sched);
        throw error;
      }
    }
    try {
      writeReminderList(ctx.paths.config, [...current.reminders, full]);
    } catch (error) {
      if (name) remove(name, [id], sched);
      throw error;
    }
    return { full, where };
  });
  const next = nextSlot(full, ctx.now());
  println(
    ctx.stdout,
    `Reminder ${full.id}: ${describeReminder(full)}.${next === undefined ? "" : ` Next: ${when(next, ctx.now())}.`}`,
  );
  if (where) {
    println(ctx.stdout, `Scheduled: ${where}. Stop it: knot remind off ${full.id}`);
  } else {
    println(
      ctx.stdout,
      `No system scheduler knot can use here (${process.platform === "win32" ? "Windows is not supported yet" : "neither systemd nor cron"}): it is kept for knot remind --here, which reminds you while it runs in a terminal.`,
    );
  }
  return ExitCode.ok;
}

export interface EveryOptions {
  between?: string;
  days?: string;
  routine?: string;
}

export async function remindEvery(
  interval: string,
  options: EveryOptions,
  ctx: Context,
): Promise<number> {
  const every = parseEvery(interval);
  const between = options.between === undefined ? DEFAULT_BETWEEN : parseBetween(options.between);
  const days = options.days === undefined ? DEFAULT_DAYS : parseDays(options.days);
  const routine = routineFor(ctx, options.routine ?? "desk-break");
  return add(ctx, {
    kind: "every",
    routine: routine.id,
    every,
    between,
    days,
    createdAt: new Date(ctx.now()).toISOString(),
  });
}

/** One reminder for when cold is advisable again after today's last application. */
export async function remindCold(options: { routine?: string }, ctx: Context): Promise<number> {
  const now = ctx.now();
  const routine = routineFor(ctx, options.routine ?? "cold-cycle");
  const journal = openJournal(ctx, warnTo(ctx), stepsFrom(now), now - RULES_LOOK_BACK_MS);
  const settings = await readUserSettings(ctx);
  const allowance = allowanceNow(ctx, journal.records, journal.recent, settings);
  const last = allowance.cold.lastEnd;
  if (last === undefined) {
    throw new KnotError("No cold session since yesterday to follow on from.", {
      hint: "knot remind cold comes after a cold session (knot start cold-cycle, or knot cycle).",
    });
  }
  const at = allowance.cold.advisedFrom ?? last + THERMAL_RULES.coldGapMs;
  if (at <= now) {
    println(
      ctx.stdout,
      `Cold is fine again now: the last application ended at ${clock(last)}, over 2 hours ago. Check your skin is back to normal first.`,
    );
    return ExitCode.ok;
  }
  return add(ctx, {
    kind: "once",
    routine: routine.id,
    at: new Date(at).toISOString(),
    createdAt: new Date(now).toISOString(),
  });
}

export async function remindOff(
  id: string | undefined,
  options: { all?: boolean },
  ctx: Context,
): Promise<number> {
  if (!id && !options.all) {
    throw new KnotError("Which reminder? Give its id (knot remind list), or --all.");
  }
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  withRemindLock(ctx, () => {
    const current = readReminders(ctx);
    if (!current.writable) {
      throw new KnotError(`Reminders were not changed: ${current.problem}.`, {
        exitCode: ExitCode.failure,
        hint: "Fix the file (knot config path shows it), or move it aside to start afresh.",
      });
    }
    // an entry left with no reminder behind it can be stopped by its id too
    const present = name ? entriesPresent(name, sched) : new Set<string>();
    const known = [
      ...new Set([...current.reminders.map((r) => r.id), ...current.unreadable, ...present]),
    ];
    if (id && !options.all && !known.includes(id)) {
      throw new KnotError(`There is no reminder ${quote(id)}.`, {
        hint: known.length > 0 ? `Reminders: ${known.join(", ")}` : undefined,
      });
    }
    const ids = options.all ? "all" : [id!];
    // The list first: a list that cannot be saved leaves the reminder listed and scheduled as
    // it was. An entry left behind by a failure after it is still stopped by its id (above).
    writeReminderList(
      ctx.paths.config,
      options.all ? [] : current.reminders.filter((r) => r.id !== id),
      ids,
    );
    // --all removes every entry of this profile's, even ones its settings no longer list
    if (name) remove(name, ids, sched);
    forgetStates(ctx.paths.data, ids);
  });
  println(
    ctx.stdout,
    options.all ? "All reminders stopped and removed." : `Reminder ${id} stopped and removed.`,
  );
  return ExitCode.ok;
}

/** The recent history the decision reads. */
function historyFor(ctx: Context) {
  const now = ctx.now();
  const journal = openJournal(ctx, () => {}, stepsFrom(now), now - RULES_LOOK_BACK_MS);
  return { records: journal.records, recent: journal.recent };
}

/** The decision for a reminder now; the advice counts once a day for all reminders together. */
export function decide(
  ctx: Context,
  settings: { get: (key: "massage.dailyLimitMinutes") => unknown },
  reminder: Reminder,
  state: { lastFiredAt?: number; snoozedUntil?: number },
  adviceAt: number | undefined,
) {
  const routine = routineFor(ctx, reminder.routine);
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

export const ADVICE_TITLE = "knot: please see a doctor";
