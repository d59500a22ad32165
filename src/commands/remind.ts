import { spawnSync } from "node:child_process";
import type { ConfigStore, Settings } from "../config/store.js";
import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { openJournal, stepsFrom } from "../history/journal.js";
import { readSnapshot } from "../history/safety-snapshot.js";
import {
  adviceText,
  decideNudge,
  type Nudge,
  type NudgeRoutine,
  reminderText,
} from "../remind/decide.js";
import {
  DEFAULT_BETWEEN,
  DEFAULT_DAYS,
  describeReminder,
  isReminder,
  nextSlot,
  parseBetween,
  parseDays,
  parseEvery,
  REMINDER_LIMITS,
  type Reminder,
} from "../remind/model.js";
import { knotCommand, notify, openTerminal } from "../remind/notify.js";
import { install, pickScheduler, remove, type SchedulerContext } from "../remind/schedulers.js";
import { forgetStates, readStates, updateState } from "../remind/state.js";
import { findRoutine } from "../routine/library.js";
import type { Area } from "../routine/vocabulary.js";
import { THERMAL_RULES } from "../safety/rules.js";
import { RULES_LOOK_BACK_MS } from "../safety/trend.js";
import { onPath } from "../session/cues.js";
import { quote } from "../ui/safe.js";
import { allowanceNow } from "./allowance-now.js";
import { openUserConfig, readUserSettings } from "./settings.js";
import { openLibrary, printJson, userRoutinesDir } from "./shared.js";

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
const when = (ms: number, now: number) => {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return sameDay
    ? clock(ms)
    : `${new Date(ms).toLocaleDateString(undefined, { weekday: "short" })} ${clock(ms)}`;
};

function schedulerContext(ctx: Context): SchedulerContext {
  return {
    platform: process.platform,
    env: ctx.env,
    run: (command, args, input) => {
      const r = spawnSync(command, args, {
        input,
        encoding: "utf8",
        env: ctx.env,
        timeout: 20_000,
      });
      return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
    },
    findProgram: (name) => onPath(name, ctx.env),
    knot: knotCommand(),
  };
}

const remindersIn = (settings: Settings): Reminder[] => {
  const value = settings.internal("reminders");
  return Array.isArray(value) ? value.filter(isReminder) : [];
};

function saveReminders(store: ConfigStore, reminders: Reminder[]): void {
  if (reminders.length === 0) store.raw.delete("reminders");
  else store.raw.set("reminders", reminders);
}

const nextId = (reminders: Reminder[]) =>
  `r${Math.max(0, ...reminders.map((r) => Number(r.id.slice(1)))) + 1}`;

/** The routine as the rules need it. */
function routineFor(ctx: Context, id: string): NudgeRoutine & { summary: string; seconds: number } {
  const library = openLibrary(ctx);
  const entry = findRoutine(library, id);
  // a reminder runs later, from anywhere: it names a routine of the library, not a file
  if (library.find(entry.routine.id) !== entry) {
    throw new KnotError(`A reminder needs a routine from knot list, not a file (${quote(id)}).`, {
      hint: `Put the file in your routines folder (${userRoutinesDir(ctx)}) and use its id.`,
    });
  }
  const massageByArea = new Map<Area, number>();
  for (const step of entry.timeline.filter((t) => t.kind === "massage")) {
    for (const area of step.area ? [step.area] : entry.routine.areas) {
      massageByArea.set(area, (massageByArea.get(area) ?? 0) + (step.seconds ?? 0));
    }
  }
  return {
    id: entry.routine.id,
    name: entry.routine.name,
    summary: entry.routine.summary,
    category: entry.routine.category,
    areas: entry.routine.areas,
    massageByArea,
    seconds: entry.totalSeconds,
  };
}

