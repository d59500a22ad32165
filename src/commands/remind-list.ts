import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { remindersMovedAside } from "../config/store.js";
import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { dayKey } from "../history/analysis.js";
import { proseWriter } from "../output.js";
import { nextDue } from "../remind/decide.js";
import { readLog } from "../remind/log.js";
import type { Reminder } from "../remind/model.js";
import {
  readReminders,
  schedulerContext,
  when,
  withRemindLock,
  writeLauncherFor,
} from "../remind/reminders.js";
import type { SchedulerName } from "../remind/scheduler-context.js";
import { entriesPresent, install, pickScheduler, remove } from "../remind/schedulers.js";
import { type KeptState, readRemindState } from "../remind/state.js";
import { clockTime } from "../safety/clock.js";
import { said, remindText as t } from "../text/remind.js";
import { safeText } from "../ui/safe.js";
import { printJson } from "./shared.js";

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Whether the launcher entries run can find Node and knot now (it says which, or why not). */
function launcherCheck(launcher: string): { runnable: boolean; detail: string } {
  if (!existsSync(launcher)) return { runnable: false, detail: t.launcherMissing(launcher) };
  const r = spawnSync("/bin/sh", [launcher, "--check"], { encoding: "utf8", timeout: 10_000 });
  const detail = (r.stdout ?? "").trim().replace(/\n/g, ", ");
  return { runnable: r.status === 0, detail: detail || t.exitStatus(r.status) };
}

export interface ReminderStatus {
  reminder: Reminder;
  state: KeptState;
  next?: number;
  /** Whether the scheduler holds its entry (undefined: no scheduler here). */
  entry?: boolean;
}

/** Everything `remind list` shows, gathered apart from printing it. */
export function reminderStatus(ctx: Context) {
  const current = readReminders(ctx);
  // a list that cannot be read is not an empty one
  if (current.damaged) throw current.damaged;
  const kept = readRemindState(ctx.paths.data);
  const sched = schedulerContext(ctx);
  const scheduler: SchedulerName | undefined = pickScheduler(sched);
  let present: Set<string> | undefined;
  let schedulerProblem: string | undefined;
  if (scheduler) {
    try {
      present = entriesPresent(scheduler, sched);
    } catch (error) {
      schedulerProblem = (error as Error).message;
    }
  }
  const now = ctx.now();
  const reminders: ReminderStatus[] = current.reminders.map((reminder) => {
    const state = kept.reminders[reminder.id] ?? {};
    return {
      reminder,
      state,
      next: nextDue(reminder, state, now),
      entry: present?.has(reminder.id),
    };
  });
  const known = new Set([
    ...current.reminders.map((r) => r.id),
    ...current.unreadable,
    ...remindersMovedAside(ctx.paths.config),
  ]);
  return {
    reminders,
    scheduler,
    schedulerProblem,
    settingsProblem: current.problem && said(current.problem),
    /** Entries of this profile with no reminder behind them. */
    strays: [...(present ?? [])].filter((id) => !known.has(id)),
    launcher: scheduler && reminders.length > 0 ? launcherCheck(sched.launcher) : undefined,
  };
}

