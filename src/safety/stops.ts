import type { Ratings, RecordSummary } from "../history/record-types.js";
import type { StepKind } from "../routine/vocabulary.js";

/**
 * After a session (docs/health-guidance.md, "Pain ratings"): a rating of 8 or more after it,
 * or a rise of 3 or more from before to after, means that routine is not repeated today. knot
 * reads "today" as the next 24 hours, rolling, so midnight resets nothing.
 */
export const STOP_AFTER_RATING = 8;
export const STOP_RISE = 3;
export const STOP_HOURS = 24;

/** A pain rating of 8 or more before a session: only gentle stretching, or rest. */
export const HIGH_RATING_BEFORE = 8;
/** Steps that may go on after a high rating: no massage, no cold, no heat. */
export const GENTLE_KINDS: readonly StepKind[] = ["prepare", "hold", "move", "rest"];

export interface RoutineStop {
  routine: string;
  /** The stopped session's kind: cold, heat and massage stop every routine of that kind too. */
  category: RecordSummary["category"];
  /** rated-high: 8 or more after; rose: 3 or more higher than before. */
  reason: "rated-high" | "rose";
  /** The rating after the session, when there was one. */
  rating?: number;
  /** When the session ended (a time after `now` counts as now). */
  at: number;
  /** When the routine may start again. */
  until: number;
}

/** Why a session's ratings stop its routine for now, if they do. */
export function stopReason(ratings: Ratings): RoutineStop["reason"] | undefined {
  const { before, after } = ratings;
  if (after === undefined) return undefined;
  if (after >= STOP_AFTER_RATING) return "rated-high";
  if (before !== undefined && after - before >= STOP_RISE) return "rose";
  return undefined;
}

/** The routines stopped at `now`: one entry each, the one that lasts longest. */
export function routineStops(records: readonly RecordSummary[], now: number): RoutineStop[] {
  const byRoutine = new Map<string, RoutineStop>();
  for (const r of records) {
    const reason = stopReason(r.ratings);
    if (!reason) continue;
    const ended = Date.parse(r.endedAt);
    const at = Math.min(Number.isNaN(ended) ? Date.parse(r.startedAt) : ended, now);
    if (Number.isNaN(at)) continue;
    const until = at + STOP_HOURS * 60 * 60 * 1000;
    if (until <= now) continue;
    const seen = byRoutine.get(r.routine);
    if (seen && seen.until >= until) continue;
    byRoutine.set(r.routine, {
      routine: r.routine,
      category: r.category,
      reason,
      ...(r.ratings.after === undefined ? {} : { rating: r.ratings.after }),
      at,
      until,
    });
  }
  return [...byRoutine.values()].sort((a, b) => a.at - b.at);
}

/** Whether a timeline is gentle enough to go on after a high rating: no massage, cold or heat. */
export const isGentle = (timeline: readonly { kind: StepKind }[]): boolean =>
  timeline.every((step) => GENTLE_KINDS.includes(step.kind));
