import { describe, expect, it } from "vitest";
import type { Ratings, SessionRecord } from "../../src/history/record.js";
import { assessTrend, notReleasing } from "../../src/safety/trend.js";
import { rec } from "../history/fixtures.js";

const DAY = 86_400_000;
const now = Date.parse("2026-11-22T20:00:00Z");
/** A session `daysAgo` days before now, with ratings and fields overridden. */
const ago = (daysAgo: number, ratings: Ratings = {}, extra: Partial<SessionRecord> = {}) =>
  rec({ start: new Date(now - daysAgo * DAY).toISOString(), ratings, ...extra });
const rules = (records: SessionRecord[]) => assessTrend(records, now).reasons.map((r) => r.rule);

describe("getting worse (a fake clock, recent weeks only)", () => {
  it.each([
    [
      "after-ratings rising 3, 4, 5",
      [ago(5, { after: 3 }), ago(3, { after: 4 }), ago(1, { after: 5 })],
      ["rising"],
    ],
    [
      "rising without a strict rise: 5, 7, 7",
      [ago(5, { after: 5 }), ago(3, { after: 7 }), ago(1, { after: 7 })],
      ["rising"],
    ],
    [
      "2 before, 7 after, three times this week",
      [
        ago(1, { before: 2, after: 7 }),
        ago(2, { before: 2, after: 7 }),
        ago(3, { before: 2, after: 7 }),
      ],
      ["worse-after"],
    ],
    [
      "2 points worse after, twice in two weeks",
      [ago(10, { before: 3, after: 5 }), ago(2, { before: 4, after: 6 })],
      ["worse-after"],
    ],
    [
      "pain staying at 7 for six weeks",
      [42, 35, 28, 21, 14, 13, 7, 6, 1].map((d) => ago(d, { before: 7 })),
      ["stays-high", "not-releasing"],
    ],
    ["a rating of 8 this week", [ago(1, { before: 8 })], ["very-high"]],
    [
      "two stops for pain in a week",
      [ago(5, {}, { ended: "pain" }), ago(1, {}, { ended: "pain" })],
      ["stopped"],
    ],
  ])("fires for %s", (_label, records, expected) => {
    expect(rules(records)).toEqual(expected);
  });

  it.each([
    [
      "ratings that rose 300, 200 and 100 days ago",
      [ago(300, { after: 3 }), ago(200, { after: 5 }), ago(100, { after: 8 })],
    ],
    ["a level pattern 5, 5, 5", [ago(5, { after: 5 }), ago(3, { after: 5 }), ago(1, { after: 5 })]],
    ["a dip and back: 6, 4, 5", [ago(5, { after: 6 }), ago(3, { after: 4 }), ago(1, { after: 5 })]],
    ["only two ratings", [ago(3, { after: 4 }), ago(1, { after: 5 })]],
    ["worse after only once", [ago(2, { before: 2, after: 6 }), ago(1, { before: 5, after: 5 })]],
    [
      "one point worse after, twice",
      [ago(3, { before: 3, after: 4 }), ago(1, { before: 4, after: 3 })],
    ],
    ["7 or more, but only this week", [ago(3, { before: 7 }), ago(1, { before: 7 })]],
    [
      "high for two weeks with one 6 between",
      [ago(12, { before: 7 }), ago(6, { before: 6 }), ago(1, { before: 7 })],
    ],
    ["a rating of 9 eight days ago", [ago(8, { before: 9 })]],
    ["one stop for pain", [ago(1, {}, { ended: "pain" })]],
  ])("stays quiet for %s", (_label, records) => {
    expect(rules(records)).toEqual([]);
  });
});

describe("not releasing", () => {
  const worked = (daysAgo: number, before: number, areas: SessionRecord["areas"] = ["mid-back"]) =>
    ago(daysAgo, { before }, { areas });

  it.each([
    [
      "three weeks, ratings 5 then 5",
      [worked(22, 5), worked(15, 5), worked(8, 5), worked(1, 5)],
      ["mid-back"],
    ],
    ["three weeks, ratings rising 4 then 5", [worked(22, 4), worked(1, 5)], ["mid-back"]],
    [
      "two areas, one falling",
      [worked(22, 5, ["neck"]), worked(1, 3, ["neck"]), worked(22, 5), worked(1, 5)],
      ["mid-back"],
    ],
  ])("fires for %s", (_label, records, expected) => {
    expect(notReleasing(records)).toEqual(expected);
    expect(rules(records)).toContain("not-releasing");
  });

  it.each([
    ["20 days of work", [worked(20, 5), worked(1, 5)]],
    ["a fall of one point", [worked(22, 5), worked(1, 4)]],
    [
      "sessions without ratings",
      [ago(22, {}, { areas: ["mid-back"] }), ago(1, {}, { areas: ["mid-back"] })],
    ],
    ["work that ended more than 6 weeks ago", [worked(70, 5), worked(45, 5)]],
  ])("stays quiet for %s", (_label, records) => {
    expect(rules(records)).not.toContain("not-releasing");
  });

  it("says which area and advises a doctor", () => {
    const trend = assessTrend([worked(22, 5), worked(1, 6)], now);
    expect(trend.reasons[0]?.text).toMatch(/your mid-back for 3 weeks or more/);
  });
});
