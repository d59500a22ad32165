import { describe, expect, it } from "vitest";
import type { SessionRecord } from "../../src/history/record-types.js";
import type { Area } from "../../src/routine/vocabulary.js";
import { assessTrend, type TrendReason } from "../../src/safety/trend.js";
import { rec } from "../history/fixtures.js";

/**
 * Realistic histories, each with the verdict a clinician would give from knot's guidance
 * (docs/health-guidance.md: "When self-care is not working" and "Pain ratings"): pain that
 * keeps getting worse, stays at 7 or more for weeks, is clearly worse after sessions (2 points
 * or more), any rating of 8 or more, or an area worked 3 weeks with no fall in its ratings, is
 * a reason to see a clinician; changes under 2 points, and sessions minutes apart, are noise.
 */

const DAY = 86_400_000;
// A fake clock: 20:00 on a fixed day (the tests run in UTC).
const now = Date.parse("2026-11-22T20:00:00Z");

interface Session {
  /** Days before now (fractions for hours). */
  ago: number;
  before?: number;
  after?: number;
  ended?: SessionRecord["ended"];
  areas?: Area[];
}

const record = (s: Session) =>
  rec({
    start: new Date(now - s.ago * DAY).toISOString(),
    ratings: {
      ...(s.before === undefined ? {} : { before: s.before }),
      ...(s.after === undefined ? {} : { after: s.after }),
    },
    ...(s.ended ? { ended: s.ended } : {}),
    ...(s.areas ? { areas: s.areas } : {}),
  });

/** Sessions every `step` days ending today, rated before with `ratings` in order. */
const daily = (ratings: number[], step = 1, areas?: Area[]): Session[] =>
  ratings.map((before, i) => ({
    ago: (ratings.length - 1 - i) * step,
    before,
    ...(areas ? { areas } : {}),
  }));

const TABLE: {
  story: string;
  sessions: Session[];
  verdict: "worse" | "not worse";
  rules: TrendReason["rule"][];
}[] = [
  {
    story: "steady improvement: 6 falling to 3 over two weeks of stretching",
    sessions: daily([6, 6, 5, 5, 4, 4, 3, 3], 2),
    verdict: "not worse",
    rules: [],
  },
  {
    story: "7s every other day for two weeks, one morning a 6",
    sessions: daily([7, 7, 7, 6, 7, 7, 7], 2),
    verdict: "worse",
    rules: ["stays-high"],
  },
  {
    story: "noise: 2, 2, 3 on three mornings",
    sessions: daily([2, 2, 3]),
    verdict: "not worse",
    rules: [],
  },
  {
    story: "rising: 3, 4, 5, 6 over four days",
    sessions: daily([3, 4, 5, 6]),
    verdict: "worse",
    rules: ["rising"],
  },
  {
    story: "pain 2 points worse after a session than before it, twice in two weeks",
    sessions: [
      { ago: 9, before: 3, after: 5 },
      { ago: 6, before: 3, after: 3 },
      { ago: 2, before: 4, after: 6 },
    ],
    verdict: "worse",
    rules: ["worse-after"],
  },
  {
    story: "one 9 after yesterday's session, 5 before it",
    sessions: [
      { ago: 4, before: 4, after: 3 },
      { ago: 1, before: 5, after: 9 },
    ],
    verdict: "worse",
    rules: ["very-high"],
  },
  {
    story: "each session lowers the pain (5 before, 2 or 3 after), after-ratings 2, 2, 3",
    sessions: [
      { ago: 5, before: 5, after: 2 },
      { ago: 3, before: 5, after: 2 },
      { ago: 1, before: 5, after: 3 },
    ],
    verdict: "not worse",
    rules: [],
  },
  {
    story: "three quick desk breaks within three hours rated 1, 1, 2",
    sessions: [
      { ago: 0.3, after: 1 },
      { ago: 0.25, after: 1 },
      { ago: 0.18, after: 2 },
    ],
    verdict: "not worse",
    rules: [],
  },
  {
    story: "a flare that settled: 3, 3, 7, 4, 3",
    sessions: daily([3, 3, 7, 4, 3]),
    verdict: "not worse",
    rules: [],
  },
  {
    story: "stopped a session because it hurt, on Monday and again on Thursday",
    sessions: [
      { ago: 4, ended: "pain" },
      { ago: 1, ended: "pain" },
    ],
    verdict: "worse",
    rules: ["stopped"],
  },
  {
    story: "mid-back worked twice a week for four weeks, ratings stuck around 5",
    sessions: daily([5, 5, 5, 6, 5, 5, 5, 4], 3.5, ["mid-back"]),
    verdict: "worse",
    rules: ["not-releasing"],
  },
  {
    story: "mid-back worked weekly for three weeks with the check-in off: never rated",
    sessions: [24, 17, 10, 3].map((ago) => ({ ago, areas: ["mid-back"] as Area[] })),
    verdict: "worse",
    rules: ["not-releasing"],
  },
  {
    story: "lower back worked for four weeks while it eased from 6 to 3",
    sessions: daily([6, 6, 5, 5, 4, 4, 3, 3], 3.5),
    verdict: "not worse",
    rules: [],
  },
  {
    story: "a bad spell two months ago (8s), mild now (3, 2, 2)",
    sessions: [
      { ago: 60, before: 8 },
      { ago: 58, before: 8 },
      { ago: 56, before: 8 },
      { ago: 5, before: 3 },
      { ago: 3, before: 2 },
      { ago: 1, before: 2 },
    ],
    verdict: "not worse",
    rules: [],
  },
  {
    story: "one good day in a steady week of 5s: 5, 5, 2, 5, 5, 5",
    sessions: daily([5, 5, 2, 5, 5, 5]),
    verdict: "not worse",
    rules: [],
  },
  {
    story: "better, then worse again: 7, 6, 4, 3, 3, 4, 5, 6 over two weeks",
    sessions: daily([7, 6, 4, 3, 3, 4, 5, 6], 2),
    verdict: "worse",
    rules: ["rising"],
  },
  {
    story: "7 every morning for two weeks, eased to 4 by each session: still high each day",
    sessions: [13, 11, 9, 7, 5, 3, 1].map((ago) => ({ ago, before: 7, after: 4 })),
    verdict: "worse",
    rules: ["stays-high"],
  },
  {
    story: "swinging between 4 and 6 from day to day",
    sessions: daily([4, 6, 4, 6, 4, 6]),
    verdict: "not worse",
    rules: [],
  },
  {
    story: "twice 2 points worse after, but both on one afternoon",
    sessions: [
      { ago: 1, before: 3, after: 5 },
      { ago: 0.9, before: 4, after: 6 },
    ],
    verdict: "not worse",
    rules: [],
  },
  {
    story: "a 9 eight days ago, 3s since",
    sessions: [{ ago: 8, before: 9 }, ...daily([3, 3, 3], 2)],
    verdict: "not worse",
    rules: [],
  },
  {
    story: "one bad day after a steady week: 3, 3, 3, 6 today",
    sessions: daily([3, 3, 3, 6]),
    verdict: "not worse",
    rules: [],
  },
];

describe("getting worse, over realistic histories", () => {
  it("has at least 15 stories", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(15);
  });

  it.each(TABLE)("$story: $verdict $rules", ({ sessions, verdict, rules }) => {
    const trend = assessTrend(sessions.map(record), now);
    expect(trend.reasons.map((r) => r.rule)).toEqual(rules);
    expect(trend.worse ? "worse" : "not worse").toBe(verdict);
  });
});
