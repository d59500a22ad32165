import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli.js";
import { CONTRAINDICATIONS } from "../src/health.js";
import { kindCautions, withKindCautions } from "../src/routine/describe.js";
import { loadLibrary } from "../src/routine/library.js";
import { announcement, spokenWords, WORDS_PER_SECOND } from "../src/routine/speech-fit.js";
import type { TimelineEntry } from "../src/routine/timeline.js";
import { CueDirector } from "../src/session/cue-director.js";
import type { Cues } from "../src/session/cues.js";
import type { SessionEvent } from "../src/session/engine.js";
import { withPackOff } from "../src/session/timeline-to-run.js";
import { guidance, stated } from "./guidance.js";
import { tempDir, testContext, writeTree } from "./helpers.js";

// The built-in routines' words, as a physiotherapist would read and hear them, against
// docs/health-guidance.md.
const library = loadLibrary({ userDir: join(tempDir(), "none") });
const builtIns = library.entries.filter((e) => e.origin === "built-in");
const get = (id: string) => {
  const entry = library.find(id);
  if (!entry) throw new Error(`built-in ${id} missing: ${JSON.stringify(library.broken)}`);
  return entry;
};
const stepsNamed = (id: string, name: string) => {
  const found = get(id).timeline.filter((t) => t.name === name);
  expect(found.length, `${id} has no step called ${name}`).toBeGreaterThan(0);
  return found;
};
const sentences = (text: string) => text.split(/(?<=[.?!])\s+/);

/** What the coach says as each step starts, from the coach's own cues (session/cues.ts). */
function spokenAtEachStep(timeline: readonly TimelineEntry[]): (string | undefined)[] {
  let said: string | undefined;
  const cues = {
    bell() {},
    safetyBell() {},
    notify() {},
    say(text: string) {
      said = text;
    },
    speaksInstructions: true,
  } as unknown as Cues;
  const director = new CueDirector(cues);
  return timeline.map((_, index) => {
    said = undefined;
    const start = { type: "step-start", at: 0, index, count: timeline.length } as SessionEvent;
    director.onEvents([start], timeline);
    return said;
  });
}

describe("heat never puts the person on the heat source", () => {
  it.each(["Set up the heat", "Heat on"])(
    "%s: on top lying on the front, or held sitting upright",
    (name) => {
      expect(guidance).toMatch(/Never lie or sit on the heat source/);
      for (const step of stepsNamed("heat", name)) {
        const text = step.instruction ?? "";
        expect(text).toMatch(/on your front/);
        expect(text).toMatch(/sit(ting)? upright/);
        expect(text).toMatch(/Never lie or sit on (it|the heat)/);
        expect(text).not.toMatch(
          /lying or sitting back|sit back|lie on (it|the (pad|pack|heat))\b/i,
        );
      }
    },
  );

  it("says never to fall asleep with heat on in the heat step itself", () => {
    expect(guidance).toMatch(/Never fall asleep with heat on: the heat step itself says so/);
    for (const entry of builtIns) {
      for (const step of entry.timeline.filter((t) => t.kind === "heat")) {
        expect(step.instruction, entry.routine.id).toMatch(/Never fall asleep with heat on/);
      }
    }
  });
});

/** Built-in steps that bend the spine forward or twist it (Royal Osteoporosis Society). */
const BENDS_OR_TWISTS: [id: string, name: string][] = [
  ["stretch", "Knee to chest"],
  ["stretch", "Knee rolls"],
  ["stretch", "Cat stretch"],
  ["stretch", "Bottom to heels"],
  ["stretch", "Seated twist"],
  ["desk-break", "Seated twist"],
];
/** Built-in steps done lying flat on the back (NHS, exercise in pregnancy). */
const ON_THE_BACK: [id: string, name: string][] = [
  ["stretch", "Get settled"],
  ["stretch", "Knee to chest"],
  ["stretch", "Ready for knee rolls"],
  ["stretch", "Knee rolls"],
  ["stretch", "Pelvic tilts"],
  ["fingertips", "Lie down and breathe"],
  ["tennis-ball", "Set up the ball"],
];

