import type { Area, Category } from "../routine/vocabulary.js";
import type { RecordSummary, SessionRecord } from "./record-types.js";

// One Date whose time is set for each instant asked: the rules, the charts and the streak ask
// for days and offsets of weeks to decades of sessions, often in code V8 has not optimised
// yet, where making a Date for each costs more (and leaves more for the garbage collector).
const probe = new Date(0);

/** Local midnight at the start of the day holding `ms`. */
export function startOfDay(ms: number): number {
  probe.setTime(ms);
  return probe.setHours(0, 0, 0, 0);
}

/** Local midnight `days` days after the day holding `ms` (daylight-saving safe). */
export function addDays(ms: number, days: number): number {
  probe.setTime(startOfDay(ms));
  return probe.setDate(probe.getDate() + days);
}

/** "2026-11-22" in local time. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * The streak, counted forgivingly: days with a session, where a single rest day between them
 * does not break the run (two in a row do). Several sessions in a day count once, so the streak
 * never rewards doing more.
 */
export function streak(records: readonly RecordSummary[], now: number): number {
  const days = records
    .filter((r) => r.doneSeconds > 0)
    .map((r) => dayNumber(Date.parse(r.startedAt)));
  return streakOverDays(
    [...new Set(days)].sort((a, b) => b - a),
    now,
  );
}

/** The offset from UTC at `ms`, in minutes, as getTimezoneOffset gives it. */
export const offsetAt = (ms: number): number => {
  probe.setTime(ms);
  return probe.getTimezoneOffset();
};

/** The local day holding `ms`, as a number of days since 1970-01-01 (local). */
export const dayNumber = (ms: number): number =>
  Math.floor((ms - offsetAt(ms) * 60_000) / 86_400_000);

/**
 * Days with a session in a row as the streak counts them, newest `newest` and earliest
 * `earliest`: `count` days, each within one rest day of the next (see continuesRun). What the
 * streak cache keeps of the months it has counted, in place of their days.
 */
export interface DayRun {
  newest: number;
  count: number;
  earliest: number;
}

/** Whether a day with a session, `older`, keeps a run that reached `newer` going (one rest day between at most). */
export const continuesRun = (newer: number, older: number): boolean => newer - older <= 2;

/**
 * The same count from the days with a session, newest first (each once): the history's
 * month indexes give these for years of sessions without reading them. A DayRun stands for
 * its days, all on or before the day being looked for (the streak cache's older months).
 */
export function streakOverDays(
  daysNewestFirst: Iterable<number | DayRun>,
  now: number,
  /** Kept at the earliest day that can still count, so the days' source can stop early. */
  reach: { floor: number } = { floor: Number.NEGATIVE_INFINITY },
): number {
  const today = dayNumber(now);
  let count = 0;
  // The next day to look at. Today without a session yet is neither counted nor a rest day.
  let next = today;
  reach.floor = today - 2;
  for (const item of daysNewestFirst) {
    const day = typeof item === "number" ? item : item.newest;
    if (day > next) continue;
    if (next === today && day < today) next = today - 1;
    // `next - day` days without a session lie between: one is a rest day, two end the run
    if (!continuesRun(next + 1, day)) break;
    if (typeof item === "number") {
      count += 1;
      next = day - 1;
    } else {
      count += item.count;
      next = item.earliest - 1;
    }
    reach.floor = next - 1;
  }
  return count;
}

export const STREAK_RULE =
  "days with a session; one rest day between them keeps the streak, two in a row end it; several sessions in a day count once";

/** A session of this routine cut off less than 12 hours ago, and not resumed since: offer to resume. */
export function resumable(
  records: readonly SessionRecord[],
  routineId: string,
  now: number,
): SessionRecord | undefined {
  const mine = records.filter((r) => r.routine === routineId);
  const last = mine.at(-1);
  if (last?.ended !== "interrupted") return undefined;
  if (now - Date.parse(last.endedAt) > 12 * 60 * 60 * 1000) return undefined;
  if (last.stoppedAt <= 0 && last.doneSeconds === 0) return undefined;
  return last;
}

export interface DayTotal {
  day: string;
  start: number;
  sessions: number;
  minutes: number;
}

/** Sessions and minutes for each of the last `days` days, oldest first. */
export function dailyTotals(
  records: readonly RecordSummary[],
  days: number,
  now: number,
): DayTotal[] {
  const totals: DayTotal[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = addDays(now, -i);
    totals.push({ day: dayKey(start), start, sessions: 0, minutes: 0 });
  }
  addToDays(totals, records);
  return totals;
}

/**
 * Adds each session to its day among `totals` (days in a row, oldest first, as dailyTotals
 * makes them); sessions on other days are left out. A session's day is found by its local day
 * number (dayNumber, one offset from UTC), not by its date written out, which asks the clock
 * for the year, month and day apart: a month's sessions at a time, for each period stats shows.
 */
export function addToDays(totals: DayTotal[], records: readonly RecordSummary[]): void {
  if (totals.length === 0) return;
  const first = dayNumber((totals[0] as DayTotal).start);
  for (const r of records) {
    const t = totals[dayNumber(Date.parse(r.startedAt)) - first];
    if (!t) continue;
    t.sessions += 1;
    t.minutes += r.doneSeconds / 60;
  }
}

export function minutesBy<K extends string>(
  records: readonly RecordSummary[],
  key: (r: RecordSummary) => K[],
): Map<K, number> {
  const totals = new Map<K, number>();
  for (const r of records)
    for (const k of key(r)) totals.set(k, (totals.get(k) ?? 0) + r.doneSeconds / 60);
  return totals;
}

/**
 * Minutes done on each body area, from the steps (RecordSummary.areaSeconds); a summary kept
 * without them (none are now: indexes are rebuilt) counts its whole session for each area.
 */
export function minutesByArea(records: readonly RecordSummary[]): Map<Area, number> {
  const totals = new Map<Area, number>();
  const add = (area: Area, seconds: number) =>
    totals.set(area, (totals.get(area) ?? 0) + seconds / 60);
  // Keys walked with for-in, not Object.entries and destructuring: a month's summaries pass
  // here before V8 has optimised it, where each entry's array and iterator cost the most.
  for (const r of records) {
    const seconds = r.areaSeconds;
    if (seconds) {
      for (const area in seconds) add(area as Area, seconds[area as Area] as number);
    } else {
      for (const area of new Set(r.areas)) add(area, r.doneSeconds);
    }
  }
  return totals;
}

export const byCategory = (r: RecordSummary): Category[] => [r.category];
export const byArea = (r: RecordSummary): Area[] => r.areas;
