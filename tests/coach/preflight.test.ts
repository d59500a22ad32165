import { describe, expect, it } from "vitest";
import { highRatingDecision } from "../../src/coach/preflight/high-rating.js";
import { goOnDecision } from "../../src/coach/preflight/input.js";
import { massageDecision } from "../../src/coach/preflight/massage.js";
import { screenOverridable } from "../../src/coach/preflight/screening.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import {
  type Allowance,
  allowanceAt,
  checkPlan,
  type Decision,
} from "../../src/safety/allowance.js";
import { stated } from "../guidance.js";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const MIN = 60;
const [LIMIT_MIN = Number.NaN] = stated(/default daily limit per body area \((\d+) min\)/);
const [CEILING_MIN = Number.NaN] = stated(/5 min x 6 a day = (\d+) min/);
const [HIGH = Number.NaN] = stated(/counts any rating of (\d+) or more/);

/** The allowance after `doneMinutes` of massage on the upper back this morning. */
function allowanceAfter(doneMinutes: number): Allowance {
  const massage = doneMinutes
    ? [{ areas: ["upper-back" as const], start: NOW - 3 * 3600_000, seconds: doneMinutes * MIN }]
    : [];
  return allowanceAt(
    { applications: [], massage, stops: [], advice: undefined },
    NOW,
    LIMIT_MIN * MIN,
  );
}

const rolling = (minutes: number): TimelineEntry[] => [
  { name: "Warm up", kind: "prepare", seconds: 20 },
  { name: "Roll", kind: "massage", seconds: minutes * MIN, area: "upper-back" },
];

function decide(doneMinutes: number, plannedMinutes: number, force: boolean, canAsk: boolean) {
  const allowance = allowanceAfter(doneMinutes);
  const plan = { timeline: rolling(plannedMinutes), routineAreas: [], allowance };
  const over = checkPlan({ routine: "tennis-ball", ...plan }, allowance).find(
    (d): d is Decision => d.rule === "massage-limit" || d.rule === "massage-ceiling",
  );
  return massageDecision(plan, over, force, canAsk);
}

const massageSeconds = (timeline: readonly TimelineEntry[]) =>
  timeline.filter((s) => s.kind === "massage").map((s) => s.seconds);

describe("the daily massage limit's decision", () => {
  it("within the limit, runs the plan with room for + up to the limit", () => {
    const decision = decide(0, 2, false, true);
    expect(decision.kind).toBe("within");
    if (decision.kind !== "within") return;
    expect(massageSeconds(decision.timeline)).toEqual([2 * MIN]);
    expect(decision.timeline[1]?.maxSeconds).toBe(LIMIT_MIN * MIN);
  });

  it("past the limit without a terminal, shortens the massage to what is left", () => {
    const decision = decide(LIMIT_MIN - 1, 3, false, false);
    expect(decision).toMatchObject({ kind: "shortened" });
    if (decision.kind === "shortened") expect(massageSeconds(decision.timeline)).toEqual([MIN]);
  });

  it("past the limit at a terminal, offers both: shortened to fit, or on up to the ceiling", () => {
    const decision = decide(LIMIT_MIN - 1, 3, false, true);
    expect(decision.kind).toBe("choose");
    if (decision.kind !== "choose") return;
    expect(massageSeconds(decision.fitted ?? [])).toEqual([MIN]);
    expect(massageSeconds(decision.anyway ?? [])).toEqual([3 * MIN]);
  });

  it("with --force goes past the limit, never past the ceiling", () => {
    const decision = decide(CEILING_MIN - 2, 3, true, false);
    expect(decision).toMatchObject({ kind: "forced", pastCeiling: true });
    if (decision.kind === "forced") expect(massageSeconds(decision.timeline)).toEqual([2 * MIN]);
  });

  it("refuses when nothing is left: of the limit (--force could go on), or of the ceiling", () => {
    expect(decide(LIMIT_MIN, 2, false, false)).toEqual({ kind: "refused", under: "limit" });
    expect(decide(CEILING_MIN, 2, true, false)).toEqual({ kind: "refused", under: "ceiling" });
    // at a terminal, the choice offered is only to stop
    expect(decide(CEILING_MIN, 2, false, true)).toEqual({ kind: "choose" });
  });
});

describe("a high rating before a session", () => {
  const stretch: TimelineEntry[] = [
    { name: "Settle", kind: "prepare", seconds: 20 },
    { name: "Knee to chest", kind: "hold", seconds: 30 },
  ];
  it(`under ${HIGH} says nothing; from ${HIGH} on only gentle steps may go on`, () => {
    expect(highRatingDecision(undefined, rolling(2))).toBe("fine");
    expect(highRatingDecision(HIGH - 1, rolling(2))).toBe("fine");
    expect(highRatingDecision(HIGH, stretch)).toBe("gentle-only");
    expect(highRatingDecision(HIGH, rolling(2))).toBe("refused");
    expect(highRatingDecision(10, rolling(2))).toBe("refused");
  });
});

describe("going on after a warning", () => {
  it("--force goes on without asking; a terminal asks; with neither, knot does not start", () => {
    expect(goOnDecision(true, true)).toBe("forced");
    expect(goOnDecision(true, false)).toBe("forced");
    expect(goOnDecision(false, true)).toBe("ask");
    expect(goOnDecision(false, false)).toBe("refuse");
  });

  it("a screening answer: --force passes an ask-first list, never an emergency or the neck's signs", () => {
    expect(screenOverridable("applies", ["massage"], true)).toBe(true);
    expect(screenOverridable("applies", ["massage"], false)).toBe(false);
    expect(screenOverridable("soon", ["red-flags"], true)).toBe(true);
    expect(screenOverridable("soon", ["red-flags", "neck"], true)).toBe(false);
    expect(screenOverridable("emergency", ["red-flags"], true)).toBe(false);
  });
});
