import { describe, expect, it } from "vitest";
import { buildRecord } from "../../src/history/record.js";
import { isRealTime, isSessionRecord } from "../../src/history/record-check.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import {
  type Command,
  command,
  type SessionState,
  startSession,
  tick,
} from "../../src/session/engine.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const timeline: TimelineEntry[] = [
  { name: "Tilt", kind: "hold", seconds: 10, side: "left", area: "neck" },
  { name: "Tilt", kind: "hold", seconds: 10, side: "right", area: "neck" },
  { name: "Roll", kind: "massage", seconds: 20 },
];
const routine = {
  id: "desk",
  name: "Desk",
  category: "mixed" as const,
  areas: ["shoulders" as const, "upper-back" as const],
};

function session(actions: [number, Command | "tick"][]): SessionState {
  let { state } = startSession(timeline, T0);
  for (const [ms, action] of actions) {
    state = action === "tick" ? tick(state, T0 + ms).state : command(state, action, T0 + ms).state;
  }
  return state;
}

const build = (state: SessionState, extra: Partial<Parameters<typeof buildRecord>[0]> = {}) =>
  buildRecord({ id: "x1", routine, state, now: T0 + 60_000, ratings: { before: 6 }, ...extra });

describe("buildRecord", () => {
  it("records a completed session with every step's time, areas and sides", () => {
    const everySecond = Array.from({ length: 40 }, (_, i): [number, "tick"] => [
      (i + 1) * 1000,
      "tick",
    ]);
    const state = session(everySecond);
    const r = build(state, { ratings: { before: 6, after: 3 } });
    expect(isSessionRecord(r)).toBe(true);
    expect(r).toMatchObject({
      routine: "desk",
      ended: "completed",
      startedAt: "2026-11-22T09:00:00.000Z",
      endedAt: "2026-11-22T09:00:40.000Z",
      plannedSeconds: 40,
      doneSeconds: 40,
      areas: ["neck", "shoulders", "upper-back"],
      sides: ["left", "right"],
      ratings: { before: 6, after: 3 },
      stoppedAt: 2,
    });
    expect(r.steps.map((s) => [s.outcome, s.done, s.at])).toEqual([
      ["done", 10, "2026-11-22T09:00:00.000Z"],
      ["done", 10, "2026-11-22T09:00:10.000Z"],
      ["done", 20, "2026-11-22T09:00:20.000Z"],
    ]);
  });

  it.each([
    ["quit", "quit"],
    ["pain", "pain"],
    ["interrupt", "interrupted"],
  ] as const)("records a session ended by %s as %s, with the step it stopped in", (cmd, ended) => {
    const state = session([
      [5_000, "next"],
      [8_000, cmd],
    ]);
    const r = build(state);
    expect(r.ended).toBe(ended);
    expect(r.stoppedAt).toBe(1);
    expect(r.steps.map((s) => [s.outcome, s.done])).toEqual([
      ["skipped", 5],
      ["pending", 3],
      ["pending", 0],
    ]);
    expect(r.sides).toEqual(["left", "right"]);
    expect(r.areas).toEqual(["neck"]);
  });

  it("marks a step caught up after a clock jump as late", () => {
    const state = session([
      [2_000, "tick"],
      [15_000, "tick"],
    ]);
    expect(build(state, { ended: "interrupted" }).steps[0]?.outcome).toBe("late");
  });

  it("refuses records that are not whole", () => {
    const r = build(session([[1000, "quit"]]));
    expect(isSessionRecord({ ...r, ended: "exploded" })).toBe(false);
    expect(isSessionRecord({ ...r, ratings: { before: 11 } })).toBe(false);
    expect(isSessionRecord({ ...r, startedAt: "yesterday" })).toBe(false);
    expect(isSessionRecord(null)).toBe(false);
  });
});

describe("isRealTime", () => {
  // The rule as a pattern and the calendar: what the hand-written reader must answer alike.
  const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;
  const byPattern = (v: string) => {
    const m = ISO.exec(v);
    if (!m) return false;
    const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as number[];
    if (mo! < 1 || mo! > 12 || d! < 1 || h! > 23 || mi! > 59 || se! > 59) return false;
    return d! <= new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  };
  const good = "2026-11-22T09:00:00.000Z";

  it("takes knot's times and refuses impossible ones, as the pattern and the calendar do", () => {
    const cases = [
      good,
      "2026-11-22T09:00:00Z",
      "2026-11-22T09:00:00.5Z",
      "2026-11-22T09:00:00.25Z",
      "2028-02-29T23:59:59.999Z",
      "2000-02-29T00:00:00.000Z",
      "1900-02-29T00:00:00.000Z",
      "0000-02-29T00:00:00.000Z",
      "0004-02-29T00:00:00.000Z",
      "2026-02-29T00:00:00.000Z",
      "2026-02-30T10:00:00.000Z",
      "2026-04-31T10:00:00.000Z",
      "2026-12-31T10:00:00.000Z",
      "2026-00-10T10:00:00.000Z",
      "2026-13-10T10:00:00.000Z",
      "2026-11-00T10:00:00.000Z",
      "2026-11-22T24:00:00.000Z",
      "2026-11-22T23:60:00.000Z",
      "2026-11-22T23:59:60.000Z",
      "2026-11-22T09:00:00.Z",
      "2026-11-22T09:00:00.0000Z",
      "2026-11-22T09:00:00.000",
      "2026-11-22 09:00:00.000Z",
      "2026/11/22T09:00:00.000Z",
      "2026-11-22T09:00:00.00aZ",
      "2026-1a-22T09:00:00.000Z",
      "+026-11-22T09:00:00.000Z",
      "-026-11-22T09:00:00.000Z",
      "２026-11-22T09:00:00.000Z",
      "2026-11-22T09:00:00.000Z ",
      "",
    ];
    for (const text of cases) expect([text, isRealTime(text)]).toEqual([text, byPattern(text)]);
    // every one-character change of a good time, and every cut
    for (let i = 0; i < good.length; i++) {
      for (const ch of ["0", "9", "-", ":", ".", "T", "Z", "x", " "]) {
        const text = `${good.slice(0, i)}${ch}${good.slice(i + 1)}`;
        expect([text, isRealTime(text)]).toEqual([text, byPattern(text)]);
      }
      const cut = good.slice(0, i) + good.slice(i + 1);
      expect([cut, isRealTime(cut)]).toEqual([cut, byPattern(cut)]);
    }
    expect(isRealTime(Date.UTC(2026, 0, 1))).toBe(false);
    expect(isRealTime(null)).toBe(false);
  });
});
