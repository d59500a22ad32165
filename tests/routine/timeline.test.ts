import { describe, expect, it } from "vitest";
import { checkLimits } from "../../src/routine/limits.js";
import { expandTimeline, MAX_TIMELINE_ENTRIES, totalSeconds } from "../../src/routine/timeline.js";
import type { Routine, StepItem } from "../../src/routine/vocabulary.js";
import { issuesOf } from "../../src/text/routine.js";

/** The timeline with its problems worded, as knot prints them. */
const expandWorded = (...args: Parameters<typeof expandTimeline>) => {
  const expanded = expandTimeline(...args);
  return { ...expanded, issues: issuesOf(expanded.issues) };
};

const routine = (id: string, steps: StepItem[]): Routine => ({
  id,
  name: id,
  summary: "",
  description: "",
  category: "mixed",
  areas: [],
  cautions: [],
  sources: [],
  steps,
});
const s = (name: string, seconds: number | null, extra: Partial<StepItem> = {}): StepItem =>
  ({ name, kind: "hold", seconds, sides: false, ...extra }) as StepItem;
const none = () => undefined;

describe("expandTimeline", () => {
  it("splits sided steps into left then right", () => {
    const { timeline } = expandTimeline(
      routine("r", [s("Tilt", 15, { sides: true, area: "neck" } as never)]),
      none,
    );
    expect(timeline).toEqual([
      { name: "Tilt", kind: "hold", seconds: 15, side: "left", area: "neck" },
      { name: "Tilt", kind: "hold", seconds: 15, side: "right", area: "neck" },
    ]);
  });

  it("unrolls repeats, nested, marking the round", () => {
    const r = routine("r", [{ repeat: 2, steps: [s("A", 5), { repeat: 3, steps: [s("B", 1)] }] }]);
    const { timeline } = expandTimeline(r, none);
    expect(timeline.map((e) => e.name).join("")).toBe("ABBBABBB");
    expect(timeline[0]?.round).toEqual({ index: 1, of: 2 });
    expect(timeline[4]?.round).toEqual({ index: 2, of: 2 });
    expect(timeline[2]?.round).toEqual({ index: 2, of: 3 });
    expect(totalSeconds(timeline)).toBe(16);
  });

  it("keeps manual steps with null seconds, counting them as zero in the total", () => {
    const { timeline } = expandTimeline(routine("r", [s("Wait", null), s("A", 10)]), none);
    expect(timeline[0]?.seconds).toBeNull();
    expect(totalSeconds(timeline)).toBe(10);
  });

  it("inlines included routines, nested, in place", () => {
    const lib: Record<string, Routine> = {
      warm: routine("warm", [s("Heat", 60)]),
      mid: routine("mid", [s("M", 1), { routine: "warm" }]),
    };
    const { timeline, issues, includes } = expandTimeline(
      routine("top", [s("First", 2), { routine: "mid" }, s("Last", 3)]),
      (id) => lib[id],
    );
    expect(issues).toEqual([]);
    expect(timeline.map((e) => e.name)).toEqual(["First", "M", "Heat", "Last"]);
    expect([...includes].sort()).toEqual(["mid", "warm"]);
  });

  it("reports an unknown include at its path", () => {
    const { issues } = expandWorded(routine("top", [s("A", 1), { routine: "nope" }]), none);
    expect(issues).toEqual([
      {
        severity: "error",
        path: "steps[1].routine",
        message: 'includes "nope", which is not a known routine',
      },
    ]);
  });

  it("reports include cycles instead of looping", () => {
    const lib: Record<string, Routine> = {
      a: routine("a", [{ routine: "b" }]),
      b: routine("b", [s("B", 1), { routine: "a" }]),
    };
    const { issues } = expandWorded(lib.a!, (id) => lib[id]);
    expect(issues[0]?.path).toBe("steps[0].routine");
    expect(issues[0]?.message).toBe("includes itself in a cycle: a -> b -> a");
  });

  it("reports a routine that includes itself", () => {
    const self = routine("self", [{ routine: "self" }]);
    expect(expandWorded(self, () => self).issues[0]?.message).toMatch(/cycle: self -> self/);
  });

  it("measures runaway repeats before building anything", () => {
    const r = routine("r", [
      { repeat: 20, steps: [{ repeat: 20, steps: [{ repeat: 20, steps: [s("x", null)] }] }] },
    ]);
    const { timeline, issues } = expandWorded(r, none);
    expect(timeline.length).toBe(0);
    expect(issues).toEqual([
      {
        severity: "error",
        path: "steps",
        message: `expands to more than ${MAX_TIMELINE_ENTRIES} steps; use fewer repeats`,
      },
    ]);
  });

  it("refuses five nested repeats around an unknown include at once, not after building them", () => {
    let steps: StepItem[] = [{ routine: "nope" }];
    for (let i = 0; i < 5; i++) steps = [{ repeat: 20, steps }];
    const started = performance.now();
    const { issues } = expandWorded(routine("r", steps), none);
    expect(performance.now() - started).toBeLessThan(1000); // generous: it is microseconds
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/more than 2000 steps/)]);
  });

  it("refuses includes nested more than 8 deep with its own message", () => {
    const chain = Array.from({ length: 10 }, (_, i) =>
      routine(`r${i}`, [i < 9 ? { routine: `r${i + 1}` } : s("x", 1)]),
    );
    const byId = new Map(chain.map((r) => [r.id, r]));
    const { issues } = expandWorded(chain[0]!, (id) => byId.get(id));
    expect(issues[0]?.message).toMatch(/nest more than 8 deep/);
  });

  it("reports an unknown include inside a repeat once", () => {
    const { issues } = expandTimeline(
      routine("r", [{ repeat: 5, steps: [{ routine: "nope" }] }]),
      none,
    );
    expect(issues).toHaveLength(1);
  });
});

