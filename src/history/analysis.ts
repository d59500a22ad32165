import type { Area, Category } from "../routine/vocabulary.js";
import type { SessionRecord } from "./record.js";

/** Local midnight at the start of the day holding `ms`. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local midnight `days` days after the day holding `ms` (daylight-saving safe). */
export function addDays(ms: number, days: number): number {
  const d = new Date(startOfDay(ms));
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/** "2026-11-22" in local time. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const overlap = (start: number, end: number, from: number, to: number) =>
  Math.max(0, Math.min(end, to) - Math.max(start, from));

/**
 * Seconds of massage per body area between `from` and `to`. A step counts for its own area,
 * or for every area of its routine when it has none; a step that crosses midnight counts for
 * each day only the part that fell in it.
 */
export function massageSecondsByArea(
  records: readonly SessionRecord[],
  from: number,
  to: number,
): Map<Area, number> {
  const totals = new Map<Area, number>();
  for (const r of records) {
    for (const step of r.steps) {
      if (step.kind !== "massage" || step.done <= 0 || step.at === null) continue;
      const start = Date.parse(step.at);
      const seconds = overlap(start, start + step.done * 1000, from, to) / 1000;
      if (seconds <= 0) continue;
      for (const area of step.area ? [step.area] : r.areas)
        totals.set(area, (totals.get(area) ?? 0) + seconds);
    }
  }
  return totals;
}

/** When the last cold (or heat) application ended, if any. */
export function lastApplicationEnd(
  records: readonly SessionRecord[],
  kind: "cold" | "heat",
): number | undefined {
  let last: number | undefined;
  for (const r of records) {
    for (const step of r.steps) {
      if (step.kind !== kind || step.done <= 0 || step.at === null) continue;
      const end = Date.parse(step.at) + step.done * 1000;
      if (last === undefined || end > last) last = end;
    }
  }
  return last;
}

/** Guidance repeats cold or heat only every 2-4 hours, once the skin is back to normal. */
export const THERMAL_GAP_MS = 2 * 60 * 60 * 1000;

/**
 * The streak, counted forgivingly: days with a session, where a single rest day between them
 * does not break the run (two in a row do). Several sessions in a day count once, so the streak
 * never rewards doing more.
 */
export function streak(records: readonly SessionRecord[], now: number): number {
  const starts = records.filter((r) => r.doneSeconds > 0).map((r) => Date.parse(r.startedAt));
  if (starts.length === 0) return 0;
  const days = new Set(starts.map(dayKey));
  const earliest = startOfDay(Math.min(...starts));
  // Today without a session yet is neither counted nor a rest day: the day is not over.
  let day = days.has(dayKey(now)) ? startOfDay(now) : addDays(now, -1);
  let count = 0;
  let rest = 0;
  for (; day >= earliest; day = addDays(day, -1)) {
    if (days.has(dayKey(day))) {
      count += 1;
      rest = 0;
    } else if (++rest > 1) {
      break;
    }
  }
  return count;
}

export const STREAK_RULE =
  "days with a session; one rest day between them keeps the streak, two in a row end it; several sessions in a day count once";

export interface Trend {
  worse: boolean;
  reasons: string[];
}

/**
 * Signs that things are getting worse, which call for the red flags and a doctor: pain after
 * sessions rising over the last 3 check-ins, any rating of 8 or more in the last 7 days, or
 * the stop key used twice in 7 days.
 */
export function assessTrend(records: readonly SessionRecord[], now: number): Trend {
  const reasons: string[] = [];
  const week = now - 7 * 24 * 60 * 60 * 1000;
  const afters = records.filter((r) => r.ratings.after !== undefined).map((r) => r.ratings.after!);
  const last3 = afters.slice(-3);
  if (last3.length === 3 && last3[0]! < last3[1]! && last3[1]! < last3[2]!) {
    reasons.push(`pain after your last three sessions went up: ${last3.join(", ")}`);
  }
  const recent = records.filter((r) => Date.parse(r.endedAt) >= week);
  const high = recent
    .flatMap((r) => [r.ratings.before, r.ratings.after])
    .filter((x): x is number => x !== undefined && x >= 8);
  if (high.length > 0) reasons.push(`you rated your pain ${Math.max(...high)} out of 10 this week`);
  const stops = recent.filter((r) => r.ended === "pain").length;
  if (stops >= 2) reasons.push(`you stopped ${stops} sessions because it hurt in the last 7 days`);
  return { worse: reasons.length > 0, reasons };
}

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
  records: readonly SessionRecord[],
  days: number,
  now: number,
): DayTotal[] {
  const totals: DayTotal[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = addDays(now, -i);
    totals.push({ day: dayKey(start), start, sessions: 0, minutes: 0 });
  }
  const byDay = new Map(totals.map((t) => [t.day, t]));
  for (const r of records) {
    const t = byDay.get(dayKey(Date.parse(r.startedAt)));
    if (!t) continue;
    t.sessions += 1;
    t.minutes += r.doneSeconds / 60;
  }
  return totals;
}

export function minutesBy<K extends string>(
  records: readonly SessionRecord[],
  key: (r: SessionRecord) => K[],
): Map<K, number> {
  const totals = new Map<K, number>();
  for (const r of records)
    for (const k of key(r)) totals.set(k, (totals.get(k) ?? 0) + r.doneSeconds / 60);
  return totals;
}

export const byCategory = (r: SessionRecord): Category[] => [r.category];
export const byArea = (r: SessionRecord): Area[] => r.areas;
