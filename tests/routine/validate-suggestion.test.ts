import { describe, expect, it, vi } from "vitest";
import { routineJson } from "../helpers.js";

// The validator decides by the suggestion the duration parser gives, never by its problem: a
// parser that suggests a spelling for "dix minutes" and none for "beaucoup".
vi.mock("../../src/duration.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/duration.js")>();
  return {
    ...real,
    parseDuration: (value: unknown) => {
      if (value === "dix minutes")
        return {
          ok: false,
          problem: { code: "not-a-duration", text: value, suggestion: "10m" },
          suggestion: "10m",
        };
      if (value === "beaucoup")
        return { ok: false, problem: { code: "not-a-duration", text: value, suggestion: "x" } };
      return real.parseDuration(value);
    },
  };
});

const { validateRoutine } = await import("../../src/routine/parse.js");

const durationProblem = (duration: string) =>
  validateRoutine(routineJson({ steps: [{ name: "S", kind: "hold", duration }] })).issues.find(
    (i) => i.path === "steps[0].duration",
  )?.message;

describe("a duration that is not one", () => {
  it("with a spelling to suggest, says only that", () => {
    expect(durationProblem("dix minutes")).toBe(
      '"dix minutes" is not a duration; did you mean "10m"?',
    );
  });

  it("without one, adds how durations are written, whatever the words say", () => {
    expect(durationProblem("beaucoup")).toMatch(/; write seconds \(45\) or text like "45s"/);
  });
});
