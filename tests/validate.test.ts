import { describe, expect, it } from "vitest";
import { parseRoutineBytes } from "../src/routine/parse.js";
import { validateRoutine } from "../src/routine/validate.js";
import { routineJson } from "./helpers.js";

const errorsOf = (value: unknown) =>
  validateRoutine(value).issues.filter((i) => i.severity === "error");

const step = (overrides: Record<string, unknown>) => ({
  name: "S",
  kind: "hold",
  duration: 10,
  ...overrides,
});

describe("validateRoutine", () => {
  it("accepts a minimal routine and converts durations to seconds", () => {
    const { routine, issues } = validateRoutine(
      routineJson({
        steps: [
          step({ duration: "1m30s", sides: true, area: "neck" }),
          { name: "Wait", kind: "prepare" },
        ],
      }),
    );
    expect(issues).toEqual([]);
    expect(routine?.steps).toEqual([
      { name: "S", kind: "hold", seconds: 90, sides: true, area: "neck" },
      { name: "Wait", kind: "prepare", seconds: null, sides: false },
    ]);
    expect(routine?.cautions).toEqual([]);
  });

  it.each([
    [
      "an unknown key, with a suggestion",
      routineJson({ categry: "stretch" }),
      "categry",
      /unknown key "categry". Did you mean "category"/,
    ],
    [
      "an unknown step key",
      routineJson({ steps: [step({ durration: 5 })] }),
      "steps[0].durration",
      /Did you mean "duration"/,
    ],
    ["a wrong type", routineJson({ name: 42 }), "name", /expected text, found number 42/],
    [
      "a list where text goes",
      routineJson({ summary: ["a"] }),
      "summary",
      /expected text, found a list/,
    ],
    ["areas not a list", routineJson({ areas: "neck" }), "areas", /expected a list/],
    [
      "an unknown area",
      routineJson({ areas: ["nek"] }),
      "areas[0]",
      /not one of.*Did you mean "neck"/,
    ],
    [
      "an unknown category",
      routineJson({ category: "strech" }),
      "category",
      /Did you mean "stretch"/,
    ],
    [
      "an unknown kind",
      routineJson({ steps: [step({ kind: "hld" })] }),
      "steps[0].kind",
      /not one of/,
    ],
    [
      "sides not a boolean",
      routineJson({ steps: [step({ sides: "yes" })] }),
      "steps[0].sides",
      /true or false/,
    ],
    [
      "a duration in words",
      routineJson({ steps: [step({ duration: "10 mins" })] }),
      "steps[0].duration",
      /did you mean "10m"/,
    ],
    [
      "a negative duration",
      routineJson({ steps: [step({ duration: -5 })] }),
      "steps[0].duration",
      /not more than 0/,
    ],
    [
      "a zero duration",
      routineJson({ steps: [step({ duration: 0 })] }),
      "steps[0].duration",
      /not more than 0/,
    ],
    [
      "a NaN duration",
      routineJson({ steps: [step({ duration: "NaN" })] }),
      "steps[0].duration",
      /not a duration/,
    ],
    ["empty steps", routineJson({ steps: [] }), "steps", /at least one step/],
    ["steps not a list", routineJson({ steps: {} }), "steps", /expected a list of steps/],
    [
      "a step that is not an object",
      routineJson({ steps: ["stretch"] }),
      "steps[0]",
      /expected a step object/,
    ],
    [
      "an empty repeat group",
      routineJson({ steps: [{ repeat: 2, steps: [] }] }),
      "steps[0].steps",
      /at least one step/,
    ],
    [
      "a repeat of 0",
      routineJson({ steps: [{ repeat: 0, steps: [step({})] }] }),
      "steps[0].repeat",
      /less than 1/,
    ],
    [
      "a fractional repeat",
      routineJson({ steps: [{ repeat: 1.5, steps: [step({})] }] }),
      "steps[0].repeat",
      /whole number/,
    ],
    [
      "a nested bad duration",
      routineJson({ steps: [{ repeat: 2, steps: [step({}), step({ duration: "x" })] }] }),
      "steps[0].steps[1].duration",
      /not a duration/,
    ],
    ["a missing name", routineJson({ name: undefined }), "name", /is missing/],
    ["a missing step kind", routineJson({ steps: [{ name: "x" }] }), "steps[0].kind", /is missing/],
    [
      "an escape sequence",
      routineJson({ name: "Red \u001b[31mtext" }),
      "name",
      /control character, terminal escape sequence or text-direction override/,
    ],
    [
      "a control character in an instruction",
      routineJson({ steps: [step({ instruction: "a\u0007b" })] }),
      "steps[0].instruction",
      /control character/,
    ],
    [
      "a C1 control character",
      routineJson({ description: "a\u009bb" }),
      "description",
      /control character/,
    ],
    ["a newline in a name", routineJson({ name: "two\nlines" }), "name", /control character/],
    ["an id with spaces", routineJson({ id: "My Routine" }), "id", /not a valid id/],
    ["empty text", routineJson({ name: "  " }), "name", /is empty/],
    ["very long text", routineJson({ name: "x".repeat(81) }), "name", /at most 80/],
    [
      "a __proto__ key",
      JSON.parse(
        '{"id":"a","name":"b","category":"cold","steps":[{"name":"s","kind":"rest","__proto__":{"x":1}}]}',
      ),
      "steps[0].__proto__",
      /not allowed/,
    ],
    ["a constructor key", routineJson({ constructor: {} }), "constructor", /not allowed/],
  ])("reports %s", (_label, value, path, message) => {
    // Round-trip through JSON text, as a file would be: undefined keys vanish.
    const errors = errorsOf(JSON.parse(JSON.stringify(value)));
    const match = errors.find((e) => e.path === path);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match?.message).toMatch(message);
  });

  it("allows a newline in multi-line text", () => {
    expect(errorsOf(routineJson({ description: "one\ntwo" }))).toEqual([]);
  });

  it("reports every problem at once, not only the first", () => {
    const errors = errorsOf(
      routineJson({ name: 1, category: "x", steps: [step({ duration: 0 })] }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(["category", "name", "steps[0].duration"]);
  });

  it.each([null, [], "routine", 5])("refuses a file whose top level is %j", (value) => {
    expect(errorsOf(value)[0]?.message).toMatch(/expected an object/);
  });
});

describe("parseRoutineBytes", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const firstError = (input: Uint8Array) => {
    const result = parseRoutineBytes(input);
    expect(result.ok).toBe(false);
    return result.issues[0]?.message ?? "";
  };

  it("names the line and column of broken JSON and points at it", () => {
    const message = firstError(bytes('{\n  "id": "x",\n  "name": "y"\n  "steps": []\n}'));
    expect(message).toMatch(/^not valid JSON at line 4, column 3/);
    expect(message).toContain('  "steps": []\n      ^');
  });

  it("explains a file cut short", () => {
    expect(firstError(bytes('{"id": "x",'))).toMatch(/line 1, column 12: the file ends too early/);
  });

  it("accepts a byte order mark", () => {
    const result = parseRoutineBytes(bytes(`\uFEFF${JSON.stringify(routineJson())}`));
    expect(result.ok).toBe(true);
  });

  it("refuses text that is not UTF-8", () => {
    const latin1 = Uint8Array.from([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x7d]);
    expect(firstError(latin1)).toMatch(/not UTF-8/);
  });

  it("refuses files over 256 KiB", () => {
    const big = bytes(JSON.stringify(routineJson({ description: "x".repeat(300 * 1024) })));
    expect(firstError(big)).toMatch(/at most 256 KiB/);
  });
});
