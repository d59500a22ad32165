import { describe, expect, it } from "vitest";
import { checkCycle, cycleTimeline, parseShortForm } from "../src/cycle.js";
import type { KnotError } from "../src/errors.js";
import { THERMAL_RULES } from "../src/health.js";
import { rulesText } from "../src/text/rules.js";

describe("knot cycle", () => {
  it.each([
    [["cold-10/off-15"], { kind: "cold", onMinutes: 10, offMinutes: 15 }],
    [["cold-10/off-15", "x3"], { kind: "cold", onMinutes: 10, offMinutes: 15, rounds: 3 }],
    [["cold-10/off-15/x3"], { kind: "cold", onMinutes: 10, offMinutes: 15, rounds: 3 }],
    [["ice10", "off20", "2x"], { kind: "cold", onMinutes: 10, offMinutes: 20, rounds: 2 }],
    [["heat-15"], { kind: "heat", onMinutes: 15 }],
    [["HEAT-15min"], { kind: "heat", onMinutes: 15 }],
    [[], {}],
  ])("reads %j", (args, spec) => {
    expect(parseShortForm(args)).toEqual(spec);
  });

  it.each([
    [["cold-10/warm-5"], /"warm-5" is not part of a cycle/],
    [["cold-10/heat-10"], /either cold or heat/],
  ])("refuses %j", (args, message) => {
    expect(() => parseShortForm(args)).toThrow(message);
  });

  const spec = { kind: "cold" as const, onMinutes: 10, offMinutes: 15, rounds: 2 };

  it.each([
    [{ ...spec, onMinutes: 21 }, false, /at most 20 minutes at a time/],
    [{ ...spec, kind: "heat" as const, onMinutes: 30 }, true, /at most 20 minutes/],
    [{ ...spec, rounds: 5 }, false, /5 rounds of cold in one session: knot runs at most 4/],
    [{ ...spec, offMinutes: 5 }, false, /only 5m off .* at least 10 minutes off/],
    [{ ...spec, kind: "heat" as const, rounds: 4 }, true, /up to 3 times in 24 hours/],
    [{ ...spec, rounds: 21 }, true, /Rounds must be a whole number from 1 to 20/],
    [{ ...spec, offMinutes: 0 }, false, /Time off/],
    [{ ...spec, rounds: 0 }, false, /from 1 to 20/],
  ])("refuses %j (force %s)", (cycle, force, message) => {
    expect(() => checkCycle(cycle, force)).toThrow(message);
  });

  it("names the rule, why, and how to pass guidance (never a hard rule)", () => {
    const hint = (cycle: typeof spec, force: boolean) => {
      try {
        checkCycle(cycle, force);
      } catch (error) {
        expect((error as KnotError).exitCode).toBe(2);
        return (error as KnotError).hint;
      }
      return expect.unreachable();
    };
    expect(hint({ ...spec, rounds: 5 }, false)).toMatch(/Rule: cold-rounds[\s\S]*add --force/);
    expect(hint({ ...spec, onMinutes: 25 }, true)).toMatch(/not even --force/);
  });

  it("lets --force past guidance, and says what it overrides", () => {
    const overridden = checkCycle({ ...spec, rounds: 6 }, true);
    expect(overridden).toEqual([
      { rule: "cold-rounds", level: "guidance", count: 6, max: THERMAL_RULES.maxColdRounds },
    ]);
    expect(rulesText.breach(overridden[0]!)).toMatch(/6 rounds of cold/);
    // 10 minutes off is a floor: --force does not pass it
    expect(() => checkCycle({ ...spec, offMinutes: 1, rounds: 2 }, true)).toThrow(
      /only 1m off[\s\S]*/,
    );
    expect(() => checkCycle({ ...spec, onMinutes: 20, offMinutes: 1, rounds: 4 }, true)).toThrow(
      /at least 10 minutes off/,
    );
    expect(checkCycle(spec, false)).toEqual([]);
  });

  it("puts the towel reminder first and a skin check before each new round", () => {
    const timeline = cycleTimeline({ ...spec, rounds: 3 });
    // the steps' names, as the text layer words them
    const step = rulesText.cycle.steps;
    const on = `${step.onName("cold")} 600`;
    const off = `${step.offName("cold")} 900`;
    expect(timeline.map((s) => `${s.name}${s.seconds === null ? "" : ` ${s.seconds}`}`)).toEqual([
      step.wrapName("cold"),
      on,
      off,
      step.checkName,
      on,
      off,
      step.checkName,
      on,
    ]);
    expect(timeline[0]?.instruction).toMatch(/damp towel/);
    expect(timeline[4]?.round).toEqual({ index: 2, of: 3 });
  });

  it("makes a heat cycle with heat steps", () => {
    const timeline = cycleTimeline({ kind: "heat", onMinutes: 15, offMinutes: 15, rounds: 1 });
    expect(timeline.map((s) => s.kind)).toEqual(["prepare", "heat"]);
  });
});
