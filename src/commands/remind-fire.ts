import { spawnSync } from "node:child_process";
import { remindersMovedAside } from "../config/store.js";
import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { onPath } from "../on-path.js";
import { isSpent, lastDue } from "../remind/decide.js";
import { existsPath, findDesktop, notNow, type Probe } from "../remind/desktop.js";
import { logFiring, type Outcome } from "../remind/log.js";
import type { Reminder } from "../remind/model.js";
import { notify, openTerminal } from "../remind/notify.js";
import {
  ADVICE_TITLE,
  decide,
  finishOnce,
  ReminderTrouble,
  readReminders,
  schedulerContext,
  withRemindLock,
} from "../remind/reminders.js";
import { remindersFile } from "../remind/reminders-file.js";
import { pickScheduler, remove, retryDone, retrySoon } from "../remind/schedulers.js";
import { changeRemindState, readRemindState } from "../remind/state.js";
import { DAY_MS } from "../safety/allowance.js";
import {
  quietSaid,
  reasonsSaid,
  reminderText,
  type Said,
  said,
  say,
  remindText as t,
} from "../text/remind.js";

/** The system as the desktop lookup sees it. */
export function probeFor(ctx: Context): Probe {
  return {
    env: ctx.env,
    uid: process.getuid?.(),
    run: (command, args, env) => {
      const r = spawnSync(command, args, { env, encoding: "utf8", timeout: 5000 });
      return { status: r.error ? null : r.status, stdout: r.stdout ?? "" };
    },
    exists: existsPath,
    findProgram: (name) => onPath(name, ctx.env),
  };
}

const record = (ctx: Context, id: string, outcome: Outcome, why?: Said | string) =>
  logFiring(ctx.paths.data, { at: new Date(ctx.now()).toISOString(), id, outcome, why });

/**
 * A firing that could not reach the person: kept (as messages' ids and values, worded when
 * shown) in the state and the log, and said now. Words another part of knot gave (an error's
 * message, such as the history's) are kept as they are.
 */
function fail(ctx: Context, id: string, reason: Said | string, fix: Said | string): void {
  changeRemindState(ctx.paths.data, (all) => {
    all.reminders[id] = { ...all.reminders[id], failure: { at: ctx.now(), reason, fix } };
  });
  record(ctx, id, "failed", say("failedWhy", reason, fix));
  println(ctx.stderr, t.couldNotReach(id, said(reason), said(fix)));
}

/**
 * `knot remind fire ID`, run by the system's scheduler (through knot's launcher): decides,
 * and if the reminder should reach the person, a desktop notification says what and how
 * long; where the notifier offers buttons, "Start" opens a terminal running the routine.
 * A notification that cannot be shown leaves the reminder due, records why, and exits 1.
 */
export async function remindFire(id: string, ctx: Context): Promise<number> {
  const fired = await fireOnce(id, ctx);
  // due but not delivered: tried again in a few minutes; delivered or not due: no more retries
  try {
    const sched = schedulerContext(ctx);
    const name = pickScheduler(sched);
    if (name && fired.retry) retrySoon(name, id, sched);
    else if (name) retryDone(name, id, sched);
  } catch {
    // a retry is a kindness: the reminder's own entry still runs at its next time
  }
  return fired.code;
}

/** What a firing came to: its exit code, and whether to try again soon. */
interface Fired {
  code: number;
  retry: boolean;
}
const done = (code: number): Fired => ({ code, retry: false });