describe("osteoporosis and pregnancy, said in the steps they concern", () => {
  it.each(BENDS_OR_TWISTS)("%s: %s carries the osteoporosis caution, briefly", (id, name) => {
    expect(guidance).toMatch(/The caution goes in the steps that bend or twist, where it is heard/);
    for (const step of stepsNamed(id, name)) {
      const caution = sentences(step.instruction ?? "").find((s) => /osteoporosis/i.test(s));
      expect(caution, step.instruction).toBeDefined();
      expect(spokenWords(caution!)).toBeLessThanOrEqual(12);
      expect(caution).toMatch(/skip|gently|part way|not to the end/);
    }
  });

  it.each(ON_THE_BACK)("%s: %s carries the pregnancy note, briefly", (id, name) => {
    const [weeks] = stated(/after about (\d+) weeks, avoid exercises that keep you lying flat/);
    for (const step of stepsNamed(id, name)) {
      const text = step.instruction ?? "";
      const at = text.indexOf(`${weeks} weeks`);
      expect(at, text).toBeGreaterThanOrEqual(0);
      const note = text.slice(text.lastIndexOf(".", at) + 1);
      expect(spokenWords(note)).toBeLessThanOrEqual(14);
      expect(note).toMatch(/side|sit|seated|wall/i);
    }
  });

  it("no other built-in step lies on the back or twists without saying so", () => {
    const listed = (table: [string, string][], id: string, name: string) =>
      table.some(([i, n]) => i === id && n === name);
    for (const entry of builtIns) {
      if (entry.routine.id === "full-session") continue; // its parts are checked on their own
      for (const step of entry.timeline) {
        const doing = sentences(step.instruction ?? "")
          .filter((s) => !/^Avoid/.test(s))
          .join(" ");
        const where = `${entry.routine.id}: ${step.name}`;
        if (/\b(on your back|lie on the floor|lie down)\b/i.test(doing)) {
          expect(listed(ON_THE_BACK, entry.routine.id, step.name), where).toBe(true);
        }
        if (
          /\btwist|turn slowly|round your back|toward your heels|knees?\b[^.]*toward your chest/i.test(
            doing,
          )
        ) {
          expect(listed(BENDS_OR_TWISTS, entry.routine.id, step.name), where).toBe(true);
        }
      }
    }
  });
});

describe("spoken instructions fit their steps", () => {
  it("knot speaks at the rate the guidance gives", () => {
    const [rate] = stated(/about (\d+(?:\.\d+)?) words a second/);
    expect(WORDS_PER_SECOND).toBe(rate);
  });

  it.each(builtIns.map((e) => [e.routine.id]))(
    "%s: what the coach says as each timed step starts is said within it",
    (id) => {
      // As the session runs it: each cold or heat application followed by the call to take it off.
      const timeline = withPackOff(get(id).timeline);
      const spoken = spokenAtEachStep(timeline);
      timeline.forEach((step, i) => {
        const said = spoken[i];
        expect(said, step.name).toBeDefined();
        // Untimed steps wait for the person: that is where a long how-to is said, before the hold.
        if (step.seconds === null) return;
        const seconds = spokenWords(said!) / WORDS_PER_SECOND;
        expect(seconds, `${step.name}: "${said}"`).toBeLessThanOrEqual(step.seconds);
      });
    },
  );

  it("the validator counts the words the coach says", () => {
    const timeline = get("stretch").timeline;
    const spoken = spokenAtEachStep(timeline);
    const first = timeline.findIndex((t) => t.side === "left");
    expect(spoken[first]).toBe(announcement(timeline[first]!));
    expect(spoken[first]).toMatch(/^Knee to chest, left side\. Hold behind one knee/);
    expect(spoken[first + 1]).toBe("Switch sides.");
  });

  it.each([
    ["Hold", 1],
    ["Knee rolls, left side. Roll both knees gently to one side.", 11],
    ["Keep the ball 2-3 cm off the spine.", 10],
    ["Feel: a stretch - along the back.", 6],
  ])("counts %j as %i spoken words", (text, words) => {
    expect(spokenWords(text)).toBe(words);
  });
});

describe("fingertips", () => {
  it("presses gently", () => {
    for (const step of stepsNamed("fingertips", "Press and roll")) {
      expect(step.instruction).toMatch(/Press your fingertips gently/);
    }
    expect(get("fingertips").routine.description).toMatch(/press gently/);
  });
});

