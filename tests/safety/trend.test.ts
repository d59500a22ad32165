import { describe, expect, it } from "vitest";
import type { Ratings, SessionRecord } from "../../src/history/record-types.js";
import { keptReason } from "../../src/safety/kept-reason.js";
import { safetyPast } from "../../src/safety/past.js";
import { dailyRatings } from "../../src/safety/rated-days.js";
import {
  assessTrend,
  DAILY_RATINGS,
  meaningfulChange,
  notReleasing,
  RULES_NEEDING_RATINGS,
  rising,
  TREND_RULES,
} from "../../src/safety/trend.js";
import { reasonText, TREND_RULE_TEXT, trendText } from "../../src/text/trend.js";
import { stated } from "../guidance.js";
import { rec } from "../history/fixtures.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// A fake clock: 20:00 on a fixed day (the tests run in UTC), so "days ago" land on calendar days.
const now = Date.parse("2026-11-22T20:00:00Z");
/** A session `daysAgo` days before now, with ratings and fields overridden. */
const ago = (daysAgo: number, ratings: Ratings = {}, extra: Partial<SessionRecord> = {}) =>
  rec({ start: new Date(now - daysAgo * DAY).toISOString(), ratings, ...extra });
const rules = (records: SessionRecord[]) => assessTrend(records, now).reasons.map((r) => r.rule);
/** A reason's words without the pseudo-locale's marks: the English as written. */
const words = (reason: Parameters<typeof reasonText>[0]) =>
  reasonText(reason).replace(/\u27e6|(?: ?\u00b7+)*\u27e7/g, "");

const [points, percent] = stated(/\*\*What counts as a change:\*\* (\d+) points, or (\d+)% of/);
const [minDays] = stated(/over at least (\d+) different days/);
const [windowDays] = stated(/the last \d+ weeks \((\d+) days\): older ratings say little/);

describe("how ratings are read (the guidance's numbers)", () => {
  it("a change counts from 2 points and 30% of where it started; less is noise", () => {
    expect([TREND_RULES.clearlyWorse, DAILY_RATINGS.meaningfulShare * 100]).toEqual([
      points,
      percent,
    ]);
    expect(DAILY_RATINGS.minDays).toBe(minDays);
    expect(TREND_RULES.windowDays).toBe(windowDays);
    expect(meaningfulChange(2, 3)).toBe(false);
    expect(meaningfulChange(3, 5)).toBe(true);
    expect(meaningfulChange(6, 4)).toBe(true);
    // From 7 up, 30% is more than 2 points: 7 to 9 is 29%, 7 to 10 is 43%.
    expect(meaningfulChange(7, 9)).toBe(false);
    expect(meaningfulChange(7, 10)).toBe(true);
  });

  it("one rating a day: the before rating of the day's first session, else its after", () => {
    const days = dailyRatings(
      [
        ago(2, { before: 5, after: 2 }),
        ago(2 - 3 / 24, { before: 3, after: 1 }),
        ago(1, { after: 4 }),
        ago(1 - 1 / 24, { before: 9 }),
        ago(0.5, {}),
      ],
      now,
    );
    expect(days.map((d) => d.rating)).toEqual([5, 4]);
  });

  it("a session dated after now counts as now", () => {
    const future = rec({ start: new Date(now + 3 * HOUR).toISOString(), ratings: { before: 9 } });
    expect(rules([future])).toEqual(["very-high"]);
    expect(dailyRatings([future], now)[0]?.day).toBe(Date.parse("2026-11-22T00:00:00Z"));
  });

  it("every rule has its text for knot safety, and the rules needing ratings are among them", () => {
    const ids = TREND_RULE_TEXT.map((r) => r.id);
    expect(ids).toEqual([
      "rising",
      "worse-after",
      "stays-high",
      "very-high",
      "stopped",
      "not-releasing",
    ]);
    for (const id of RULES_NEEDING_RATINGS) expect(ids).toContain(id);
    expect(TREND_RULE_TEXT.find((r) => r.id === "stays-high")?.text).toMatch(/most days/);
    expect(TREND_RULE_TEXT.find((r) => r.id === "not-releasing")?.text).toMatch(/no ratings/);
  });
});

