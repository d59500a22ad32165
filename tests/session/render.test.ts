import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { command, startSession, tick } from "../../src/session/engine.js";
import { type Line, renderScreen } from "../../src/session/render.js";
import { type SessionView, viewOf } from "../../src/session/view.js";
import { createStyle } from "../../src/ui/style.js";
import { displayWidth, stripAnsi } from "../../src/ui/text.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const timeline: TimelineEntry[] = [
  {
    name: "Knee to chest",
    kind: "hold",
    seconds: 20,
    side: "left",
    area: "lower-back",
    instruction:
      "Hold behind one knee and draw it gently toward your chest. Keep the other foot on the floor.",
  },
  { name: "Knee to chest", kind: "hold", seconds: 20, side: "right" },
  { name: "Check your skin", kind: "prepare", seconds: null, instruction: "Look at the skin." },
  { name: "Cold pack on", kind: "cold", seconds: 600, round: { index: 1, of: 2 } },
];

const plain = createStyle();
const coloured = createStyle(new Chalk({ level: 2 }));
const text = (lines: Line[]) =>
  lines.map((l) => l.map((s) => (s.paint ? s.paint(s.text) : s.text)).join("")).join("\n");

function viewAt(ms: number, extra: Partial<SessionView> = {}): SessionView {
  const { state } = tick(startSession(timeline, T0).state, T0 + ms);
  return { ...viewOf(state, T0 + ms, { routineName: "Gentle back stretch" }), ...extra };
}

describe("renderScreen: the standard view (under 60x16)", () => {
  it.each([40, 80, 120])("draws a running step at %i columns (snapshot)", (columns) => {
    const lines = renderScreen(viewAt(6000), columns, 15, plain);
    expect(text(lines)).toMatchSnapshot();
    for (const line of lines)
      expect(displayWidth(stripAnsi(text([line])))).toBeLessThanOrEqual(columns);
  });

  it.each([40, 80, 120])("colours by kind at %i columns (snapshot)", (columns) => {
    expect(text(renderScreen(viewAt(6000), columns, 15, coloured))).toMatchSnapshot();
  });

  it("shows where we are, the step, the side, the time and what is next", () => {
    const screen = text(renderScreen(viewAt(6000), 80, 15, plain));
    expect(screen).toMatch(/Gentle back stretch\s+step 1 of 4 · 10:34 left/);
    expect(screen).toMatch(/KNEE TO CHEST\s+left side/);
    expect(screen).toMatch(/0:14 {2}█{15}░{35}/);
    expect(screen).toContain("next: Knee to chest, right side (20s)");
    expect(screen).toContain("space pause · n next · b back");
  });

  it("wraps the instruction to the width", () => {
    const screen = text(renderScreen(viewAt(0), 64, 15, plain)).split("\n");
    expect(screen[3]).toBe("  Hold behind one knee and draw it gently toward your chest.");
    expect(screen[4]).toBe("  Keep the other foot on the floor.");
  });

  it("uses one compact line below 50 columns or 12 rows", () => {
    expect(renderScreen(viewAt(6000), 49, 24, plain)).toHaveLength(1);
    expect(text(renderScreen(viewAt(6000), 49, 24, plain))).toBe("0:14 1/4 Knee to chest (L)");
    expect(text(renderScreen(viewAt(6000), 80, 8, plain))).toBe("0:14 1/4 Knee to chest (L)");
    expect(text(renderScreen(viewAt(6000), 12, 24, plain))).toBe("0:14 1/4 K…");
  });

  it("shows PAUSED with the time standing still", () => {
    const { state } = command(
      tick(startSession(timeline, T0).state, T0 + 6000).state,
      "pause",
      T0 + 6000,
    );
    const later = viewOf(state, T0 + 60_000, { routineName: "x" });
    expect(text(renderScreen(later, 80, 15, plain))).toMatch(/PAUSED {2}0:14/);
    expect(text(renderScreen(later, 40, 24, plain))).toMatch(/^PAUSED 0:14/);
  });

  it("asks for Enter on a step that waits", () => {
    const view = viewAt(40_000);
    expect(view.waiting).toBe(true);
    expect(text(renderScreen(view, 80, 15, plain))).toContain("press Enter when ready");
    expect(text(renderScreen(view, 40, 24, plain))).toMatch(/^Enter ▸ 3\/4 Check your skin/);
  });

  it("marks the round and the count-in", () => {
    const cold = viewAt(40_000, {
      index: 3,
      step: timeline[3]!,
      waiting: false,
      left: 3,
      stepSeconds: 600,
      next: undefined,
    });
    const screen = text(renderScreen(cold, 80, 15, coloured));
    expect(stripAnsi(screen)).toMatch(/COLD PACK ON\s+round 1 of 2/);
    expect(stripAnsi(screen)).toContain("next: the end");
    expect(screen).toContain("\u001b[7m\u001b[1m0:03"); // inverse + bold in the last 3 s
  });

  it("shows the keys on ?", () => {
    const screen = text(renderScreen(viewAt(0, { showHelp: true }), 58, 24, plain));
    expect(screen).toContain("x       stop: it hurts");
    expect(screen).not.toContain("Hold behind one knee");
  });

  it("shows a notice above the key hints", () => {
    const lines = renderScreen(viewAt(0, { notice: "knot was away for 5m." }), 80, 15, plain);
    expect(text(lines.slice(-2))).toMatch(/knot was away for 5m\.\n {2}space pause/);
  });
});

