import { Chalk } from "chalk";
import { describe, expect, it, vi } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { command, startSession, tick } from "../../src/session/engine.js";
import { renderCountIn, renderDone } from "../../src/session/mat.js";
import { type Line, renderScreen } from "../../src/session/render.js";
import { Screen } from "../../src/session/screen.js";
import { type SessionView, SWITCH_SIDES_SECONDS, viewOf } from "../../src/session/view.js";
import { createStyle } from "../../src/ui/style.js";
import { displayWidth } from "../../src/ui/text.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const timeline: TimelineEntry[] = [
  {
    name: "Knee to chest",
    kind: "hold",
    seconds: 30,
    side: "left",
    pose: "knee-to-chest",
    instruction: "Hold behind one knee and draw it gently toward your chest.",
  },
  { name: "Knee to chest", kind: "hold", seconds: 30, side: "right", pose: "knee-to-chest" },
  { name: "Take the cold pack off", kind: "prepare", seconds: null, packOff: "cold" },
];
const plain = createStyle();
const coloured = createStyle(new Chalk({ level: 2 }));
const rowsOf = (lines: Line[]) => lines.map((l) => l.map((s) => s.text).join(""));
const BRAILLE = /[\u2801-\u28ff]/;
const BLOCKS = /[█▀▄]/;

function viewAt(ms: number): SessionView {
  const { state } = tick(startSession(timeline, T0).state, T0 + ms);
  return viewOf(state, T0 + ms, { routineName: "Gentle back stretch" });
}
const screenAt = (ms: number, columns: number, rows: number) =>
  rowsOf(renderScreen(viewAt(ms), columns - 1, rows, plain));

