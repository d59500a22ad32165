import { describe, expect, it } from "vitest";
import { dailyTotals, resumable, streak } from "../../src/history/analysis.js";
import type { SessionRecord } from "../../src/history/record-types.js";
import { rec } from "./fixtures.js";

const at = (iso: string) => Date.parse(iso);

describe("the streak, counted forgivingly", () => {
  const on = (...days: string[]) => days.map((d) => rec({ start: `${d}T09:00:00Z` }));
  it.each([
    [[], 0],
    [["2026-11-22"], 1],
    [["2026-11-21"], 1], // today is not over: not a rest day yet
    [["2026-11-20"], 1], // yesterday was one rest day
    [["2026-11-19"], 0], // two rest days end it
    [["2026-11-20", "2026-11-21", "2026-11-22"], 3],
    [["2026-11-18", "2026-11-20", "2026-11-22"], 3], // rest days in between
    [["2026-11-17", "2026-11-20", "2026-11-22"], 2], // a two-day gap ends the earlier run
    [["2026-11-22", "2026-11-22", "2026-11-22"], 1], // more sessions in a day count once
  ])("sessions on %j make a streak of %i on 2026-11-22", (days, expected) => {
    expect(streak(on(...days), at("2026-11-22T20:00:00Z"))).toBe(expected);
  });

  it("does not count sessions where nothing was done", () => {
    expect(streak([rec({ steps: [], doneSeconds: 0 })], at("2026-11-22T20:00:00Z"))).toBe(0);
  });
});

describe("resuming", () => {
  const now = at("2026-11-22T12:00:00Z");
  const cut = (overrides: Partial<SessionRecord> = {}) =>
    rec({ start: "2026-11-22T09:00:00Z", ended: "interrupted", stoppedAt: 3, ...overrides });

  it("offers a session of the same routine cut off less than 12 hours ago", () => {
    const r = cut();
    expect(resumable([r], "stretch", now)).toBe(r);
  });

  it.each([
    ["another routine", [cut()], "heat", at("2026-11-22T12:00:00Z")],
    ["too long ago", [cut()], "stretch", at("2026-11-22T21:30:00Z")],
    ["completed", [cut({ ended: "completed" })], "stretch", at("2026-11-22T12:00:00Z")],
    ["quit on purpose", [cut({ ended: "quit" })], "stretch", at("2026-11-22T12:00:00Z")],
    [
      "run again since",
      [cut(), rec({ start: "2026-11-22T10:00:00Z" })],
      "stretch",
      at("2026-11-22T12:00:00Z"),
    ],
  ])("not when %s", (_label, records, routine, when) => {
    expect(
      resumable(records as SessionRecord[], routine as string, when as number),
    ).toBeUndefined();
  });
});

describe("daily totals", () => {
  it("gives each of the last days, oldest first, with empty days", () => {
    const records = [
      rec({ start: "2026-11-22T09:00:00Z" }),
      rec({ start: "2026-11-22T18:00:00Z" }),
      rec({ start: "2026-11-20T09:00:00Z" }),
    ];
    const totals = dailyTotals(records, 3, at("2026-11-22T20:00:00Z"));
    expect(totals.map((t) => [t.day, t.sessions, t.minutes])).toEqual([
      ["2026-11-20", 1, 1],
      ["2026-11-21", 0, 0],
      ["2026-11-22", 2, 2],
    ]);
  });

  it("puts each session on its local day across a change of clocks", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Europe/London";
    try {
      // the clocks went back at 01:00 UTC on 25 October: 23:30 UTC on the 25th is still the
      // 25th in London, 23:30 UTC on the 24th was 00:30 on the 25th
      const records = [
        rec({ start: "2026-10-24T23:30:00Z" }),
        rec({ start: "2026-10-25T23:30:00Z" }),
        rec({ start: "2026-10-24T22:30:00Z" }),
      ];
      const totals = dailyTotals(records, 3, at("2026-10-26T12:00:00Z"));
      expect(totals.map((t) => [t.day, t.sessions])).toEqual([
        ["2026-10-24", 1],
        ["2026-10-25", 2],
        ["2026-10-26", 0],
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
