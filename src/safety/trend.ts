import { RED_FLAGS } from "../health.js";
import type { RecordSummary } from "../history/record.js";
import { AREAS, type Area } from "../routine/vocabulary.js";

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

export const TREND_RULE_TEXT: { id: TrendReason["rule"]; text: string }[] = [
  {
    id: "rising",
    text: "pain after sessions rose over your last 3 check-ins in the last 4 weeks (never falling, ending higher)",
  },
  {
    id: "worse-after",
    text: "pain was 2 or more points worse after a session than before it, twice in the last 2 weeks",
  },
  {
    id: "stays-high",
    text: "every rating in the last 2 weeks was 7 or more, with ratings in each of those weeks",
  },
  { id: "very-high", text: "a rating of 8 or more in the last 7 days" },
  { id: "stopped", text: "you stopped a session because it hurt twice in the last 7 days" },
  {
    id: "not-releasing",
    text: "the same body area worked for 3 weeks or more (within the last 6) with no fall in your ratings: the NHS advises a GP when back pain does not improve after a few weeks of self-care",
  },
];
export const TREND_SOURCE = "NHS: back pain; NICE guideline NG59";

export interface TrendReason {
  rule: "rising" | "worse-after" | "stays-high" | "very-high" | "stopped" | "not-releasing";
  text: string;
  /** The areas that have not released (not-releasing only). */
  areas?: Area[];
}

export interface Trend {
  worse: boolean;
  reasons: TrendReason[];
}

const at = (r: RecordSummary) => Date.parse(r.startedAt);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One rating per session for trends over days: before it when given, else after it. */
const sessionRating = (r: RecordSummary): number | undefined => r.ratings.before ?? r.ratings.after;

/**
 * Signs that self-care is not working, judged from recent records only (`now` is handed in so
 * tests drive a fake clock). Each reason names its rule.
 */
export function assessTrend(records: readonly RecordSummary[], now: number): Trend {
  const reasons: TrendReason[] = [];
  const since = (days: number) =>
    records.filter((r) => at(r) >= now - days * DAY && at(r) <= now).sort((a, b) => at(a) - at(b));
  const recent = since(TREND_RULES.windowDays);

  const afters = recent.flatMap((r) => (r.ratings.after === undefined ? [] : [r.ratings.after]));
  const last3 = afters.slice(-3);
  if (
    last3.length === 3 &&
    last3[0]! <= last3[1]! &&
    last3[1]! <= last3[2]! &&
    last3[2]! > last3[0]!
  ) {
    reasons.push({
      rule: "rising",
      text: `pain after your last three sessions went up: ${last3.join(", ")}`,
    });
  }

  const twoWeeks = since(14);
  const worseAfter = twoWeeks.filter(
    (r) =>
      r.ratings.before !== undefined &&
      r.ratings.after !== undefined &&
      r.ratings.after - r.ratings.before >= TREND_RULES.clearlyWorse,
  );
  if (worseAfter.length >= 2) {
    reasons.push({
      rule: "worse-after",
      text: `your pain was clearly worse after ${worseAfter.length} sessions than before them in the last 2 weeks`,
    });
  }

  const rated = twoWeeks.flatMap((r) =>
    [r.ratings.before, r.ratings.after].filter((x) => x !== undefined).map((x) => ({ r, x })),
  );
  const olderWeek = rated.some(({ r }) => at(r) < now - 7 * DAY);
  const newerWeek = rated.some(({ r }) => at(r) >= now - 7 * DAY);
  if (olderWeek && newerWeek && rated.every(({ x }) => x >= TREND_RULES.highRating)) {
    reasons.push({
      rule: "stays-high",
      text: `your pain has stayed at ${TREND_RULES.highRating} or more out of 10 for two weeks`,
    });
  }

  const week = since(7);
  const high = week
    .flatMap((r) => [r.ratings.before, r.ratings.after])
    .filter((x): x is number => x !== undefined && x >= TREND_RULES.urgentRating);
  if (high.length > 0) {
    reasons.push({
      rule: "very-high",
      text: `you rated your pain ${Math.max(...high)} out of 10 this week`,
    });
  }
  const stops = week.filter((r) => r.ended === "pain").length;
  if (stops >= 2) {
    reasons.push({
      rule: "stopped",
      text: `you stopped ${stops} sessions because it hurt in the last 7 days`,
    });
  }

  const stuck = notReleasing(since(TREND_RULES.notReleasingWindowDays));
  if (stuck.length > 0) {
    reasons.push({
      rule: "not-releasing",
      text: `you have worked on your ${stuck.join(", ")} for 3 weeks or more and your pain ratings have not come down`,
      areas: stuck,
    });
  }
  return { worse: reasons.length > 0, reasons };
}

/**
 * Areas worked for three weeks or more with no fall in ratings: the ratings of the first week
 * of work on the area against those of its latest week. Needs ratings in both weeks.
 */
export function notReleasing(records: readonly RecordSummary[]): Area[] {
  const stuck: Area[] = [];
  for (const area of AREAS) {
    const rated = records
      .filter((r) => r.doneSeconds > 0 && r.areas.includes(area))
      .flatMap((r) => {
        const x = sessionRating(r);
        return x === undefined ? [] : [{ t: at(r), x }];
      });
    if (rated.length < 2) continue;
    const first = Math.min(...rated.map((p) => p.t));
    const last = Math.max(...rated.map((p) => p.t));
    if (last - first < TREND_RULES.notReleasingDays * DAY) continue;
    const early = rated.filter((p) => p.t < first + 7 * DAY).map((p) => p.x);
    const late = rated.filter((p) => p.t > last - 7 * DAY).map((p) => p.x);
    if (mean(late) >= mean(early)) stuck.push(area);
  }
  return stuck;
}

/** What knot says when a trend rule is active: the reasons, then when to get help. */
export function redFlagLines(reasons: readonly TrendReason[]): string[] {
  return [
    "Things may not be getting better:",
    ...reasons.map((r) => `  - ${r.text}.`),
    "Please see a doctor before carrying on. Get medical help at once for:",
    ...RED_FLAGS.emergency.map((f) => `  - ${f}`),
    "and see a doctor soon for:",
    ...RED_FLAGS.soon.map((f) => `  - ${f}`),
  ];
}