describe("the mat view (about 100x30 and up)", () => {
  it.each([
    [160, 45],
    [100, 30],
  ])(
    "at %ix%i: the name in large letters, the figure beside the digits, the side under them",
    (columns, rows) => {
      const screen = screenAt(6000, columns, rows);
      expect(screen.length).toBeLessThanOrEqual(rows);
      for (const row of screen) expect(displayWidth(row)).toBeLessThanOrEqual(columns - 1);
      const title = screen.findIndex((r) => r.includes("KNEE TO CHEST  ·  left side"));
      // Large letters above the title line: the name, read from the mat.
      expect(screen.slice(1, title).filter((r) => BLOCKS.test(r)).length).toBeGreaterThanOrEqual(4);
      // The figure (braille) shares its rows with the solid digits.
      const beside = screen.filter((r) => BRAILLE.test(r) && r.includes("██"));
      expect(beside.length).toBeGreaterThanOrEqual(5);
      expect(screen.join("\n")).toContain("next: Knee to chest, right side (30s)");
      // The routine's time on the clock every view uses: never "under a minute" at 0:54.
      expect(screen[0]).toMatch(/step 1 of 3 · 0:54 left$/);
    },
  );

  it("fills most of a 160x45 screen with the name, the figure and the clock", () => {
    const large = screenAt(6000, 160, 45).filter((r) => BRAILLE.test(r) || BLOCKS.test(r));
    expect(large.length).toBeGreaterThanOrEqual(Math.round(45 * 0.55));
  });

  it("keeps the smaller large view at 80x24: no figure, digits and words as before", () => {
    const screen = screenAt(6000, 80, 24);
    expect(screen.some((r) => BRAILLE.test(r))).toBe(false);
    expect(screen.join("\n")).toMatch(/KNEE TO CHEST {2}· {2}left side · hold/);
    expect(screen.filter((r) => r.includes("█")).length).toBeGreaterThanOrEqual(5);
    expect(screen[0]).toMatch(/step 1 of 3 · 0:54 left$/);
  });

  it.each([
    [80, 24],
    [100, 30],
    [160, 45],
    [70, 14],
  ])("shows a long voice notice on two lines at %ix%i, the advice whole", (columns, rows) => {
    const advice = "Check the sound is on and a speaker is connected; knot rings twice instead.";
    const notice = `Voice is not reaching you: spd-say failed: Failed to connect to speech-dispatcher at the socket in the run folder of this user. ${advice}`;
    const view = { ...viewAt(6000), notice };
    const screen = rowsOf(renderScreen(view, columns - 1, rows, plain));
    expect(screen.length).toBeLessThanOrEqual(rows);
    for (const row of screen) expect(displayWidth(row)).toBeLessThanOrEqual(columns - 1);
    const words = screen.map((r) => r.trim()).filter(Boolean);
    const at = words.findIndex((r) => /^(Voice is not reaching you|Check the sound)/.test(r));
    expect(at).toBeGreaterThanOrEqual(0);
    // The notice's own rows (two at most), joined, hold the advice sentence word for word.
    const told = words.slice(at, at + 2).join(" ");
    expect(told).toContain(advice);
    // The keys are still shown under it.
    expect(screen.at(-1)).toMatch(/space/);
  });

  it("draws the other side as the mirror image", () => {
    const figureOf = (ms: number) =>
      screenAt(ms, 160, 45)
        .filter((r) => BRAILLE.test(r))
        .map((r) => r.slice(0, 60));
    const left = figureOf(6000);
    const right = figureOf(36_000 + SWITCH_SIDES_SECONDS * 1000);
    expect(right).not.toEqual(left);
  });

  it("says 'switch sides' across the screen at the start of the second side, then the figure", () => {
    const at = (ms: number) => screenAt(ms, 100, 30);
    const switching = at(30_000);
    expect(switching.some((r) => BRAILLE.test(r))).toBe(false);
    expect(switching.filter((r) => BLOCKS.test(r)).length).toBeGreaterThanOrEqual(8);
    expect(switching.join("\n")).toContain("KNEE TO CHEST  ·  right side");
    const after = at(30_000 + SWITCH_SIDES_SECONDS * 1000);
    expect(after.some((r) => BRAILLE.test(r))).toBe(true);
  });

  it("calls the pack off in large letters, with the words to read up close", () => {
    let { state } = startSession(timeline.slice(2), T0);
    state = tick(state, T0 + 1000).state;
    const screen = rowsOf(
      renderScreen(viewOf(state, T0 + 1000, { routineName: "Cold" }), 159, 45, plain),
    );
    expect(screen.filter((r) => BLOCKS.test(r)).length).toBeGreaterThanOrEqual(8);
    expect(screen.join("\n")).toMatch(/░+ TAKE THE COLD PACK OFF NOW, then press Enter ░+/);
  });

  it("shows PAUSED across the width and keeps the figure", () => {
    const { state } = command(
      tick(startSession(timeline, T0).state, T0 + 6000).state,
      "pause",
      T0 + 6000,
    );
    const screen = rowsOf(
      renderScreen(viewOf(state, T0 + 60_000, { routineName: "x" }), 159, 45, plain),
    );
    expect(screen.join("\n")).toMatch(/░{20,} PAUSED · press space to carry on ░{20,}/);
    expect(screen.some((r) => BRAILLE.test(r))).toBe(true);
  });

  it("draws the figure once a step: later seconds write no braille", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    let { state } = startSession(timeline, T0);
    for (let s = 0; s < 20; s++) {
      state = tick(state, T0 + s * 1000).state;
      const view = viewOf(state, T0 + s * 1000, { routineName: "Gentle back stretch" });
      screen.draw(renderScreen(view, 159, 45, coloured), 160, 45);
    }
    expect(BRAILLE.test(writes[0]!)).toBe(true);
    for (const later of writes.slice(1)) expect(BRAILLE.test(later)).toBe(false);
  });
});

describe("the mat view's figure and digits, made once and kept", () => {
  // Each drawn in a module loaded afresh: what nothing was drawn before, against what was.
  const fresh = async () => {
    vi.resetModules();
    const render = await import("../../src/session/render.js");
    return (ms: number, columns: number, rows: number) =>
      rowsOf(render.renderScreen(viewAt(ms), columns - 1, rows, coloured));
  };

  it("are drawn as anew after a resize, the other side and other seconds", async () => {
    const moments: [number, number, number][] = [
      [6000, 100, 30],
      [6000, 160, 45],
      [9000, 160, 45],
      [36_000, 160, 45],
      [36_000, 120, 45],
    ];
    const kept = await fresh();
    for (const [ms, columns, rows] of moments) {
      const before = kept(ms, columns, rows);
      expect(before).toEqual((await fresh())(ms, columns, rows));
    }
  });
});

