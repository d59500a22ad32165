import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { BUILT_IN_DIR } from "../../src/package.js";
import { checkRoutine } from "../../src/routine/entry.js";
import { checkLimits, routineWarnings } from "../../src/routine/limits.js";
import { parseRoutineBytes, validateRoutine } from "../../src/routine/parse.js";
import { expandTimeline } from "../../src/routine/timeline.js";
import { issuesOf, routineText } from "../../src/text/routine.js";
import { stated } from "../guidance.js";
import { BUILT_IN_IDS, routineJson, testContext, writeTree } from "../helpers.js";

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

  it("keeps a step's pose, and leaves it out when the step names none", () => {
    const { routine, issues } = validateRoutine(
      routineJson({ steps: [step({ pose: "cat" }), step({ name: "T" })] }),
    );
    expect(issues).toEqual([]);
    expect(routine?.steps).toEqual([
      { name: "S", kind: "hold", seconds: 10, sides: false, pose: "cat" },
      { name: "T", kind: "hold", seconds: 10, sides: false },
    ]);
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
      "an unknown pose, with the nearest name",
      routineJson({ steps: [step({ pose: "knee-to-chets" })] }),
      "steps[0].pose",
      /"knee-to-chets" is not one of: .*cat.*Did you mean "knee-to-chest"/,
    ],
    [
      "a pose that is not text",
      routineJson({ steps: [step({ pose: 3 })] }),
      "steps[0].pose",
      /number 3 is not one of/,
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

/** A routine file through every load-time check, as `knot validate` does. */
const loadTime = (json: Record<string, unknown>, others: Record<string, unknown>[] = []) => {
  const parsed = validateRoutine(json);
  expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
  const known = new Map(others.map((o) => [o.id as string, validateRoutine(o).routine!]));
  const checked = checkRoutine(parsed.routine!, (id) => known.get(id));
  return [...checked.errors, ...checked.warnings];
};
const thermalIssues = (steps: Record<string, unknown>[]) =>
  loadTime(routineJson({ category: "mixed", steps })).filter((i) => /is about/.test(i.message));

describe("load-time checks: cold and heat only in cold and heat steps", () => {
  it.each([
    [
      "a rest step with ice on the back",
      { name: "Ice on your back", kind: "rest", duration: "20m" },
      "cold",
    ],
    [
      "a move step with a heat pack",
      {
        name: "Walk",
        kind: "move",
        duration: "5m",
        instruction: "Walk about with the heat pack on.",
      },
      "heat",
    ],
    [
      "a hold that keeps a hot-water bottle on",
      {
        name: "Hold",
        kind: "hold",
        duration: 20,
        instruction: "Keep the hot-water bottle on your back.",
      },
      "heat",
    ],
    [
      "a massage over a heat pad",
      { name: "Roll on the heat pad", kind: "massage", area: "neck", duration: "1m" },
      "heat",
    ],
    [
      "frozen peas on a move step",
      {
        name: "Walk",
        kind: "move",
        duration: "10m",
        instruction: "Walk with a bag of frozen peas on your back.",
      },
      "cold",
    ],
    [
      "a rest in hot water",
      { name: "Soak", kind: "rest", duration: "10m", instruction: "Sit in hot water." },
      "heat",
    ],
    ["a long prepare step with ice", { name: "Ice on", kind: "prepare", duration: "10m" }, "cold"],
    [
      "a cold step that is a heat pad",
      { name: "Heat pad on", kind: "cold", duration: "10m" },
      "heat",
    ],
    [
      "a rest that takes one off and puts another on",
      { name: "Swap", kind: "rest", duration: "10m", instruction: "Cold pack off, heat pack on." },
      "heat",
    ],
  ])("refuses %s, naming the kind to use", (_label, step, kind) => {
    const [issue, ...more] = thermalIssues([step]);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ severity: "error", path: "steps[0].kind" });
    expect(issue!.message).toContain(`must be a ${kind} step ("kind": "${kind}")`);
  });

  it.each([
    [
      "wrapping the pack",
      {
        name: "Wrap the cold pack",
        kind: "prepare",
        instruction: "Wrap the cold pack in a damp towel. Never put ice straight onto bare skin.",
      },
    ],
    [
      "filling a bottle, briefly",
      {
        name: "Fill it",
        kind: "prepare",
        duration: "1m",
        instruction: "Fill a hot-water bottle with hot, never boiling, water.",
      },
    ],
    ["taking the pack off", { name: "Take the cold pack off", kind: "prepare" }],
    [
      "time off after the pack",
      {
        name: "Pack off",
        kind: "rest",
        duration: "15m",
        instruction: "Take the cold pack off now and let the skin warm back up.",
      },
    ],
    [
      "heat off",
      {
        name: "Heat off",
        kind: "rest",
        duration: "30s",
        instruction: "Remove the heat pad and move gently.",
      },
    ],
    [
      "a frozen shoulder",
      {
        name: "Shoulder",
        kind: "hold",
        duration: 20,
        instruction: "Skip this with a frozen shoulder.",
      },
    ],
    [
      "words that only contain ice",
      {
        name: "Notice",
        kind: "hold",
        duration: 20,
        instruction: "Practice slow breaths and notice your back.",
      },
    ],
    [
      "a cold step about ice",
      {
        name: "Ice on",
        kind: "cold",
        duration: "10m",
        instruction: "Rest the wrapped ice pack on the sore spot.",
      },
    ],
    [
      "a heat step with a hot-water bottle",
      {
        name: "Heat on",
        kind: "heat",
        duration: "15m",
        instruction: "Rest the hot-water bottle on top of the area.",
      },
    ],
  ])("accepts %s", (_label, step) => {
    expect(thermalIssues([step])).toEqual([]);
  });

  it("accepts every built-in routine's steps", () => {
    for (const id of BUILT_IN_IDS.filter((i) => i !== "full-session")) {
      const file = JSON.parse(readFileSync(join(BUILT_IN_DIR, `${id}.json`), "utf8"));
      expect(thermalIssues(file.steps), id).toEqual([]);
    }
  });
});

