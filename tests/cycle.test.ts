import { describe, expect, it } from "vitest";
import { checkCycle, cycleTimeline, parseShortForm } from "../src/cycle.js";
import type { KnotError } from "../src/errors.js";

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
    [{ ...spec, kind: "heat" as const, onMinutes: 30 }, false, /at most 20 minutes/],
    [{ ...spec, rounds: 5 }, false, /more than knot runs in one go \(at most 4\)/],
    [{ ...spec, rounds: 21 }, true, /At most 20 rounds, even with --force/],
    [{ ...spec, offMinutes: 0 }, false, /Time off/],
    [{ ...spec, rounds: 0 }, false, /1 or more/],
  ])("refuses %j (force %s)", (cycle, force, message) => {
    expect(() => checkCycle(cycle, force)).toThrow(message);
  });

  it("explains the round limit and how to pass it", () => {
    try {
      checkCycle({ ...spec, rounds: 5 }, false);
      expect.unreachable();
    } catch (error) {
      expect((error as KnotError).hint).toMatch(/every 2-4 hours[\s\S]*add --force/);
      expect((error as KnotError).exitCode).toBe(2);
    }
  });

  it("allows more than 4 rounds with --force", () => {
    expect(() => checkCycle({ ...spec, rounds: 6 }, true)).not.toThrow();
  });

  it("puts the towel reminder first and a skin check before each new round", () => {
    const timeline = cycleTimeline({ ...spec, rounds: 3 });
    expect(timeline.map((s) => `${s.name}${s.seconds === null ? "" : ` ${s.seconds}`}`)).toEqual([
      "Wrap the cold pack",
      "Cold pack on 600",
      "Pack off 900",
      "Check your skin",
      "Cold pack on 600",
      "Pack off 900",
      "Check your skin",
      "Cold pack on 600",
    ]);
    expect(timeline[0]?.instruction).toMatch(/damp towel/);
    expect(timeline[4]?.round).toEqual({ index: 2, of: 3 });
  });

  it("makes a heat cycle with heat steps", () => {
    const timeline = cycleTimeline({ kind: "heat", onMinutes: 15, offMinutes: 15, rounds: 1 });
    expect(timeline.map((s) => s.kind)).toEqual(["prepare", "heat"]);
  });
});
