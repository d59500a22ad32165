import { describe, expect, it } from "vitest";
import { checkHighRating, type PreflightInput } from "../../src/coach/preflight/index.js";
import type { Ratings, SessionRecord } from "../../src/history/record-types.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import {
  isGentle,
  routineStops,
  STOP_AFTER_RATING,
  STOP_HOURS,
  STOP_RISE,
  stopReason,
} from "../../src/safety/stops.js";
import { coachText } from "../../src/text/coach.js";
import type { Asker } from "../../src/ui/prompt.js";
import { stated } from "../guidance.js";
import { testContext } from "../helpers.js";
import { rec } from "../history/fixtures.js";

const HOUR = 3_600_000;
/** The fake clock: 23:30 on a fixed day (the tests run in UTC), half an hour before midnight. */
const now = Date.parse("2026-11-22T23:30:00Z");
/** A one-minute session that ended `hoursAgo` hours before now. */
const ended = (hoursAgo: number, ratings: Ratings, extra: Partial<SessionRecord> = {}) =>
  rec({ start: new Date(now - hoursAgo * HOUR - 60_000).toISOString(), ratings, ...extra });

describe("a routine stopped after a session", () => {
  it("uses the guidance's numbers: 8 or more after, or a rise of 3 or more, for today", () => {
    const [after, rise] = stated(
      /\*\*After a session:\*\* a rating of (\d+) or more after a session, or a rise of (\d+) or more/,
    );
    expect([STOP_AFTER_RATING, STOP_RISE]).toEqual([after, rise]);
    expect(STOP_HOURS).toBe(24);
  });

  it.each([
    [{ before: 3, after: 8 }, "rated-high"],
    [{ after: 10 }, "rated-high"],
    [{ before: 6, after: 9 }, "rated-high"],
    [{ before: 2, after: 5 }, "rose"],
    [{ before: 4, after: 7 }, "rose"],
    [{ before: 3, after: 5 }, undefined],
    [{ before: 7, after: 7 }, undefined],
    [{ after: 7 }, undefined],
    [{ before: 9 }, undefined],
    [{}, undefined],
  ] as [Ratings, string | undefined][])("%j: %s", (ratings, reason) => {
    expect(stopReason(ratings)).toBe(reason);
  });

  it("stops the routine for 24 hours from the session's end", () => {
    const r = ended(1, { before: 4, after: 9 });
    const at = Date.parse(r.endedAt);
    expect(routineStops([r], now)).toEqual([
      {
        routine: "stretch",
        category: "stretch",
        reason: "rated-high",
        rating: 9,
        at,
        until: at + 24 * HOUR,
      },
    ]);
  });

  it("midnight resets nothing: still stopped after it, free 24 hours after the session", () => {
    const r = ended(1, { before: 2, after: 5 });
    const half = 30 * 60_000;
    expect(routineStops([r], now + half)).toHaveLength(1); // just after midnight
    expect(routineStops([r], now + 22 * HOUR)).toMatchObject([{ reason: "rose", rating: 5 }]);
    expect(routineStops([r], now + 23 * HOUR - 1)).toHaveLength(1);
    expect(routineStops([r], now + 23 * HOUR)).toEqual([]);
  });

  it("a session dated after now counts as now (a clock put back)", () => {
    const r = rec({
      start: new Date(now + 5 * HOUR).toISOString(),
      ratings: { after: 8 },
    });
    expect(routineStops([r], now)).toEqual([
      {
        routine: "stretch",
        category: "stretch",
        reason: "rated-high",
        rating: 8,
        at: now,
        until: now + 24 * HOUR,
      },
    ]);
  });

  it("stops only the routine rated, one entry each, the longest-lasting", () => {
    const stops = routineStops(
      [
        ended(20, { after: 8 }, { routine: "tennis-ball" }),
        ended(2, { before: 1, after: 4 }, { routine: "tennis-ball" }),
        ended(3, { before: 5, after: 4 }, { routine: "heat" }),
        ended(25, { after: 10 }, { routine: "cold-cycle" }),
      ],
      now,
    );
    expect(stops.map((s) => [s.routine, s.reason, s.rating])).toEqual([["tennis-ball", "rose", 4]]);
  });

  it("after a high rating, only steps without massage, cold or heat are gentle", () => {
    expect(
      isGentle([{ kind: "prepare" }, { kind: "hold" }, { kind: "move" }, { kind: "rest" }]),
    ).toBe(true);
    for (const kind of ["massage", "cold", "heat"] as const)
      expect(isGentle([{ kind: "hold" }, { kind }])).toBe(false);
  });
});

describe("a rating of 8 or more before a session", () => {
  const stretch: TimelineEntry[] = [
    { name: "Get ready", kind: "prepare", seconds: 10 },
    { name: "Knee to chest", kind: "hold", seconds: 20 },
    { name: "Cat", kind: "move", seconds: 30 },
    { name: "Rest", kind: "rest", seconds: 10 },
  ];
  /** checkHighRating with a terminal answering `answers` (none: no terminal). */
  async function rate(
    rating: number,
    timeline: TimelineEntry[],
    answers?: boolean[],
    force = false,
  ) {
    const { ctx } = testContext();
    const said: string[] = [];
    const asked: string[] = [];
    const ask: Asker = {
      can: answers !== undefined,
      choose: async () => {
        throw new Error("no choice is offered");
      },
      yesNo: async (message) => {
        asked.push(message);
        const answer = answers?.shift();
        if (answer === undefined) throw new Error(`unexpected question: ${message}`);
        return answer;
      },
    };
    const input = {
      ctx,
      timeline,
      ask,
      say: (t = "") => said.push(t),
      force,
    } as unknown as PreflightInput;
    const result = await checkHighRating(input, rating).then(
      () => "goes on" as const,
      (error: { exitCode?: number }) => error.exitCode,
    );
    return { result, said: said.join("\n"), asked };
  }

  it.each([
    ["massage", { name: "Roll", kind: "massage", seconds: 60 }],
    ["cold", { name: "Cold pack", kind: "cold", seconds: 600 }],
    ["heat", { name: "Heat pack", kind: "heat", seconds: 600 }],
  ] as [string, TimelineEntry][])("never starts %s, and asks nothing", async (_kind, step) => {
    for (const force of [false, true]) {
      const { result, said, asked } = await rate(8, [...stretch, step], [true], force);
      expect(result).toBe(3);
      expect(asked).toEqual([]);
      expect(said).toMatch(/rated your pain 8 out of 10[\s\S]*both legs/);
      expect(said).toMatch(/Not started[\s\S]*knot start stretch/);
      expect(said).not.toContain("gentle session anyway");
    }
  });

  it("offers gentle stretching, or rest", async () => {
    const yes = await rate(9, stretch, [true]);
    expect(yes.result).toBe("goes on");
    expect(yes.asked).toEqual([coachText.preflight.goOnGentle]);
    expect((await rate(9, stretch, [false])).result).toBe(3);
    expect((await rate(9, stretch)).result).toBe(3);
  });

  it("asks nothing below 8", async () => {
    const below = await rate(7, [...stretch, { name: "Roll", kind: "massage", seconds: 60 }], []);
    expect(below).toEqual({ result: "goes on", said: "", asked: [] });
  });
});