describe("load-time checks: massage against the daily limit", () => {
  const [dailyDefault] = stated(/default daily limit per body area \((\d+) min\)/);
  const [ceiling] = stated(/5 min x 6 a day = (\d+) min/);
  const massage = (minutes: number, extra: Record<string, unknown> = {}) => ({
    name: "Roll",
    kind: "massage",
    duration: `${minutes}m`,
    ...extra,
  });
  const doseIssues = (json: Record<string, unknown>) =>
    loadTime(json).filter((i) => /massages the/.test(i.message));

  // what the neck's massage comes to, in minutes, past the default limit or the ceiling
  const pastDefault = (minutes: number) =>
    routineText.limits.massageOverDefault("neck", minutes * 60, dailyDefault!);
  const pastCeiling = (minutes: number) =>
    routineText.limits.massageOverCeiling("neck", minutes * 60, ceiling!);
  it.each([
    ["at the default limit", [massage(dailyDefault!)], [], []],
    [
      "past the default limit",
      [massage(dailyDefault! + 1)],
      ["warning"],
      [pastDefault(dailyDefault! + 1)],
    ],
    [
      "at the ceiling",
      [{ repeat: 2, steps: [massage(ceiling! / 2)] }],
      ["warning"],
      [pastDefault(ceiling!)],
    ],
    [
      "past the ceiling",
      [{ repeat: 2, steps: [massage(ceiling! / 2 + 1)] }],
      ["error"],
      [pastCeiling(ceiling! + 2)],
    ],
    [
      "past it only on both sides together",
      [massage(dailyDefault! / 2 + 1, { sides: true })],
      ["warning"],
      [pastDefault(dailyDefault! + 2)],
    ],
  ])("a routine %s", (_label, steps, severities, messages) => {
    const issues = doseIssues(routineJson({ category: "massage", areas: ["neck"], steps }));
    expect(issues.map((i) => i.severity)).toEqual(severities);
    expect(issues.map((i) => i.message)).toEqual(messages);
  });

  it("counts a step without an area against each of the routine's areas", () => {
    const issues = doseIssues(
      routineJson({
        category: "massage",
        areas: ["neck", "shoulders"],
        steps: [massage(4, { area: "neck" }), massage(3)],
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([pastDefault(7)]);
  });

  it("refuses a massage step that no area could count against", () => {
    const issues = loadTime(routineJson({ category: "massage", steps: [massage(1)] }));
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "steps[0].area",
        message: expect.stringMatching(/no area.*daily massage limit/),
      }),
    ]);
    expect(
      loadTime(routineJson({ category: "massage", areas: ["neck"], steps: [massage(1)] })),
    ).toEqual([]);
    expect(
      loadTime(routineJson({ category: "massage", steps: [massage(1, { area: "neck" })] })),
    ).toEqual([]);
  });

  it("refuses a routine without areas that includes such a step", () => {
    const part = routineJson({
      id: "part",
      category: "massage",
      areas: ["neck"],
      steps: [massage(1)],
    });
    const issues = loadTime(routineJson({ category: "mixed", steps: [{ routine: "part" }] }), [
      part,
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "areas",
        message: expect.stringMatching(/included massage step "Roll" has no area/),
      }),
    ]);
  });
});

