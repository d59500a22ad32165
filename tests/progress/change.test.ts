import { describe, expect, it } from "vitest";
import type { RecordSummary } from "../../src/history/record-types.js";
import { CHANGE_RULES, painChange, psfsChange, type Verdict } from "../../src/progress/change.js";
import { progressText } from "../../src/text/progress.js";
import { stated } from "../guidance.js";
import { rec } from "../history/fixtures.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-29T20:00:00Z");
// the period knot stats shows by default, and what the guidance says the windows and minimum are
const PERIOD = 30;
const [windowDays] = stated(/first two weeks \((\d+) days\)/);
const [minDays] = stated(/with at least (\d+) days rated in each two weeks/);
const [painPoints, painShare, painMin] = stated(
  /Pain (\d+) points or more lower, or (\d+)% lower \(and at least (\d+) point/,
);
const [psfsPoints] = stated(/(\d+) points higher is "improving", \d+ points lower "worse"/);

/** Ratings given `daysAgo` days before now (the day's first session carries them). */
const history = (ratings: [daysAgo: number, before: number][]): RecordSummary[] =>
  ratings.map(([ago, before]) =>
    rec({ start: new Date(NOW - ago * DAY - 3_600_000).toISOString(), ratings: { before } }),
  );
const early = (...values: number[]) =>
  values.map((v, i) => [PERIOD - 1 - i * 2, v] as [number, number]);
const late = (...values: number[]) => values.map((v, i) => [i * 2, v] as [number, number]);

describe("meaningful change in pain over a period (fake clock)", () => {
  it("the rules are the guidance's", () => {
    expect(CHANGE_RULES.windowDays).toBe(windowDays);
    expect(CHANGE_RULES.minPainDays).toBe(minDays);
    expect(CHANGE_RULES.painPoints).toBe(painPoints);
    expect(CHANGE_RULES.painShare * 100).toBe(painShare);
    expect(CHANGE_RULES.psfsPoints).toBe(psfsPoints);
    expect(CHANGE_RULES.painMinPoints).toBe(painMin);
  });

  const table: {
    name: string;
    ratings: [number, number][];
    days?: number;
    verdict: Verdict;
    change: number | null;
  }[] = [
    {
      name: "2 points lower from 5",
      ratings: [...early(5, 5, 5), ...late(3, 3, 3)],
      verdict: "improving",
      change: -2,
    },
    {
      name: "2 points higher from 3",
      ratings: [...early(3, 3, 3), ...late(5, 5, 5)],
      verdict: "worse",
      change: 2,
    },
    {
      name: "1 point lower is noise",
      ratings: [...early(5, 5, 5), ...late(4, 4, 4)],
      verdict: "no-clear-change",
      change: -1,
    },
    {
      name: "from 8, 2 points is enough though under 30%",
      ratings: [...early(8, 8, 8), ...late(6, 6, 6)],
      verdict: "improving",
      change: -2,
    },
    {
      name: "from 5, 1.5 points is 30%",
      ratings: [...early(5, 5, 5, 5), ...late(4, 3, 4, 3)],
      verdict: "improving",
      change: -1.5,
    },
    {
      name: "from 5, 1.4 points is under 30% and under 2",
      ratings: [...early(5, 5, 5, 5, 5), ...late(4, 3, 4, 4, 3)],
      verdict: "no-clear-change",
      change: -1.4,
    },
    {
      name: "from 2, a rise of 1 point is 50%: worse",
      ratings: [...early(2, 2, 2), ...late(3, 3, 3)],
      verdict: "worse",
      change: 1,
    },
    {
      name: "from 2, 0.7 points is 35% but under one step of the scale",
      ratings: [...early(2, 2, 2), ...late(3, 3, 2)],
      verdict: "no-clear-change",
      change: 0.7,
    },
    {
      name: "averages, not single days",
      ratings: [...early(6, 2, 4), ...late(2, 2, 2)],
      verdict: "improving",
      change: -2,
    },
    {
      name: "2 days in the last window say nothing",
      ratings: [...early(6, 6, 6), ...late(1, 1)],
      verdict: "too-few-days",
      change: -5,
    },
    {
      name: "no early ratings say nothing",
      ratings: late(1, 1, 1),
      verdict: "too-few-days",
      change: null,
    },
    {
      name: "a 3-week period is too short",
      ratings: [...late(5, 5, 5)],
      days: 21,
      verdict: "too-few-days",
      change: null,
    },
  ];
  it.each(table)("$name: $verdict", ({ ratings, days = PERIOD, verdict, change }) => {
    const c = painChange(history(ratings), days, NOW);
    expect(c.verdict).toBe(verdict);
    expect(c.change).toBe(change);
  });

  it("several sessions on one day count as that day's first rating", () => {
    const sameDay = [...early(5, 5, 5), ...late(3, 3, 3)];
    const extra = [0, 2, 4].map((ago) =>
      rec({ start: new Date(NOW - ago * DAY - 60_000).toISOString(), ratings: { before: 9 } }),
    );
    const c = painChange([...history(sameDay), ...extra], PERIOD, NOW);
    expect(c.last).toMatchObject({ count: 3, average: 3 });
    expect(c.verdict).toBe("improving");
  });

  it("says the numbers with every verdict, and the advice with worse", () => {
    const worse = progressText.changeLines(
      painChange(history([...early(3, 3, 3), ...late(5, 5, 5)]), PERIOD, NOW),
    );
    expect(worse.join("\n")).toMatch(
      /worse\n {2}3\.0 over 3 days in the first two weeks, 5\.0 over 3 days in the last two: 2\.0 higher/,
    );
    expect(worse.join("\n")).toMatch(/Please see a doctor/);
    const few = progressText.changeLines(painChange(history(late(1, 1)), PERIOD, NOW)).join("\n");
    expect(few).toMatch(
      /too few days to say\n {2}none in the first two weeks, 1\.0 over 2 days in the last two/,
    );
    expect(few).not.toMatch(/improving|worse/);
  });
});

describe("meaningful change in the weekly activity check", () => {
  const check = (ago: number, average: number) => ({ at: NOW - ago * DAY, average });
  it.each([
    {
      checks: [check(27, 3), check(20, 4), check(6, 5), check(1, 5)],
      verdict: "no-clear-change", // 3.5 to 5: 1.5 points
      change: 1.5,
    },
    { checks: [check(27, 3), check(3, 5)], verdict: "improving", change: 2 },
    { checks: [check(27, 6), check(3, 4)], verdict: "worse", change: -2 },
    { checks: [check(27, 6), check(3, 5)], verdict: "no-clear-change", change: -1 },
    { checks: [check(3, 5)], verdict: "too-few-days", change: null },
  ] as const)("$checks.length checks: $verdict", ({ checks, verdict, change }) => {
    const c = psfsChange(checks, PERIOD, NOW);
    expect(c.verdict).toBe(verdict);
    expect(c.change).toBe(change);
  });
});