describe("rising: a meaningful rise across days", () => {
  it.each([
    ["3, 4, 5, 6", [3, 4, 5, 6], { from: 3, to: 6, days: 4 }],
    ["5, 7, 7", [5, 7, 7], { from: 5, to: 7, days: 3 }],
    ["3, 5, 6 (the first rating is a low)", [3, 5, 6], { from: 3, to: 6, days: 3 }],
    [
      "better, then worse again: 7, 7, 3, 3, 4, 5, 6",
      [7, 7, 3, 3, 4, 5, 6],
      { from: 3, to: 6, days: 4 },
    ],
    ["up with a dip: 3, 4, 6, 5, 7", [3, 4, 6, 5, 7], { from: 3, to: 7, days: 5 }],
  ])("%s", (_label, ratings, expected) => {
    expect(rising(ratings)).toEqual(expected);
  });

  it.each([
    ["2, 2, 3 (a point is noise)", [2, 2, 3]],
    ["two days only", [3, 6]],
    ["one bad day: 3, 3, 3, 6", [3, 3, 3, 6]],
    ["a spike that passed: 3, 6, 3", [3, 6, 3]],
    ["back down from the peak: 3, 7, 7, 4", [3, 7, 7, 4]],
    ["one good day among 5s: 5, 5, 2, 5, 5, 5", [5, 5, 2, 5, 5, 5]],
    ["falling: 6, 5, 4, 3", [6, 5, 4, 3]],
    ["zig-zag: 4, 5, 4, 5, 4, 5", [4, 5, 4, 5, 4, 5]],
  ])("not for %s", (_label, ratings) => {
    expect(rising(ratings)).toBeUndefined();
  });

  it("reads before ratings, not after ones: sessions that each lowered pain are not rising", () => {
    const records = [
      ago(5, { before: 5, after: 2 }),
      ago(3, { before: 5, after: 2 }),
      ago(1, { before: 5, after: 3 }),
    ];
    expect(rules(records)).toEqual([]);
  });

  it("three sessions within three hours are one day, not a trend", () => {
    const records = [0, 1.5, 3].map((h, i) => ago(1 - h / 24, { after: [1, 1, 2][i]! }));
    expect(rules(records)).toEqual([]);
    const climbing = [0, 1.5, 3].map((h, i) => ago(1 - h / 24, { before: [3, 5, 7][i]! }));
    expect(rules(climbing)).toEqual([]);
  });

  it("forgets ratings older than 4 weeks", () => {
    const old = [ago(40, { before: 2 }), ago(30, { before: 3 }), ago(1, { before: 6 })];
    expect(rules(old)).not.toContain("rising");
    const recent = [ago(27, { before: 2 }), ago(20, { before: 4 }), ago(1, { before: 6 })];
    expect(rules(recent)).toContain("rising");
  });

  it("names the rise in its reason", () => {
    const trend = assessTrend(
      [ago(3, { before: 3 }), ago(2, { before: 4 }), ago(0, { before: 6 })],
      now,
    );
    expect(trend.reasons[0]).toEqual({ rule: "rising", days: 3, from: 3, to: 6 });
    expect(words(trend.reasons[0]!)).toBe(
      "your pain has risen over the last 3 days you rated it, from 3 to 6 out of 10",
    );
  });
});