/** Saves a new reminder and hands it to the system's scheduler (undone if that fails). */
async function add(ctx: Context, reminder: Omit<Reminder, "id">): Promise<number> {
  const store = await openUserConfig(ctx);
  const reminders = remindersIn(store);
  if (reminders.length >= REMINDER_LIMITS.maxReminders) {
    throw new KnotError(`You have ${reminders.length} reminders, the most knot keeps.`, {
      hint: "Stop one first: knot remind list, then knot remind off ID",
    });
  }
  const full: Reminder = { id: nextId(reminders), ...reminder };
  saveReminders(store, [...reminders, full]);
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  const next = nextSlot(full, ctx.now());
  println(
    ctx.stdout,
    `Reminder ${full.id}: ${describeReminder(full)}.${next === undefined ? "" : ` Next: ${when(next, ctx.now())}.`}`,
  );
  if (!name) {
    println(
      ctx.stdout,
      `No system scheduler knot can use here (${process.platform === "win32" ? "Windows is not supported yet" : "neither systemd nor cron"}): it is kept for knot remind --here, which reminds you while it runs in a terminal.`,
    );
    return ExitCode.ok;
  }
  try {
    const where = install(name, full, sched);
    println(ctx.stdout, `Scheduled: ${where}. Stop it: knot remind off ${full.id}`);
  } catch (error) {
    saveReminders(store, reminders);
    remove(name, [full.id], sched);
    throw error;
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

export async function remindList(options: { json?: boolean }, ctx: Context): Promise<number> {
  const settings = await readUserSettings(ctx);
  const reminders = remindersIn(settings);
  const states = readStates(ctx.paths.data);
  const now = ctx.now();
  if (options.json) {
    printJson(
      ctx,
      reminders.map((r) => ({
        ...r,
        next: (() => {
          const next = nextSlot(r, now);
          return next === undefined ? null : new Date(next).toISOString();
        })(),
        lastFiredAt: states[r.id]?.lastFiredAt
          ? new Date(states[r.id]!.lastFiredAt!).toISOString()
          : null,
      })),
    );
    return ExitCode.ok;
  }
  if (reminders.length === 0) {
    println(ctx.stdout, "No reminders. Set one: knot remind every 1h --between 09:00-17:30");
    return ExitCode.ok;
  }
  for (const r of reminders) {
    const next = nextSlot(r, now);
    println(
      ctx.stdout,
      `${ctx.style.id(r.id.padEnd(4))} ${describeReminder(r)}${next === undefined ? "" : ctx.style.dim(`  next ${when(next, now)}`)}`,
    );
  }
  return ExitCode.ok;
}

export async function remindOff(
  id: string | undefined,
  options: { all?: boolean },
  ctx: Context,
): Promise<number> {
  if (!id && !options.all) {
    throw new KnotError("Which reminder? Give its id (knot remind list), or --all.");
  }
  const store = await openUserConfig(ctx);
  const reminders = remindersIn(store);
  if (id && !reminders.some((r) => r.id === id)) {
    throw new KnotError(`There is no reminder ${quote(id)}.`, {
      hint:
        reminders.length > 0 ? `Reminders: ${reminders.map((r) => r.id).join(", ")}` : undefined,
    });
  }
  const ids = options.all ? "all" : [id!];
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  // --all removes every entry knot made, even ones its settings no longer list
  if (name) remove(name, ids, sched);
  saveReminders(store, options.all ? [] : reminders.filter((r) => r.id !== id));
  forgetStates(ctx.paths.data, ids);
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

function decide(ctx: Context, settings: Settings, reminder: Reminder) {
  const routine = routineFor(ctx, reminder.routine);
  const { records, recent } = historyFor(ctx);
  const state = readStates(ctx.paths.data)[reminder.id] ?? {};
  const nudge = decideNudge({
    reminder,
    routine,
    now: ctx.now(),
    state,
    records,
    recent,
    massageLimitSeconds: (settings.get("massage.dailyLimitMinutes") as number) * 60,
    kept: readSnapshot(ctx.paths.data),
  });
  return { nudge, routine };
}

/** Marks what a decision did: when the reminder (or the advice) last reached the person. */
function markFired(ctx: Context, reminder: Reminder, nudge: Nudge): void {
  const now = ctx.now();
  if (nudge.action === "remind") {
    updateState(ctx.paths.data, reminder.id, (s) => ({
      ...s,
      lastFiredAt: now,
      snoozedUntil: undefined,
    }));
  } else if (nudge.action === "advise") {
    updateState(ctx.paths.data, reminder.id, (s) => ({
      ...s,
      lastFiredAt: now,
      lastAdviceAt: now,
    }));
  }
}

/** Removes a one-time reminder that is done with, from the settings and the scheduler. */
async function finishOnce(ctx: Context, reminder: Reminder): Promise<void> {
  if (reminder.kind !== "once") return;
  const store = await openUserConfig(ctx);
  saveReminders(
    store,
    remindersIn(store).filter((r) => r.id !== reminder.id),
  );
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  if (name) remove(name, [reminder.id], sched);
  forgetStates(ctx.paths.data, [reminder.id]);
}

/** Marks a decision and, for a one-time reminder it settles, removes it. */
async function settle(ctx: Context, reminder: Reminder, nudge: Nudge): Promise<void> {
  markFired(ctx, reminder, nudge);
  const settled =
    nudge.action === "remind" || (nudge.action === "quiet" && /since it was set/.test(nudge.why));
  if (settled) await finishOnce(ctx, reminder);
}

const ADVICE_TITLE = "knot: please see a doctor";

/**
 * `knot remind fire ID`, run by the system's scheduler: decides, and if the reminder should
 * reach the person, a desktop notification says what and how long; where the notifier offers
 * buttons, "Start" opens a terminal running the routine.
 */
export async function remindFire(id: string, ctx: Context): Promise<number> {
  const settings = await readUserSettings(ctx);
  const reminder = remindersIn(settings).find((r) => r.id === id);
  if (!reminder) {
    // left behind by a reminder that is gone: tidy it away
    const sched = schedulerContext(ctx);
    const name = pickScheduler(sched);
    if (name) remove(name, [id], sched);
    return ExitCode.ok;
  }
  const { nudge, routine } = decide(ctx, settings, reminder);
  await settle(ctx, reminder, nudge);
  if (nudge.action === "quiet") {
    println(ctx.stdout, `quiet: ${nudge.why}`);
    return ExitCode.ok;
  }
  if (nudge.action === "advise") {
    await notify(ctx, ADVICE_TITLE, adviceText(nudge.reasons));
    println(ctx.stdout, "advised to see a doctor");
    return ExitCode.ok;
  }
  const { title, body } = reminderText(routine);
  const chosen = await notify(ctx, title, body, "Start");
  println(ctx.stdout, `reminded: ${body}`);
  if (chosen) openTerminal(ctx, ["start", routine.id]);
  return ExitCode.ok;
}

export { ADVICE_TITLE, decide, finishOnce, markFired, remindersIn, when };
