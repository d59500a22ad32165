import { addDays, dayKey, startOfDay } from "../history/analysis.js";
import type { RecordSummary } from "../history/record-types.js";
import { dailyRatings } from "../safety/rated-days.js";
import { DAILY_RATINGS, TREND_RULES } from "../safety/trend.js";

/**
 * Whether a change over weeks is one a person would feel (docs/health-guidance.md, "Progress
 * over weeks"): the first two weeks of a period against its last two, one rating a day, never
 * a claim about what caused it. Pain: 2 points, or 30% of the first two weeks' average, the
 * smallest change people feel (Farrar et al. 2001; Childs et al. 2005), and never less than one
 * step of the scale; the PSFS average, 2 points (Stratford et al. 1995).
 */
export const CHANGE_RULES = {
  windowDays: 14,
  /** Days with a pain rating needed in each window (the trend rules' own minimum). */
  minPainDays: DAILY_RATINGS.minDays,
  painPoints: TREND_RULES.clearlyWorse,
  painShare: DAILY_RATINGS.meaningfulShare,
  /** 30% of a low average is a fraction of a point: a change is never less than one step. */
  painMinPoints: 1,
  /** The PSFS is a weekly check: one in each window is compared, as the scale was validated. */
  minPsfsChecks: 1,
  psfsPoints: 2,
} as const;

export type Verdict = "improving" | "worse" | "no-clear-change" | "too-few-days";

export interface WindowFigures {
  /** The window's first and last days ("2026-11-16"). */
  from: string;
  to: string;
  /** Days with a rating (pain), or checks (PSFS), in the window. */
  count: number;
  /** Their average, to one decimal; null with none. */
  average: number | null;
}

export interface Change {
  measure: "pain" | "psfs";
  verdict: Verdict;
  first: WindowFigures;
  last: WindowFigures;
  /** last minus first, to one decimal; null when either window has nothing. */
  change: number | null;
  /** Why there is no verdict: the period is shorter than two windows, or too few days. */
  short?: "period" | "days";
}

/** One value a day (or per check): its local day and the value. */
export interface DayValue {
  day: number;
  value: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The two windows of a period of `days` days ending today: its first 14 days and its last 14. */
export function windows(
  days: number,
  now: number,
): { first: [number, number]; last: [number, number] } {
  const start = addDays(now, -(days - 1));
  const end = addDays(now, 1);
  return {
    first: [start, addDays(start, CHANGE_RULES.windowDays)],
    last: [addDays(end, -CHANGE_RULES.windowDays), end],
  };
}

function figures(values: readonly DayValue[], [from, to]: [number, number]): WindowFigures {
  const inside = values.filter((v) => v.day >= from && v.day < to).map((v) => v.value);
  return {
    from: dayKey(from),
    to: dayKey(addDays(to, -1)),
    count: inside.length,
    average: inside.length ? round1(mean(inside)) : null,
  };
}

function compare(
  measure: Change["measure"],
  values: readonly DayValue[],
  days: number,
  now: number,
  minCount: number,
  meaningful: (from: number, to: number) => boolean,
  better: 1 | -1,
): Change {
  const w = windows(days, now);
  const first = figures(values, w.first);
  const last = figures(values, w.last);
  const change =
    first.average === null || last.average === null ? null : round1(last.average - first.average);
  const base = { measure, first, last, change };
  if (days < 2 * CHANGE_RULES.windowDays)
    return { ...base, verdict: "too-few-days", short: "period" };
  if (first.count < minCount || last.count < minCount || change === null)
    return { ...base, verdict: "too-few-days", short: "days" };
  if (!meaningful(first.average!, last.average!)) return { ...base, verdict: "no-clear-change" };
  return { ...base, verdict: change * better > 0 ? "improving" : "worse" };
}

/** Whether pain moved from one two-week average to the other by a change people feel. */
export function feltPainChange(from: number, to: number): boolean {
  const moved = Math.abs(to - from);
  if (moved >= CHANGE_RULES.painPoints) return true;
  return moved >= CHANGE_RULES.painMinPoints && moved >= CHANGE_RULES.painShare * from;
}

/** Pain over a period of `days` days ending today, from the sessions' check-ins. */
export function painChange(records: readonly RecordSummary[], days: number, now: number): Change {
  const daily = dailyRatings(records, now).map((d) => ({ day: d.day, value: d.rating }));
  return compare("pain", daily, days, now, CHANGE_RULES.minPainDays, feltPainChange, -1);
}

/** The PSFS average (higher is better) over the same period, from the checks' averages. */
export function psfsChange(
  checks: readonly { at: number; average: number }[],
  days: number,
  now: number,
): Change {
  const values = checks.map((c) => ({ day: startOfDay(c.at), value: c.average }));
  return compare(
    "psfs",
    values,
    days,
    now,
    CHANGE_RULES.minPsfsChecks,
    (from, to) => Math.abs(to - from) >= CHANGE_RULES.psfsPoints,
    1,
  );
}