describe("cold-cycle", () => {
  it("ends on a short rest after the last pack comes off, not on a 15-minute break", () => {
    const timeline = withPackOff(get("cold-cycle").timeline);
    const lastCold = timeline.findLastIndex((t) => t.kind === "cold");
    const after = timeline.slice(lastCold + 1);
    expect(after[0]?.packOff).toBe("cold");
    expect(after.length).toBeGreaterThan(1);
    for (const step of after) {
      expect(step.kind === "rest" || step.kind === "prepare", step.name).toBe(true);
      expect(step.seconds ?? 0, step.name).toBeLessThanOrEqual(60);
    }
    expect(timeline.at(-1)?.kind).toBe("rest");
  });

  it("still keeps 15 minutes off between its two rounds (at least the 10 the guidance asks)", () => {
    const [minOff] = stated(/at least (\d+) minutes off between two cold applications/);
    const timeline = get("cold-cycle").timeline;
    const cold = timeline.flatMap((t, i) => (t.kind === "cold" ? [i] : []));
    expect(cold).toHaveLength(2);
    const between = timeline.slice(cold[0]! + 1, cold[1]);
    const off = between.reduce((sum, t) => sum + (t.seconds ?? 0), 0);
    expect(off).toBe(15 * 60);
    expect(off).toBeGreaterThanOrEqual(minOff! * 60);
  });
});

describe("cautions come from the kinds of step", () => {
  it.each([
    ["cold", [{ kind: "prepare" }, { kind: "cold" }], CONTRAINDICATIONS.cold.notes],
    ["heat", [{ kind: "heat" }], CONTRAINDICATIONS.heat.notes],
    ["massage", [{ kind: "massage" }, { kind: "massage" }], CONTRAINDICATIONS.massage.notes],
    [
      "cold and massage",
      [{ kind: "massage" }, { kind: "cold" }],
      [...CONTRAINDICATIONS.cold.notes, ...CONTRAINDICATIONS.massage.notes],
    ],
    ["stretching", [{ kind: "hold" }, { kind: "move" }, { kind: "rest" }], []],
  ])("%s steps bring their cautions", (_label, timeline, expected) => {
    expect(kindCautions(timeline)).toEqual(expected);
  });

  it("keeps the file's own first and adds each kind caution once, unless it says it already", () => {
    const asleep = "Never fall asleep with heat on.";
    const cautions = withKindCautions(
      ["Take it slowly.", `Heat pad: ${asleep}`],
      [{ kind: "heat" }, { kind: "heat" }],
    );
    expect(cautions.slice(0, 2)).toEqual(["Take it slowly.", `Heat pad: ${asleep}`]);
    expect(cautions.filter((c) => c.includes(asleep))).toHaveLength(1);
    expect(cautions).toEqual(
      expect.arrayContaining(CONTRAINDICATIONS.heat.notes.filter((n) => n !== asleep)),
    );
  });

  it("every built-in routine shows the cautions of its kinds of step, each once", () => {
    for (const entry of builtIns) {
      for (const note of kindCautions(entry.timeline)) {
        const showing = entry.cautions.filter((c) => c.includes(note.replace(/\.$/, "")));
        expect(showing, `${entry.routine.id}: ${note}`).toHaveLength(1);
      }
      expect(new Set(entry.cautions).size, entry.routine.id).toBe(entry.cautions.length);
    }
  });

  it("a person's cold-cycle.json that replaces the built-in cannot drop cold's cautions", async () => {
    const { ctx, stdout } = testContext({ columns: 200 });
    writeTree(
      {
        "cold-cycle.json": {
          id: "cold-cycle",
          name: "My cold",
          category: "cold",
          cautions: ["Be careful."],
          steps: [
            { name: "Check", kind: "prepare" },
            { name: "Cold on", kind: "cold", duration: "10m" },
          ],
        },
      },
      join(ctx.paths.config, "routines"),
    );
    const mine = loadLibrary({ userDir: join(ctx.paths.config, "routines") }).find("cold-cycle")!;
    expect(mine.overridesBuiltIn).toBe(true);
    // What `knot start` opens the session with.
    expect(mine.cautions).toEqual(["Be careful.", ...CONTRAINDICATIONS.cold.notes]);

    expect(await run(["show", "cold-cycle"], ctx)).toBe(0);
    const shown = stdout.text().replace(/\s+/g, " ");
    for (const note of CONTRAINDICATIONS.cold.notes) expect(shown).toContain(note);
  });
});
