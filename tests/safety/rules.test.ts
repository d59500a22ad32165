import { describe, expect, it } from "vitest";
import { cycleTimeline } from "../../src/cycle.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { applicationsIn, checkSessionRules, THERMAL_RULES } from "../../src/safety/rules.js";
import { rulesText } from "../../src/text/rules.js";

const check: TimelineEntry = { name: "Check your skin", kind: "prepare", seconds: null };
const on = (kind: "cold" | "heat", minutes: number): TimelineEntry => ({
  name: `${kind} on`,
  kind,
  seconds: minutes * 60,
});
const off = (minutes: number): TimelineEntry => ({
  name: "off",
  kind: "rest",
  seconds: minutes * 60,
});
const rules = (timeline: TimelineEntry[]) =>
  checkSessionRules(timeline).map((b) => `${b.level}:${b.rule}`);

describe("applicationsIn", () => {
  it("joins consecutive steps of one kind into one application", () => {
    const apps = applicationsIn([
      check,
      on("cold", 8),
      on("cold", 8),
      off(10),
      check,
      on("cold", 5),
    ]);
    expect(apps.map((a) => [a.kind, a.seconds])).toEqual([
      ["cold", 16 * 60],
      ["cold", 5 * 60],
    ]);
  });
});

describe("checkSessionRules", () => {
  it.each([
    ["one 20-minute cold application with a check", [check, on("cold", 20)], 0, []],
    [
      "10 on, 10 off, 10 on (the studied protocol)",
      [check, on("cold", 10), off(10), check, on("cold", 10)],
      0,
      [],
    ],
    [
      "cold then heat with 10 minutes off and a check",
      [check, on("cold", 10), off(10), check, on("heat", 10)],
      0,
      [],
    ],
    [
      "four rounds of cold, well spaced",
      cycleTimeline({ kind: "cold", onMinutes: 10, offMinutes: 15, rounds: 4 }),
      0,
      [],
    ],
  ])("passes %s", (_label, timeline, _unused, expected) => {
    expect(rules(timeline as TimelineEntry[])).toEqual(expected);
  });

  it.each([
    ["cold over 20 minutes", [check, on("cold", 21)], 0, ["hard:application-length"]],
    [
      "two cold steps in a row adding up past 20 minutes",
      [check, on("cold", 15), on("cold", 10)],
      0,
      ["hard:application-length"],
    ],
    ["cold with no check first", [on("cold", 10)], 0, ["hard:skin-check"]],
    [
      "a second round with no check before it",
      [check, on("cold", 10), off(15), on("cold", 10)],
      0,
      ["hard:skin-check"],
    ],
    [
      "a break of 9 minutes between cold rounds",
      [check, on("cold", 10), off(9), check, on("cold", 10)],
      0,
      ["hard:time-off"],
    ],
    [
      "a check that waits does not count as time off",
      [check, on("cold", 10), check, on("cold", 10)],
      0,
      ["hard:time-off"],
    ],
    [
      "cold-20/off-1/x4",
      cycleTimeline({ kind: "cold", onMinutes: 20, offMinutes: 1, rounds: 4 }),
      0,
      ["hard:time-off", "hard:time-off", "hard:time-off"],
    ],
    [
      "heat-20/off-1/x4",
      cycleTimeline({ kind: "heat", onMinutes: 20, offMinutes: 1, rounds: 4 }),
      0,
      ["hard:heat-per-day", "hard:time-off", "hard:time-off", "hard:time-off"],
    ],
    [
      "heat straight after cold: heat is not cold's time off",
      [check, on("cold", 10), check, on("heat", 10)],
      0,
      ["hard:time-off"],
    ],
    [
      "20 minutes of heat and of cold in turn for 2 hours",
      [1, 2, 3].flatMap(() => [check, on("heat", 20), check, on("cold", 20)]),
      0,
      ["hard:time-off", "hard:time-off", "hard:time-off", "hard:time-off", "hard:time-off"],
    ],
    [
      "five rounds of cold",
      cycleTimeline({ kind: "cold", onMinutes: 10, offMinutes: 15, rounds: 5 }),
      0,
      ["guidance:cold-rounds"],
    ],
  ])("flags %s", (_label, timeline, _unused, expected) => {
    expect(rules(timeline as TimelineEntry[])).toEqual(expected);
  });

  it("names the step and the rule as data, with the numbers to word it", () => {
    const [breach] = checkSessionRules([check, on("cold", 10), off(1), check, on("cold", 10)]);
    expect(breach).toEqual({
      rule: "time-off",
      level: "hard",
      kind: "cold",
      step: 5,
      name: "cold on",
      after: "cold",
      offSeconds: 60,
      minSeconds: THERMAL_RULES.minOffSeconds,
    });
  });

  it("is worded by the text layer in words a person can act on", () => {
    const [breach] = checkSessionRules([check, on("cold", 10), off(1), check, on("cold", 10)]);
    const words = rulesText.breach(breach!);
    expect(words).toMatch(/only 1m off before the cold at step 5/);
    expect(words).toMatch(/at least 10 minutes off/);
  });
});