describe("worse after sessions, stays high, very high, stopped", () => {
  it.each([
    [
      "2 points worse after, on two days in two weeks",
      [ago(10, { before: 3, after: 5 }), ago(2, { before: 4, after: 6 })],
      ["worse-after"],
    ],
    [
      "7s for two weeks, one 6 among them",
      [13, 11, 9, 7, 5, 3, 1].map((d, i) => ago(d, { before: i === 3 ? 6 : 7 })),
      ["stays-high"],
    ],
    ["a 9 yesterday", [ago(1, { before: 4, after: 9 })], ["very-high"]],
    [
      "stopped because it hurt, twice in a week",
      [ago(5, {}, { ended: "pain" }), ago(1, {}, { ended: "pain" })],
      ["stopped"],
    ],
    [
      "two stops for pain in one afternoon (not a rating trend: each stop counts)",
      [ago(1, {}, { ended: "pain" }), ago(1 - 1 / 24, {}, { ended: "pain" })],
      ["stopped"],
    ],
  ])("fires for %s", (_label, records, expected) => {
    expect(rules(records)).toEqual(expected);
  });

  it.each([
    ["one stop for pain", [ago(1, {}, { ended: "pain" })]],
    [
      "worse after twice, but on one afternoon",
      [ago(1, { before: 3, after: 5 }), ago(1 - 2 / 24, { before: 3, after: 6 })],
    ],
    ["worse after once", [ago(2, { before: 2, after: 6 }), ago(1, { before: 5, after: 5 })]],
    [
      "a point worse after, twice",
      [ago(3, { before: 3, after: 4 }), ago(1, { before: 4, after: 5 })],
    ],
    [
      "7s, but only this week",
      [ago(3, { before: 7 }), ago(2, { before: 7 }), ago(1, { before: 7 })],
    ],
    [
      "7s for two weeks, then a real fall to 4",
      [13, 11, 9, 7, 5, 3, 1].map((d, i) => ago(d, { before: i === 6 ? 4 : 7 })),
    ],
    [
      "7 and 6 by turns: half the days",
      [13, 10, 6, 1].map((d, i) => ago(d, { before: i % 2 === 0 ? 7 : 6 })),
    ],
    ["a 9 eight days ago", [ago(8, { before: 9 })]],
  ])("quiet for %s", (_label, records) => {
    expect(rules(records)).toEqual([]);
  });
});

