import { describe, expect, it } from "vitest";
import { cyclePlan } from "../../src/coach/cycle-plan.js";
import { dryRun, type Plan, planLength, planToRun } from "../../src/coach/plan.js";
import { stated } from "../guidance.js";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const [COLD_MIN = Number.NaN] = stated(/\*\*(\d+) min per application:\*\*/);
const [OFF_MIN = Number.NaN] = stated(/\*\*10 min off:\*\* at least (\d+) minutes off/);

const stretch: Plan = {
  id: "stretch",
  name: "Gentle stretch",
  category: "stretch",
  areas: [],
  cautions: [],
  resumable: true,
  timeline: [
    { name: "Settle", kind: "prepare", seconds: 20 },
    { name: "Knee to chest", kind: "hold", seconds: 30, side: "left" },
    { name: "Ready?", kind: "rest", seconds: null },
    { name: "Knee to chest", kind: "hold", seconds: 30, side: "right" },
  ],
};

describe("the plan", () => {
  it("times each step from the end of the lead-in, on a fake clock", () => {
    const run = dryRun(stretch, 5, NOW);
    expect(run.steps.map((s) => [s.number, (s.at - NOW) / 1000])).toEqual([
      [1, 5],
      [2, 25],
      [3, 55],
      [4, 55],
    ]);
    expect((run.end - NOW) / 1000).toBe(85);
    expect(run.steps[1]?.text).toMatch(/^Knee to chest, left side/);
    // a step that waits for Enter moves every later time
    expect(run.waits).toBe(true);
    expect(dryRun({ ...stretch, timeline: stretch.timeline.slice(0, 2) }, 0, NOW).waits).toBe(
      false,
    );
  });

  it("says its length in steps", () => {
    expect(planLength(stretch)).toMatch(/^4 steps, /);
    expect(planLength({ ...stretch, timeline: stretch.timeline.slice(0, 1) })).toMatch(/^1 step, /);
  });

  it("a cycle of cold is named by its minutes and rounds, with cold's cautions, never resumed", () => {
    const plan = cyclePlan(
      { kind: "cold", onMinutes: COLD_MIN, offMinutes: OFF_MIN, rounds: 2 },
      ["lower-back"],
      [],
    );
    expect(plan).toMatchObject({
      id: "cycle-cold",
      name: `Cold ${COLD_MIN} min, off ${OFF_MIN} min, 2 rounds`,
      category: "cold",
      areas: ["lower-back"],
      resumable: false,
    });
    expect(plan.cautions.length).toBeGreaterThan(0);
    expect(plan.timeline.filter((s) => s.kind === "cold").map((s) => s.seconds)).toEqual([
      COLD_MIN * 60,
      COLD_MIN * 60,
    ]);
    expect(cyclePlan({ kind: "heat", onMinutes: 15, offMinutes: 10, rounds: 1 }, [], []).name).toBe(
      "Heat 15 min",
    );
  });

  it("as run, each pack ends with a call to take it off, and asks the skin questions before the next unless --skin-checked", () => {
    const cold = cyclePlan(
      { kind: "cold", onMinutes: COLD_MIN, offMinutes: OFF_MIN, rounds: 2 },
      [],
      [],
    );
    const asked = planToRun(cold, false).timeline;
    const checked = planToRun(cold, true).timeline;
    expect(asked.some((s) => s.packOff)).toBe(true);
    expect(asked.some((s) => s.questions?.length)).toBe(true);
    expect(checked.some((s) => s.questions?.length)).toBe(false);
    expect(checked.some((s) => s.packOff)).toBe(true);
  });
});
