import { startOfDay } from "../history/analysis.js";
import type { RecordSummary } from "../history/record-types.js";
import { AREAS, type Area } from "../routine/vocabulary.js";
import { type DailyRating, dailyOf, type Timed, timedOf } from "./rated-days.js";

const DAY = 24 * 60 * 60 * 1000;

/**
 * When self-care is not working (NHS back pain; NICE NG59, as read in docs/health-guidance.md).
 * Ratings are judged only over recent weeks; older ones say little about now. Each rule is
 * stated here once, with its numbers, for `knot safety`, the README and the checks below.
 */
export const TREND_RULES = {
  windowDays: 28,
  highRating: 7,
  urgentRating: 8,
  clearlyWorse: 2,
  notReleasingDays: 21,
  /** How far back "not releasing" looks for 3 weeks of work on an area. */
  notReleasingWindowDays: 42,
} as const;

/**
 * The furthest back any rule before a session looks (the trend rules; the daily limits, cold's
 * gap and resuming look back a day at most), so a session reads only this much history.
 */
export const RULES_LOOK_BACK_MS = TREND_RULES.notReleasingWindowDays * 24 * 60 * 60 * 1000;

/**
 * How the ratings are read (Farrar et al. 2001; Childs et al. 2005): one rating a day, the
 * day's first (its before rating, else its after), over at least 3 different days. A change
 * counts when it is at least 2 points (TREND_RULES.clearlyWorse; Childs' smallest change that
 * matters in back pain) and at least 30% of where it started (so 3 points from 7 or more). A
 * smaller change is noise: 2, 2, 3 is not a rise.
 */
export const DAILY_RATINGS = {
  minDays: 3,
  meaningfulShare: 0.3,
} as const;

/** Whether a change from `from` to `to` is one people feel, not noise (either direction). */
export function meaningfulChange(from: number, to: number): boolean {
  return (
    Math.abs(to - from) >= Math.max(TREND_RULES.clearlyWorse, DAILY_RATINGS.meaningfulShare * from)
  );
}

export const TREND_SOURCE = "NHS: back pain; NICE guideline NG59";

/** The rules that need pain ratings: with the check-in off, these cannot see anything. */
export const RULES_NEEDING_RATINGS: readonly TrendReason["rule"][] = [
  "rising",
  "worse-after",
  "stays-high",
  "very-high",
];

/**
 * Why knot advises a doctor, as data: the rule and the figures it found (worded by
 * src/text/trend.ts where it is shown, in the language of that moment).
 */
export type TrendReason =
  /** The daily rating rose over `days` rated days, from `from` to `to`. */
  | { rule: "rising"; days: number; from: number; to: number }
  /** Clearly worse after sessions than before on `days` days of the last two weeks. */
  | { rule: "worse-after"; days: number }
  /** At `rating` or more on most days for two weeks. */
  | { rule: "stays-high"; rating: number }
  /** Rated `rating` this week. */
  | { rule: "very-high"; rating: number }
  /** `stops` sessions stopped because it hurt in the last 7 days. */
  | { rule: "stopped"; stops: number }
  /** The areas that have not released; `unrated`: worked with no rating, so the advice asks. */
  | { rule: "not-releasing"; areas: Area[]; unrated?: true };

/**
 * A reason for the advice as knot keeps it (safety-snapshot.json): the rule and its figures, or
 * the words an older knot kept, shown as they are.
 */
export type KeptReason = TrendReason | string;