export async function remindList(options: { json?: boolean }, ctx: Context): Promise<number> {
  const status = reminderStatus(ctx);
  const now = ctx.now();
  if (options.json) {
    // what is wrong beyond one reminder goes to stderr: the list stays a list for scripts
    for (const problem of [status.settingsProblem, status.schedulerProblem]) {
      if (problem) warnTo(ctx)(problem);
    }
    printJson(
      ctx,
      status.reminders.map(({ reminder, state, next, entry }) => ({
        ...reminder,
        next: iso(next),
        snoozedUntil:
          state.snoozedUntil && state.snoozedUntil > now ? iso(state.snoozedUntil) : null,
        lastFiredAt: iso(state.lastFiredAt),
        lastFailure: state.failure
          ? {
              at: iso(state.failure.at),
              reason: said(state.failure.reason),
              fix: said(state.failure.fix),
            }
          : null,
        waiting: state.waiting
          ? { since: iso(state.waiting.since), why: said(state.waiting.why) }
          : null,
        entry: {
          scheduler: status.scheduler ?? null,
          present: entry ?? null,
          runnable: status.launcher?.runnable ?? null,
          detail: status.launcher?.detail ?? null,
        },
      })),
    );
    return ExitCode.ok;
  }
  const s = ctx.style;
  // each line wrapped at word boundaries to the terminal (see proseWriter)
  const say = proseWriter(ctx.stdout, ctx.env);
  if (status.settingsProblem) say(s.warn(t.settingsProblem(safeText(status.settingsProblem))));
  if (status.reminders.length === 0) {
    say(t.none);
  }
  for (const { reminder: r, state, next, entry } of status.reminders) {
    const snoozed = state.snoozedUntil !== undefined && state.snoozedUntil > now;
    const nextText = next === undefined ? "" : t.next(snoozed, when(next, now));
    say(t.row(s.id(r.id.padEnd(4)), t.describe(r), s.dim(nextText)));
    const facts: string[] = [];
    facts.push(state.lastFiredAt ? t.lastReminded(when(state.lastFiredAt, now)) : t.notReminded);
    if (status.scheduler && entry === false) facts.push(s.warn(t.entryMissing));
    say(t.facts(s.dim(facts.join("; "))));
    if (state.waiting)
      say(t.waiting(when(state.waiting.since, now), safeText(said(state.waiting.why))));
    if (state.failure) {
      say(
        `     ${s.warn(t.failed(when(state.failure.at, now), safeText(said(state.failure.reason))))}\n${t.fix(safeText(said(state.failure.fix)))}`,
      );
    }
  }
  if (status.launcher && !status.launcher.runnable) {
    say(s.warn(t.cannotRun(safeText(status.launcher.detail))));
  }
  if (status.strays.length > 0) {
    say(s.warn(t.strays(status.strays.join(", "))));
  }
  if (status.schedulerProblem) say(s.warn(safeText(status.schedulerProblem)));
  return ExitCode.ok;
}

/**
 * `knot remind repair`: writes the launcher for this Node and knot again, rewrites every
 * reminder's entry, and removes entries of this profile with no reminder behind them.
 */
export async function remindRepair(ctx: Context): Promise<number> {
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  if (!name) {
    throw new KnotError(t.noSchedulerToRepair, {
      hint: t.noSchedulerToRepairHint,
    });
  }
  const done = withRemindLock(ctx, () => {
    const current = readReminders(ctx);
    if (current.damaged) throw current.damaged;
    writeLauncherFor(ctx);
    const keep = new Set([
      ...current.reminders.map((r) => r.id),
      ...current.unreadable,
      ...remindersMovedAside(ctx.paths.config),
    ]);
    const present = entriesPresent(name, sched);
    const strays = [...present].filter((id) => !keep.has(id));
    // old entries (named before profiles, or pointing at a Node that is gone) go first
    remove(name, [...strays, ...current.reminders.map((r) => r.id)], sched);
    return {
      written: current.reminders.map((r) => `${r.id}: ${install(name, r, sched)}`),
      strays,
    };
  });
  for (const line of done.written) println(ctx.stdout, t.rewritten(line));
  if (done.strays.length > 0) println(ctx.stdout, t.removedStrays(done.strays.join(", ")));
  if (done.written.length === 0) println(ctx.stdout, t.nothingToRepair);
  return ExitCode.ok;
}

/** `knot remind log`: the last firings and what each did. */
export async function remindLog(
  options: { json?: boolean; lines?: string },
  ctx: Context,
): Promise<number> {
  const n = Math.max(1, Math.min(300, Number(options.lines ?? 20) || 20));
  const entries = readLog(ctx.paths.data).slice(-n);
  if (options.json) {
    printJson(ctx, entries);
    return ExitCode.ok;
  }
  if (entries.length === 0) {
    println(ctx.stdout, t.noFirings);
    return ExitCode.ok;
  }
  for (const e of entries) {
    const at = new Date(e.at);
    const stamp = `${dayKey(at.getTime())} ${clockTime(at.getTime())}`;
    const text = t.logLine(
      stamp,
      e.id.padEnd(4),
      t.outcomes[e.outcome] ?? e.outcome,
      e.why === undefined ? undefined : said(e.why),
    );
    println(ctx.stdout, e.outcome === "failed" ? ctx.style.warn(safeText(text)) : safeText(text));
  }
  return ExitCode.ok;
}
