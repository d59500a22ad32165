import type { RecordSummary, SessionRecord } from "../history/record-types.js";
import { DAY_MS, pastFromRecords, type RoutineStop, type SafetyPast } from "./allowance.js";
import { keptReason } from "./kept-reason.js";
import { dailyRatings } from "./rated-days.js";
import { routineStops } from "./stops.js";
import { assessTrend, DAILY_RATINGS, type KeptReason } from "./trend.js";

/** Advice kept across a clear stays in force this long, unless ratings since show otherwise. */
export const KEPT_ADVICE_DAYS = 14;

export interface KeptSafety {
  records: readonly SessionRecord[];
  /** The reasons as rules and figures, worded when shown (an older knot's words as they are). */
  advice?: { since: number; reasons: KeptReason[] };
}

/**
 * The past as the rules see it: the history's records of the last day and summaries of recent
 * weeks, with what a cleared history left behind (records by id, so an import of the old
 * history counts nothing twice).
 */
export function safetyPast(
  records: readonly SessionRecord[],
  recent: readonly RecordSummary[],
  kept: KeptSafety | undefined,
  now: number,
): SafetyPast {
  const ids = new Set(records.map((r) => r.id));
  const keptRecords = (kept?.records ?? []).filter((r) => !ids.has(r.id));
  const all = [...records, ...keptRecords];
  const summaries = [...recent, ...keptRecords.filter((r) => !recent.some((s) => s.id === r.id))];
  const stops: RoutineStop[] = routineStops(summaries, now);
  const trend = assessTrend(summaries, now);
  let advice: SafetyPast["advice"];
  if (trend.worse) advice = { since: now, reasons: trend.reasons };
  else if (kept?.advice && now - kept.advice.since < KEPT_ADVICE_DAYS * DAY_MS) {
    // Lifted early only by ratings given since, on enough different days, that show no getting
    // worse (the trend above already judged them).
    const since = recent.filter((r) => Date.parse(r.startedAt) > kept.advice!.since);
    if (dailyRatings(since, now).length < DAILY_RATINGS.minDays) {
      // the reasons knot can read back (a rule and its figures, or an older knot's words)
      const reasons = kept.advice.reasons.map(keptReason).filter((r) => r !== undefined);
      advice = { since: kept.advice.since, reasons };
    }
  }
  return { ...pastFromRecords(all, now), stops, advice };
}
