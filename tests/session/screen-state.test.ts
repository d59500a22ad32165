import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import {
  type Command,
  command,
  type SessionState,
  startSession,
  tick,
} from "../../src/session/engine.js";
import { renderDone } from "../../src/session/mat.js";
import { type Line, renderScreen } from "../../src/session/render.js";
import { Screen } from "../../src/session/screen.js";
import { viewOf } from "../../src/session/view.js";
import { createStyle } from "../../src/ui/style.js";
import { Terminal } from "./vt.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const coloured = createStyle(new Chalk({ level: 2 }));
const timeline: TimelineEntry[] = [
  {
    name: "Knee to chest",
    kind: "hold",
    seconds: 20,
    side: "left",
    pose: "knee-to-chest",
    instruction: "Hold behind one knee and draw it gently toward your chest.",
  },
  { name: "Knee to chest", kind: "hold", seconds: 20, side: "right", pose: "knee-to-chest" },
  { name: "Cold pack on the low back", kind: "cold", seconds: 12, pose: "cold-pack" },
  { name: "Take the cold pack off", kind: "prepare", seconds: null, packOff: "cold" },
  { name: "Rest", kind: "rest", seconds: 65, pose: "rest" },
];

/** What happens, second by second: a key pressed at that second, or a new terminal size. */
type Moment = Command | "help" | "voice" | { columns: number; rows: number } | undefined;

/**
 * A session drawn the cheap way (only what changed, from where the cursor was) into one
 * terminal, and each frame drawn in full into a fresh one: after every frame the two show the
 * same cells in the same styles.
 */
function follow(columns: number, rows: number, script: Record<number, Moment>, seconds: number) {
  const cheap = new Terminal(columns, rows);
  const screen = new Screen((t) => cheap.write(t));
  let size = { columns, rows };
  let { state }: { state: SessionState } = startSession(timeline, T0);
  let showHelp = false;
  let notice: string | undefined;
  const frames: string[] = [];
  const draw = (lines: Line[]) => {
    screen.draw(lines, size.columns, size.rows);
    const full = new Terminal(size.columns, size.rows);
    new Screen((t) => full.write(t)).draw(lines, size.columns, size.rows);
    expect(cheap.snapshot()).toBe(full.snapshot());
    expect(cheap.styleInForce).toBe("");
    frames.push(cheap.text());
  };
  for (let s = 0; s < seconds; s++) {
    const now = T0 + s * 1000;
    const moment = script[s];
    if (typeof moment === "object") {
      size = moment;
      // The terminal keeps what it showed, cut or widened; the screen draws everything again.
      cheap.resize(size.columns, size.rows);
    } else if (moment === "help") showHelp = !showHelp;
    else if (moment === "voice") notice = "Voice on: v turns it off.";
    else if (moment) state = command(state, moment, now).state;
    state = tick(state, now).state;
    if (state.status === "finished") break;
    const view = viewOf(state, now, {
      routineName: "Gentle back stretch",
      showHelp,
      ...(notice ? { notice } : {}),
    });
    draw(renderScreen(view, size.columns - 1, size.rows, coloured));
  }
  screen.invalidate();
  const done = renderDone("Gentle back stretch", size.columns - 1, size.rows, coloured);
  if (done) draw(done);
  return frames;
}

describe("the screen after its cheap updates shows what a full redraw shows", () => {
  it.each([
    [160, 45],
    [100, 30],
    [80, 24],
  ])(
    "at %ix%i: steps, switch sides, pause, help, voice, back and next, the pack",
    (columns, rows) => {
      const frames = follow(
        columns,
        rows,
        {
          3: "pause",
          5: "pause",
          7: "help",
          9: "help",
          11: "voice",
          14: "next",
          17: "back",
          19: "next",
          45: "enter",
        },
        130,
      );
      // The session went through its screens: large digits, switch sides, take the pack off.
      const all = frames.join("\n");
      expect(all).toMatch(/PAUSED/);
      expect(all).toMatch(/TAKE THE COLD PACK OFF/);
      expect(frames.length).toBeGreaterThan(60);
    },
  );

  it("and after the terminal is resized, larger and smaller", () => {
    follow(
      100,
      30,
      {
        4: { columns: 160, rows: 45 },
        9: { columns: 80, rows: 24 },
        13: { columns: 120, rows: 40 },
      },
      60,
    );
  });
});
