import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, formatMinutes, parseDuration } from "../src/duration.js";
import { durationProblem } from "../src/text/routine.js";

describe("parseDuration", () => {
  it.each([
    [45, 45],
    ["45", 45],
    ["45s", 45],
    ["10m", 600],
    ["1m30s", 90],
    ["1h", 3600],
    ["1h2m3s", 3723],
    [" 20S ", 20],
  ])("reads %j as %i seconds", (input, seconds) => {
    expect(parseDuration(input)).toEqual({ ok: true, seconds });
  });

  it.each([
    ["10 mins", /did you mean "10m"/],
    ["1 min 30 sec", /did you mean "1m30s"/],
    [-5, /not more than 0/],
    [0, /not more than 0/],
    ["0s", /not more than 0/],
    [Number.NaN, /not a duration/],
    [Number.POSITIVE_INFINITY, /more than a day/],
    [2.7e304, /more than a day/],
    [86_401, /more than a day/],
    ["25h", /more than a day/],
    ["1".repeat(200_000), /not a duration \(too long\)/],
    [1.5, /whole number/],
    ["", /not a duration/],
    ["abc", /not a duration/],
    ["10x", /not a duration/],
    ["30s10m", /not a duration/],
    [true, /expected/],
    [null, /expected/],
    [[10], /expected/],
  ])("refuses %j", (input, problem) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(durationProblem(result.problem)).toMatch(problem);
  });

  it("gives the spelling meant as data beside the words, and none where there is no plain one", () => {
    expect(parseDuration("1 min 30 sec")).toMatchObject({ ok: false, suggestion: "1m30s" });
    for (const input of ["abc", "10x", "", -5]) {
      const result = parseDuration(input);
      expect(result.ok || result.suggestion).toBeUndefined();
    }
  });
});

describe("formatting", () => {
  it.each([
    [0, "0:00"],
    [9, "0:09"],
    [75, "1:15"],
    [600, "10:00"],
    [3600, "1:00:00"],
    [3725, "1:02:05"],
    [-3, "0:00"],
    [59.9, "0:59"],
  ])("formatClock(%d) is %s", (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });

  it.each([
    [0, "0s"],
    [20, "20s"],
    [60, "1m"],
    [75, "1m 15s"],
    [600, "10m"],
    [3723, "1h 2m 3s"],
  ])("formatDuration(%d) is %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [0, "0s"],
    [29_000, "0s"],
    [31_000, "1m"],
    [50 * 60_000 + 10_000, "50m"],
    [125 * 60_000, "2h 5m"],
  ])("formatMinutes(%d) is %s", (ms, text) => {
    expect(formatMinutes(ms)).toBe(text);
  });
});