describe("not releasing", () => {
  const worked = (daysAgo: number, before?: number, areas: SessionRecord["areas"] = ["mid-back"]) =>
    ago(daysAgo, before === undefined ? {} : { before }, { areas });

  it.each([
    ["three weeks of 5s", [worked(22, 5), worked(15, 5), worked(8, 5), worked(1, 5)], ["mid-back"]],
    ["a fall of one point is noise", [worked(22, 5), worked(15, 5), worked(1, 4)], ["mid-back"]],
    [
      "two areas, one falling",
      [
        ...[22, 12, 1].map((d, i) => worked(d, [5, 4, 2][i], ["neck"])),
        ...[22, 12, 1].map((d) => worked(d, 5)),
      ],
      ["mid-back"],
    ],
  ])("fires for %s", (_label, records, expected) => {
    expect(notReleasing(records, now)).toEqual({ stuck: expected, unrated: [] });
    expect(rules(records)).toEqual(["not-releasing"]);
  });

  it("fires with no ratings at all, asking for one", () => {
    const records = [worked(22), worked(10), worked(1)];
    expect(notReleasing(records, now)).toEqual({ stuck: [], unrated: ["mid-back"] });
    const [reason] = assessTrend(records, now).reasons;
    expect(reason).toMatchObject({ rule: "not-releasing", unrated: true, areas: ["mid-back"] });
    expect(words(reason!)).toMatch(/mid-back for 3 weeks or more without rating your pain/);
    expect(words(reason!)).toMatch(/see a GP/);
    expect(words(reason!)).toMatch(/rate your pain/);
  });

  it.each([
    ["20 days of work", [worked(20, 5), worked(10, 5), worked(1, 5)]],
    ["20 days of work, unrated", [worked(20), worked(1)]],
    ["a fall of 2 points", [worked(22, 5), worked(15, 4), worked(1, 3)]],
    ["rated on two days only", [worked(22, 5), worked(10), worked(1, 5)]],
    ["work that ended more than 6 weeks ago", [worked(70, 5), worked(60, 5), worked(45, 5)]],
    ["unrated work that ended more than 6 weeks ago", [worked(70), worked(45)]],
  ])("quiet for %s", (_label, records) => {
    expect(rules(records)).not.toContain("not-releasing");
  });

  it("reads the records in time order, whatever order they come in", () => {
    const records = [
      ...[22, 12, 1].map((d, i) => worked(d, [5, 4, 2][i], ["neck"])),
      ...[22, 12, 1].map((d) => worked(d, 5, ["mid-back", "mid-back"])),
    ];
    const reversed = [...records].reverse();
    const mixed = [records[4]!, records[0]!, records[5]!, records[2]!, records[3]!, records[1]!];
    for (const order of [records, reversed, mixed]) {
      expect(notReleasing(order, now)).toEqual({ stuck: ["mid-back"], unrated: [] });
      expect(assessTrend(order, now)).toEqual(assessTrend(records, now));
    }
    // the day's first session by time gives the day's rating, wherever it is in the list
    const day = [ago(2 - 3 / 24, { before: 3 }), ago(2, { before: 6 }), ago(1, { before: 4 })];
    expect(dailyRatings(day, now).map((d) => d.rating)).toEqual([6, 4]);
  });

  it("gives each session its own local day across a change of clocks", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Europe/London";
    try {
      const dayOf = (starts: string[], now: string) =>
        dailyRatings(
          starts.map((start, i) => rec({ start, ratings: { before: i + 2 } })),
          Date.parse(now),
        ).map((d) => [new Date(d.day).toISOString(), d.rating]);
      // clocks back at 01:00 UTC on 25 October: the 25th lasted 25 hours, so 23:30 UTC on the
      // 25th was still the 25th, and 23:30 UTC on the 24th was already 00:30 on the 25th
      expect(
        dayOf(
          ["2026-10-24T22:30:00Z", "2026-10-24T23:30:00Z", "2026-10-25T23:30:00Z"],
          "2026-10-27T12:00:00Z",
        ),
      ).toEqual([
        ["2026-10-23T23:00:00.000Z", 2],
        ["2026-10-24T23:00:00.000Z", 3],
      ]);
      // clocks forward at 01:00 UTC on 29 March: the 29th lasted 23 hours, so 23:30 UTC on the
      // 29th was 00:30 on the 30th
      expect(
        dayOf(["2026-03-29T12:00:00Z", "2026-03-29T23:30:00Z"], "2026-03-31T12:00:00Z"),
      ).toEqual([
        ["2026-03-29T00:00:00.000Z", 2],
        ["2026-03-29T23:00:00.000Z", 3],
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("says which area and advises a doctor", () => {
    const trend = assessTrend([worked(22, 5), worked(12, 5), worked(1, 6)], now);
    expect(trend.reasons).toEqual([{ rule: "not-releasing", areas: ["mid-back"] }]);
    expect(trend.reasons.map(words)).toEqual([
      "you have worked on your mid-back for 3 weeks or more and your pain ratings have not come down",
    ]);
  });
});

describe("the reasons kept for the advice (safety-snapshot.json)", () => {
  it("keep each rule's figures, read back as they were, and are worded when shown", () => {
    const reasons = assessTrend(
      [ago(3, { before: 3 }), ago(2, { before: 4 }), ago(0, { before: 9 })],
      now,
    ).reasons;
    expect(reasons.map((r) => r.rule)).toEqual(["rising", "very-high"]);
    const read = JSON.parse(JSON.stringify(reasons)).map(keptReason);
    expect(read).toEqual(reasons);
    expect(read.map(words)).toEqual([
      "your pain has risen over the last 3 days you rated it, from 3 to 9 out of 10",
      "you rated your pain 9 out of 10 this week",
    ]);
  });

  it("keep an older knot's words as they are, and drop what is neither", () => {
    expect(keptReason("your pain has stayed high")).toBe("your pain has stayed high");
    expect(reasonText("your pain has stayed high")).toBe("your pain has stayed high");
    for (const bad of [
      { rule: "rising", days: 3, from: 3 },
      { rule: "very-high", rating: "9" },
      { rule: "not-releasing", areas: ["elbow"] },
      { rule: "no-such-rule" },
      null,
      7,
    ]) {
      expect(keptReason(bad)).toBeUndefined();
    }
  });

  it("advice kept across a clear is worded in the language of the moment it is shown", () => {
    const kept = {
      records: [],
      advice: {
        since: now - DAY,
        reasons: [{ rule: "stopped", stops: 2 }, "words an older knot kept", { rule: "x" }],
      },
    };
    const past = safetyPast([], [], kept as never, now);
    expect(past.advice?.reasons).toEqual([
      { rule: "stopped", stops: 2 },
      "words an older knot kept",
    ]);
    expect(past.advice?.reasons.map(reasonText)).toEqual([
      trendText.stopped(2),
      "words an older knot kept",
    ]);
  });
});