describe("the count-in on a screen the size of the mat view", () => {
  it("is one large number with 'get ready' and the first step, or left to the spinner when smaller", () => {
    const lines = renderCountIn(
      5,
      "Gentle back stretch",
      "Knee to chest, left side (20s)",
      159,
      45,
      plain,
    );
    const rows = rowsOf(lines!);
    expect(rows.length).toBeLessThanOrEqual(45);
    expect(rows.filter((r) => BLOCKS.test(r)).length).toBeGreaterThanOrEqual(10);
    expect(rows.join("\n")).toContain("Get ready: starting in 5 s  (Enter starts now, q quits)");
    expect(rows.join("\n")).toContain("first: Knee to chest, left side (20s)");
    expect(renderCountIn(5, "Gentle back stretch", undefined, 79, 24, plain)).toBeUndefined();
  });
});

describe("the last screen of a finished session", () => {
  it.each([
    [80, 24],
    [100, 30],
    [160, 45],
  ])("draws Done in large letters at %ix%i, within the screen", (columns, rows) => {
    const screen = rowsOf(renderDone("Gentle back stretch", columns - 1, rows, plain)!);
    expect(screen.length).toBeLessThanOrEqual(rows);
    for (const row of screen) expect(displayWidth(row)).toBeLessThanOrEqual(columns - 1);
    // As tall as the clock's digits: about a quarter of the screen.
    expect(screen.filter((r) => BLOCKS.test(r)).length).toBeGreaterThanOrEqual(
      Math.floor(rows / 5),
    );
    expect(screen.join("\n")).toContain("Gentle back stretch: finished");
  });
});

describe("the mat view's rows kept from second to second", () => {
  // The instruction, the step's name and the next step's name in large letters are laid out
  // once and kept: a new step, a new size or another style must never show the old ones.
  const steps: TimelineEntry[] = [
    { name: "Cat", kind: "hold", seconds: 20, instruction: "Round your back slowly." },
    { name: "Cow", kind: "hold", seconds: 20, instruction: "Let your belly sink down." },
    { name: "Rest", kind: "rest", seconds: 20, instruction: "Breathe out long." },
  ];
  const at = (ms: number, columns: number, rows: number, style = plain) => {
    const { state } = tick(startSession(steps, T0).state, T0 + ms);
    return rowsOf(
      renderScreen(viewOf(state, T0 + ms, { routineName: "Cat cow" }), columns - 1, rows, style),
    );
  };
  // Each moment drawn first after the others, then drawn alone in a fresh view of the same step.
  const moments = [
    [1000, 160, 45],
    [21_000, 160, 45],
    [22_000, 100, 30],
    [41_000, 160, 45],
    [2000, 100, 30],
  ] as const;

  it("shows each step's own instruction and names, whatever was drawn before", () => {
    const drawn = moments.map(([ms, c, r]) => at(ms, c, r).join("\n"));
    expect(drawn[0]).toContain("Round your back slowly.");
    expect(drawn[1]).toContain("Let your belly sink down.");
    expect(drawn[1]).not.toContain("Round your back");
    expect(drawn[3]).toContain("Breathe out long.");
    // The same moment drawn again after the others: the very same rows.
    moments.forEach(([ms, c, r], i) => {
      expect(at(ms, c, r).join("\n")).toBe(drawn[i]);
    });
    // The large "next" line follows the step: Cow's screen names Rest, Cat's names Cow.
    const large = (rows: string[]) => rows.filter((row) => BLOCKS.test(row)).join("\n");
    expect(large(at(21_000, 160, 45))).not.toBe(large(at(1000, 160, 45)));
  });

  it("keeps no colour from another style: the plain view after the coloured one has none", () => {
    // A name drawn nowhere else, in colour first.
    const sphinx: TimelineEntry[] = [{ name: "Sphinx", kind: "hold", seconds: 20 }];
    const { state } = tick(startSession(sphinx, T0).state, T0 + 1000);
    const view = viewOf(state, T0 + 1000, { routineName: "Sphinx" });
    const colouredSpans = renderScreen(view, 159, 45, coloured).flat();
    expect(colouredSpans.some((s) => s.paint !== undefined && s.paint("x") !== "x")).toBe(true);
    const spans = renderScreen(view, 159, 45, plain).flat();
    expect(spans.every((s) => s.paint === undefined || s.paint("x") === "x")).toBe(true);
  });
});
