import { describe, expect, it } from "vitest";
import { minutesByArea } from "../../src/history/analysis.js";
import { areaSecondsOf, summaryOf } from "../../src/history/record.js";
import type { StepRecord } from "../../src/history/record-types.js";
import { rec } from "./fixtures.js";

const step = (kind: StepRecord["kind"], done: number, area?: StepRecord["area"]): StepRecord => ({
  name: "Step",
  kind,
  planned: done,
  done,
  outcome: "done",
  at: "2026-11-22T09:00:00.000Z",
  ...(area ? { area } : {}),
});

describe("minutes by body area come from the steps done", () => {
  it("a full session with two minutes on the neck shows two minutes there, not the whole", () => {
    const r = rec({
      areas: ["neck", "upper-back", "lower-back"],
      steps: [
        step("prepare", 30),
        step("hold", 120, "neck"),
        step("massage", 300, "upper-back"),
        step("rest", 60),
        step("cold", 600), // no area of its own: the areas no step names (lower-back)
      ],
    });
    expect(areaSecondsOf(r)).toEqual({ neck: 120, "upper-back": 300, "lower-back": 600 });
    expect(Object.fromEntries(minutesByArea([summaryOf(r)]))).toEqual({
      neck: 2,
      "upper-back": 5,
      "lower-back": 10,
    });
  });

  it("a routine whose steps name no area shares them evenly among its areas", () => {
    const r = rec({ areas: ["neck", "shoulders"], steps: [step("hold", 120)] });
    expect(areaSecondsOf(r)).toEqual({ neck: 60, shoulders: 60 });
  });

  it("a summary kept without them counts its whole session once for each of its areas", () => {
    const { areaSeconds: _, ...kept } = summaryOf(rec({ areas: ["neck", "neck", "shoulders"] }));
    const other = summaryOf(rec({ areas: ["neck"], steps: [step("hold", 180, "neck")] }));
    expect(Object.fromEntries(minutesByArea([kept, other]))).toEqual({ neck: 4, shoulders: 1 });
  });

  it("steps not done count for nothing", () => {
    const r = rec({ areas: ["neck"], steps: [step("hold", 0, "neck")] });
    expect(areaSecondsOf(r)).toEqual({});
  });
});