describe("renderScreen: the large view (60x16 and up)", () => {
  const cold: TimelineEntry[] = [
    { name: "Wrap the cold pack", kind: "prepare", seconds: null },
    { name: "Cold pack on", kind: "cold", seconds: 600, round: { index: 1, of: 2 } },
  ];
  const coldView = (ms: number, pause = false) => {
    let { state } = command(startSession(cold, T0).state, "enter", T0);
    if (pause) state = command(state, "pause", T0 + 30_000).state;
    return viewOf(state, T0 + ms, { routineName: "Cold 10 min" });
  };
  const sizes = [
    [60, 16],
    [100, 30],
    [160, 45],
  ] as const;

  it.each(sizes)("draws a stretch with sides at %ix%i (snapshot)", (columns, rows) => {
    const lines = renderScreen(viewAt(6000), columns - 1, rows, plain);
    expect(text(lines)).toMatchSnapshot();
    expect(lines.length).toBeLessThanOrEqual(rows);
    for (const line of lines) expect(displayWidth(text([line]))).toBeLessThanOrEqual(columns - 1);
  });

  it.each(sizes)("draws a paused cold step at %ix%i, with colour (snapshot)", (columns, rows) => {
    expect(
      text(renderScreen(coldView(90_000, true), columns - 1, rows, coloured)),
    ).toMatchSnapshot();
  });

  it("grows the solid digits to about a third of the height, at least 5 rows", () => {
    const digitRows = (rows: number, columns: number) =>
      text(renderScreen(viewAt(6000), columns - 1, rows, plain))
        .split("\n")
        .filter((l) => l.includes("█")).length;
    expect(digitRows(16, 60)).toBe(5);
    expect(digitRows(24, 80)).toBe(5);
    expect(digitRows(27, 95)).toBe(9);
  });

  it("says the kind in words and the side, so it reads without colour", () => {
    const screen = text(renderScreen(viewAt(6000), 99, 30, plain));
    expect(screen).toMatch(/KNEE TO CHEST {2}· {2}left side · hold/);
    expect(text(renderScreen(coldView(1000), 99, 30, plain))).toMatch(
      /COLD PACK ON {2}· {2}round 1 of 2 · cold pack on/,
    );
  });

  it("makes paused obvious across the width, and counts the pack's time on", () => {
    const screen = text(renderScreen(coldView(90_000, true), 99, 30, plain));
    expect(screen).toMatch(/░{20,} PAUSED · press space to carry on ░{20,}/);
    expect(screen).toContain("Cold pack on for 1:30 (pauses included)");
    const limit = text(renderScreen(coldView(20 * 60_000 + 5000, true), 99, 30, plain));
    expect(limit).toContain(
      "Cold pack on for 20:05 (pauses included): 20 minutes, take it off now",
    );
  });

  it("calls the pack off until Enter is pressed", () => {
    const view = viewOf(
      startSession(
        [{ name: "Take the cold pack off", kind: "prepare", seconds: null, packOff: "cold" }],
        T0,
      ).state,
      T0,
      { routineName: "Cold" },
    );
    expect(text(renderScreen(view, 99, 30, plain))).toMatch(
      /░+ TAKE THE COLD PACK OFF NOW, then press Enter ░+/,
    );
  });

  it("keeps a full-width progress bar", () => {
    const bar = text(renderScreen(coldView(300_000), 99, 30, plain))
      .split("\n")
      .find((l) => /^ {2}[=-]+$/.test(l));
    expect(bar?.length).toBe(2 + 95);
    expect(bar).toMatch(/^ {2}={40,48}-+$/);
  });
});

describe("a question before a cold or heat application", () => {
  const view = (): SessionView => ({
    ...viewAt(40_000),
    question: { text: "Is the skin where the pack goes broken, or numb?", index: 0, of: 1 },
  });

  it("is asked in every view, with its keys", () => {
    expect(text(renderScreen(view(), 99, 30, plain))).toMatch(
      /░+ Is the skin where the pack goes broken, or numb\? {2}y: yes · n: no ░+/,
    );
    expect(text(renderScreen(view(), 80, 15, plain))).toContain(
      "  Is the skin where the pack goes broken, or numb?  y: yes · n: no",
    );
    expect(text(renderScreen(view(), 40, 24, plain))).toMatch(/^\? Is the skin/);
  });
});