async function fireOnce(id: string, ctx: Context): Promise<Fired> {
  const now = ctx.now();
  const current = readReminders(ctx);
  const reminder = current.reminders.find((r) => r.id === id);
  const probe = probeFor(ctx);
  if (!reminder) {
    // a reminders file gone as a whole is not taken as "stop my reminders" either
    const kept =
      current.unreadable.includes(id) ||
      !current.writable ||
      !current.exists ||
      remindersMovedAside(ctx.paths.config).has(id);
    if (kept) {
      // never removed over settings knot cannot use: said where the person sees it
      const reason: Said | string =
        current.problem ??
        (current.exists
          ? say("missingFromSettings", id)
          : say("fileGone", remindersFile(ctx.paths.config), id));
      // `knot remind off` changes the file too: offered only where it can
      const fix = current.writable
        ? say("putRightOrOff", remindersFile(ctx.paths.config), id)
        : say("putRightOrMove", remindersFile(ctx.paths.config));
      const before = readRemindState(ctx.paths.data).reminders[id]?.failure;
      fail(ctx, id, reason, fix);
      // told once a day, not at every time of the reminder
      if (!before || said(before.reason) !== said(reason) || before.at < now - DAY_MS) {
        await notify(findDesktop(probe), t.needsYouTitle, t.needsYouBody(said(reason), said(fix)));
      }
      return done(ExitCode.failure);
    }
    // left behind by a reminder that is gone: tidy it away
    const sched = schedulerContext(ctx);
    const name = pickScheduler(sched);
    if (name) withRemindLock(ctx, () => remove(name, [id], sched));
    record(ctx, id, "quiet", say("entryRemoved"));
    return done(ExitCode.ok);
  }
  if (current.problem) record(ctx, id, "problem", current.problem);

  // one-time reminders never come again (cron and launchd have no year)
  if (reminder.kind === "once" && Date.parse(reminder.at!) < now - DAY_MS) {
    finishOnce(ctx, reminder);
    record(ctx, id, "quiet", say("longPastRemoved"));
    println(ctx.stdout, t.longPast);
    return done(ExitCode.ok);
  }

  const kept = readRemindState(ctx.paths.data);
  const state = kept.reminders[id] ?? {};
  let decided: ReturnType<typeof decide>;
  try {
    decided = decide(ctx, current.settings, reminder, state, kept.adviceAt);
  } catch (error) {
    // its routine gone (a file of your own removed), history unreadable: said, not swallowed
    if (error instanceof ReminderTrouble) fail(ctx, id, error.reason, error.fix);
    else if (error instanceof KnotError) {
      // words another part of knot gave (the history unreadable): kept as they are
      fail(ctx, id, error.message.replace(/\.$/, ""), error.hint ?? say("offStopsIt", id));
    } else throw error;
    return { code: ExitCode.failure, retry: false };
  }
  const { nudge, routine } = decided;
  if (nudge.action === "quiet") {
    if (isSpent(nudge)) finishOnce(ctx, reminder);
    const why = quietSaid(nudge);
    record(ctx, id, "quiet", why);
    println(ctx.stdout, t.quiet(said(why)));
    return done(ExitCode.ok);
  }

  const desktop = findDesktop(probe);
  const away = notNow(probe, desktop);
  if (away) {
    changeRemindState(ctx.paths.data, (all) => {
      const s = all.reminders[id] ?? {};
      all.reminders[id] = { ...s, waiting: { since: s.waiting?.since ?? now, why: away } };
    });
    record(ctx, id, "waiting", away);
    println(ctx.stdout, t.waitingNow(said(away)));
    return { code: ExitCode.ok, retry: true };
  }

  // claimed under the lock: two firings at once remind once
  const dueAt = lastDue(reminder, state, now) ?? now;
  const before = withRemindLock(ctx, () =>
    changeRemindState(ctx.paths.data, (all) => {
      const s = all.reminders[id] ?? {};
      if ((s.lastFiredAt ?? -1) >= dueAt) return undefined;
      const previous = { lastFiredAt: s.lastFiredAt, adviceAt: all.adviceAt };
      all.reminders[id] = { ...s, lastFiredAt: now };
      if (nudge.action === "advise") all.adviceAt = now;
      return previous;
    }),
  );
  if (!before) {
    println(ctx.stdout, t.alreadyReminded);
    return done(ExitCode.ok);
  }
  const text =
    nudge.action === "advise"
      ? { title: ADVICE_TITLE, body: t.advice(nudge.reasons) }
      : reminderText(routine);
  const shown = await notify(
    desktop,
    text.title,
    text.body,
    nudge.action === "remind" ? t.start : undefined,
  );
  if (!shown.shown) {
    // still due: the claim is given back, so the next chance reminds
    changeRemindState(ctx.paths.data, (all) => {
      all.reminders[id] = { ...all.reminders[id], lastFiredAt: before.lastFiredAt };
      if (nudge.action === "advise") all.adviceAt = before.adviceAt;
    });
    fail(ctx, id, shown.reason, shown.fix);
    return { code: ExitCode.failure, retry: true };
  }
  changeRemindState(ctx.paths.data, (all) => {
    const s = all.reminders[id] ?? {};
    all.reminders[id] = {
      ...s,
      snoozedUntil: nudge.action === "remind" ? undefined : s.snoozedUntil,
      failure: undefined,
      waiting: undefined,
    };
  });
  if (nudge.action === "advise") {
    record(ctx, id, "advised", reasonsSaid(nudge.reasons));
    println(ctx.stdout, t.advised);
    return done(ExitCode.ok);
  }
  if (reminder.kind === "once") finishOnce(ctx, reminder);
  record(ctx, id, "reminded", routine.id);
  println(ctx.stdout, t.reminded(text.body));
  if (await shown.chosen) {
    const problem = await openTerminal(desktop, ["start", routine.id]);
    if (problem) {
      fail(ctx, id, say("startPressed", problem), say("openTerminalFix"));
      return done(ExitCode.failure);
    }
  }
  return done(ExitCode.ok);
}

export type { Reminder };
