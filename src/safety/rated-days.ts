// The records as the trend rules read them: each one's time and local day, in time order, and
// one rating a day.
import { addDays, startOfDay } from "../history/analysis.js";
import type { RecordSummary } from "../history/record-types.js";

/** One day's rating: its day (local midnight) and the rating. */
export interface DailyRating {
  day: number;
  rating: number;
}

/** When a record happened for the rules: its start, a record dated after `now` counting as now. */
const at = (r: RecordSummary, now: number) => Math.min(Date.parse(r.startedAt), now);

/** A record with its time for the rules (see `at`) and that time's day (local midnight). */
export interface Timed {
  r: RecordSummary;
  t: number;
  day: number;
}

// The rules read weeks of sessions once per command, in code V8 has not optimised yet: the
// loops below are plain indexed loops, each record's day is worked out only when it differs
// from the one before's, and records already in time order (as the history keeps them) are
// not sorted again.

/** The records with their times and days, in time order (a stable sort), each worked out once. */
export function timedOf(records: readonly RecordSummary[], now: number): Timed[] {
  const timed: Timed[] = [];
  let ordered = true;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const t = at(r, now);
    if (Number.isNaN(t)) continue;
    if (t < last) ordered = false;
    last = t;
    // NaN until set below: a time, not 0, so that V8 keeps the field's kind and never changes
    // the objects' shape when their days are set
    timed.push({ r, t, day: Number.NaN });
  }
  if (!ordered) timed.sort((a, b) => a.t - b.t);
  // in time order, a day's records come together: its start and the next day's are asked once
  let day = Number.NaN;
  let next = Number.NaN;
  for (let i = 0; i < timed.length; i++) {
    const item = timed[i]!;
    if (!(item.t >= day && item.t < next)) {
      day = startOfDay(item.t);
      next = addDays(day, 1);
    }
    item.day = day;
  }
  return timed;
}

/**
 * One rating per day, oldest first: the day's first rated session gives its before rating,
 * else its after rating. Sessions minutes apart never make a trend.
 */
export function dailyRatings(records: readonly RecordSummary[], now: number): DailyRating[] {
  return dailyOf(timedOf(records, now));
}

/** dailyRatings of records already in time order (as timedOf gives them). */
export function dailyOf(timed: readonly Timed[]): DailyRating[] {
  // In time order, a day's first rated session is the first one met: one pass, no sorting.
  const days: DailyRating[] = [];
  let last = Number.NaN;
  for (let i = 0; i < timed.length; i++) {
    const { r, day } = timed[i]!;
    if (day === last) continue;
    const rating = r.ratings.before ?? r.ratings.after;
    if (rating === undefined) continue;
    last = day;
    days.push({ day, rating });
  }
  return days;
}