export interface Trend {
  worse: boolean;
  reasons: TrendReason[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Signs that self-care is not working, judged from recent records only (`now` is handed in so
 * tests drive a fake clock). Each reason names its rule and the figures it found.
 */
export function assessTrend(records: readonly RecordSummary[], now: number): Trend {
  const reasons: TrendReason[] = [];
  // Each record's time and day are worked out once, and the records put in time order once
  // (a stable sort: those at the same moment keep their order); each window is the part of it
  // since its start. (Rules read hundreds of sessions, in code V8 has not optimised yet.)
  const timed = timedOf(records, now);
  const sinceTimed = (days: number) => {
    const from = now - days * DAY;
    let i = timed.length;
    while (i > 0 && timed[i - 1]!.t >= from) i--;
    return timed.slice(i);
  };

  const rise = rising(dailyOf(sinceTimed(TREND_RULES.windowDays)).map((d) => d.rating));
  if (rise) {
    reasons.push({ rule: "rising", days: rise.days, from: rise.from, to: rise.to });
  }

  const twoWeeksTimed = sinceTimed(14);
  // the days with a session clearly worse after than before (in time order: a new day is a
  // day not yet counted)
  let worseDays = 0;
  let lastWorse = Number.NaN;
  for (let i = 0; i < twoWeeksTimed.length; i++) {
    const { r, day } = twoWeeksTimed[i]!;
    const { before, after } = r.ratings;
    if (day === lastWorse || before === undefined || after === undefined) continue;
    if (after > before && meaningfulChange(before, after)) {
      worseDays += 1;
      lastWorse = day;
    }
  }
  if (worseDays >= 2) {
    reasons.push({ rule: "worse-after", days: worseDays });
  }

  if (staysHigh(dailyOf(twoWeeksTimed), now)) {
    reasons.push({ rule: "stays-high", rating: TREND_RULES.highRating });
  }

  const week = sinceTimed(7);
  let highest = Number.NEGATIVE_INFINITY;
  // Not a rating trend: each session stopped because it hurt counts, even on one day.
  let stops = 0;
  for (let i = 0; i < week.length; i++) {
    const { before, after } = week[i]!.r.ratings;
    if (before !== undefined && before >= TREND_RULES.urgentRating)
      highest = Math.max(highest, before);
    if (after !== undefined && after >= TREND_RULES.urgentRating)
      highest = Math.max(highest, after);
    if (week[i]!.r.ended === "pain") stops += 1;
  }
  if (highest >= TREND_RULES.urgentRating) {
    reasons.push({ rule: "very-high", rating: highest });
  }
  if (stops >= 2) {
    reasons.push({ rule: "stopped", stops });
  }

  const { stuck, unrated } = notReleasingOf(sinceTimed(TREND_RULES.notReleasingWindowDays));
  if (stuck.length > 0) {
    reasons.push({ rule: "not-releasing", areas: stuck });
  }
  if (unrated.length > 0) {
    reasons.push({ rule: "not-releasing", areas: unrated, unrated: true });
  }
  return { worse: reasons.length > 0, reasons };
}

/**
 * A meaningful rise across days, oldest rating first: from a low (the latest lowest rating at
 * least 2 days before the last; a single good day, followed by a meaningful jump back up, is not
 * a low unless it is the first rating there is) to the latest, higher on the last 2 days, and
 * not come back down meaningfully from its peak since.
 */
export function rising(
  ratings: readonly number[],
): { from: number; to: number; days: number } | undefined {
  const n = ratings.length;
  if (n < DAILY_RATINGS.minDays) return undefined;
  const latest = ratings[n - 1]!;
  const held = (i: number) => i === 0 || !meaningfulChange(ratings[i]!, ratings[i + 1]!);
  let low = -1;
  for (let i = 0; i <= n - 3; i++) {
    if (held(i) && (low < 0 || ratings[i]! <= ratings[low]!)) low = i;
  }
  if (low < 0) return undefined;
  const from = ratings[low]!;
  const peak = Math.max(...ratings.slice(low));
  const rose = latest > from && meaningfulChange(from, latest);
  const upOnTwoDays = ratings[n - 2]! > from;
  const cameDown = peak > latest && meaningfulChange(peak, latest);
  return rose && upOnTwoDays && !cameDown ? { from, to: latest, days: n - low } : undefined;
}

/**
 * Pain that stays high for weeks: daily ratings over at least 3 days of the last two weeks,
 * 7 or more on more than half of them and on some day of each week, and the latest no more
 * than noise below 7 (so one 6 among 7s changes nothing, and a real fall ends it).
 */
function staysHigh(days: readonly DailyRating[], now: number): boolean {
  if (days.length < DAILY_RATINGS.minDays) return false;
  const isHigh = (d: DailyRating) => d.rating >= TREND_RULES.highRating;
  const weekAgo = startOfDay(now - 6 * DAY);
  const olderWeek = days.some((d) => d.day < weekAgo && isHigh(d));
  const newerWeek = days.some((d) => d.day >= weekAgo && isHigh(d));
  const most = days.filter(isHigh).length * 2 > days.length;
  const latest = days[days.length - 1]!.rating;
  return (
    olderWeek && newerWeek && most && latest > TREND_RULES.highRating - TREND_RULES.clearlyWorse
  );
}

/**
 * Areas worked for three weeks or more (first to last session on them, within the records
 * given) with no meaningful fall in their daily ratings: the mean of the first week's against
 * the mean of the latest week's, over at least 3 rated days spanning three weeks. An area worked
 * that long with no rating at all is `unrated`: knot cannot tell, so it advises and asks.
 */
export function notReleasing(
  records: readonly RecordSummary[],
  now: number,
): { stuck: Area[]; unrated: Area[] } {
  return notReleasingOf(timedOf(records, now));
}

function notReleasingOf(timed: readonly Timed[]): { stuck: Area[]; unrated: Area[] } {
  const stuck: Area[] = [];
  const unrated: Area[] = [];
  const span = TREND_RULES.notReleasingDays * DAY;
  // no area can have been worked for longer than all the records span
  if (timed.length < 2 || timed[timed.length - 1]!.t - timed[0]!.t < span)
    return { stuck, unrated };
  // each area's sessions that did something, in time order, gathered in one pass
  const byArea = new Map<string, Timed[]>();
  for (let i = 0; i < timed.length; i++) {
    const timedRecord = timed[i]!;
    if (!(timedRecord.r.doneSeconds > 0)) continue;
    const areas = timedRecord.r.areas;
    for (let j = 0; j < areas.length; j++) {
      const worked = byArea.get(areas[j]!);
      if (!worked) byArea.set(areas[j]!, [timedRecord]);
      else if (worked[worked.length - 1] !== timedRecord) worked.push(timedRecord);
    }
  }
  for (const area of AREAS) {
    const worked = byArea.get(area);
    if (!worked || worked.length < 2) continue;
    // in time order: the first and last are the earliest and latest
    if (worked[worked.length - 1]!.t - worked[0]!.t < span) continue;
    const days = dailyOf(worked);
    if (days.length === 0) {
      unrated.push(area);
      continue;
    }
    if (days.length < DAILY_RATINGS.minDays) continue;
    const first = days[0]!.day;
    const last = days[days.length - 1]!.day;
    if (last - first < span) continue;
    const early = mean(days.filter((d) => d.day < first + 7 * DAY).map((d) => d.rating));
    const late = mean(days.filter((d) => d.day > last - 7 * DAY).map((d) => d.rating));
    if (!(late < early && meaningfulChange(early, late))) stuck.push(area);
  }
  return { stuck, unrated };
}
