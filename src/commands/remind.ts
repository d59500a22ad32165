import { allowanceNow, openAllowanceHistory } from "../coach/prepare.js";
import { writeReminderList } from "../config/store.js";
import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import {
  DEFAULT_BETWEEN,
  DEFAULT_DAYS,
  nextSlot,
  REMINDER_LIMITS,
  type Reminder,
} from "../remind/model.js";
import { parseBetween, parseDays, parseEvery } from "../remind/parse.js";
import {
  readReminders,
  routineFor,
  schedulerContext,
  when,
  withRemindLock,
  writeLauncherFor,
} from "../remind/reminders.js";
import { entriesPresent, install, pickScheduler, remove } from "../remind/schedulers.js";
import { changeRemindState, forgetStates } from "../remind/state.js";
import { clockTime } from "../safety/clock.js";
import { THERMAL_RULES } from "../safety/rules.js";
import { said, remindText as t } from "../text/remind.js";
import { quote } from "../ui/safe.js";
import { readUserSettings } from "./settings.js";

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
      throw new KnotError(t.notSet(current.problem && said(current.problem)), {
        exitCode: ExitCode.failure,
        hint: t.fixTheFile,
      });
    }
    const count = current.reminders.length + current.unreadable.length;
    if (count >= REMINDER_LIMITS.maxReminders) {
      throw new KnotError(t.tooMany(count), {
        hint: t.tooManyHint,
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
    t.set(full.id, t.describe(full), next === undefined ? undefined : when(next, ctx.now())),
  );
  if (where) {
    println(ctx.stdout, t.scheduled(where, full.id));
  } else {
    println(ctx.stdout, t.noScheduler(process.platform === "win32"));
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
  const journal = openAllowanceHistory(ctx, warnTo(ctx));
  const settings = await readUserSettings(ctx);
  const allowance = allowanceNow(ctx, journal.records, journal.recent, settings);
  const last = allowance.cold.lastEnd;
  if (last === undefined) {
    throw new KnotError(t.noColdYet, {
      hint: t.noColdYetHint,
    });
  }
  const at = allowance.cold.advisedFrom ?? last + THERMAL_RULES.coldGapMs;
  if (at <= now) {
    println(ctx.stdout, t.coldFineNow(clockTime(last)));
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
    throw new KnotError(t.whichOne);
  }
  const sched = schedulerContext(ctx);
  const name = pickScheduler(sched);
  withRemindLock(ctx, () => {
    const current = readReminders(ctx);
    if (!current.writable) {
      throw new KnotError(t.notChanged(current.problem && said(current.problem)), {
        exitCode: ExitCode.failure,
        hint: t.fixTheFile,
      });
    }
    // an entry left with no reminder behind it can be stopped by its id too
    const present = name ? entriesPresent(name, sched) : new Set<string>();
    const known = [
      ...new Set([...current.reminders.map((r) => r.id), ...current.unreadable, ...present]),
    ];
    if (id && !options.all && !known.includes(id)) {
      throw new KnotError(t.noSuch(quote(id)), {
        hint: known.length > 0 ? t.known(known.join(", ")) : undefined,
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
  println(ctx.stdout, options.all ? t.allOff : t.off(id!));
  return ExitCode.ok;
}