describe("checkLimits (from the health facts)", () => {
  // The towel and skin check that must come before each cold or heat application.
  const check = { ...s("Check your skin", 1, { kind: "prepare" } as never), seconds: null };
  const limits = (steps: StepItem[]) => {
    const r = routine("r", steps);
    return issuesOf(checkLimits(r, expandTimeline(r, none).timeline));
  };

  it.each([
    [
      "cold over 20 minutes",
      [check, s("c", 21 * 60, { kind: "cold" } as never)],
      "error",
      "steps",
      /at most 20 minutes/,
    ],
    [
      "heat over 20 minutes",
      [check, s("h", 25 * 60, { kind: "heat" } as never)],
      "error",
      "steps",
      /at most 20 minutes/,
    ],
    ["a hold over 30 seconds", [s("h", 31)], "warning", "steps[0].duration", /10-30 seconds/],
    [
      "a step over an hour",
      [s("r", 61 * 60, { kind: "rest" } as never)],
      "error",
      "steps[0].duration",
      /at most 60 minutes/,
    ],
    [
      "a repeat over 20",
      [{ repeat: 21, steps: [s("a", 1)] }],
      "error",
      "steps[0].repeat",
      /at most 20/,
    ],
    [
      "a routine over 3 hours",
      [{ repeat: 4, steps: [s("r", 50 * 60, { kind: "rest" } as never)] }],
      "error",
      "steps",
      /at most 3 hours/,
    ],
  ])("flags %s", (_label, steps, severity, path, message) => {
    const issue = limits(steps as StepItem[]).find((i) => i.path === path);
    expect(issue?.severity).toBe(severity);
    expect(issue?.message).toMatch(message);
  });

  it.each([
    ["cold of exactly 20 minutes", [check, s("c", 20 * 60, { kind: "cold" } as never)]],
    ["a 30 second hold", [s("h", 30)]],
    ["20 repeats", [{ repeat: 20, steps: [s("a", 1)] }]],
    ["exactly 3 hours", [{ repeat: 4, steps: [s("r", 45 * 60, { kind: "rest" } as never)] }]],
  ])("accepts %s", (_label, steps) => {
    expect(limits(steps as StepItem[])).toEqual([]);
  });
});