describe("load-time checks: spoken instructions fit their steps", () => {
  const [rate] = stated(/about (\d+(?:\.\d+)?) words a second/);
  const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
  const speech = (step: Record<string, unknown>) =>
    loadTime(routineJson({ steps: [step] })).filter((i) => /said aloud/.test(i.message));

  it.each([
    // "Hold." is one word; a 10-second step has room for 25 at 2.5 words a second
    [
      "fits exactly",
      { name: "Hold", kind: "hold", duration: 10, instruction: words(10 * rate! - 1) },
      0,
    ],
    [
      "one word too many",
      { name: "Hold", kind: "hold", duration: 10, instruction: words(10 * rate!) },
      1,
    ],
    // the first side is announced: "Hold, left side." is three words
    [
      "with its side",
      { name: "Hold", kind: "hold", duration: 10, sides: true, instruction: words(10 * rate! - 2) },
      1,
    ],
    [
      "a step that waits, however long",
      { name: "Get ready", kind: "prepare", instruction: words(200) },
      0,
    ],
    ["a long step", { name: "Walk", kind: "move", duration: "5m", instruction: words(200) }, 0],
  ])("%s", (_label, step, count) => {
    const issues = speech(step);
    expect(issues).toHaveLength(count);
    for (const issue of issues) {
      expect(issue).toMatchObject({ severity: "warning", path: "steps[0].instruction" });
      expect(issue.message).toMatch(
        /at 150 words a minute.*longer than the step's 10s; shorten the instruction to at most \d+ words, or put the how-to in a prepare step before it/,
      );
    }
  });

  it("knot validate warns for such a file, and still passes it", async () => {
    const { ctx, stdout } = testContext();
    const dir = writeTree({
      "quick.json": routineJson({
        steps: [{ name: "Quick", kind: "hold", duration: 5, instruction: words(40) }],
      }),
    });
    expect(await run(["validate", join(dir, "quick.json")], ctx)).toBe(0);
    expect(stdout.text()).toMatch(
      /warning: steps\[0\]\.instruction: said aloud with its name, it takes about 17s/,
    );
  });
});

describe("routineWarnings", () => {
  it("gives the advice alone, for start to show: long holds, long words, massage past the default", () => {
    const { routine } = validateRoutine(
      routineJson({
        areas: ["neck"],
        steps: [
          { name: "Long hold", kind: "hold", duration: "45s" },
          { name: "Roll", kind: "massage", duration: "7m" },
          { name: "Ice on your back", kind: "rest", duration: "20m" },
        ],
      }),
    );
    const timeline = expandTimeline(routine!, () => undefined).timeline;
    const warnings = issuesOf(routineWarnings(routine!, timeline));
    expect(warnings.map((w) => [w.severity, w.path])).toEqual([
      ["warning", "steps[0].duration"],
      ["warning", "steps"],
    ]);
    expect(warnings[0]!.message).toMatch(/longer than the 10-30 seconds/);
    // checkLimits gives the errors too
    expect(checkLimits(routine!, timeline).filter((i) => i.severity === "error")).not.toEqual([]);
  });
});
