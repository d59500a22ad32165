import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { startSession, tick } from "../../src/session/engine.js";
import { renderDone } from "../../src/session/mat.js";
import { renderScreen } from "../../src/session/render.js";
import { Screen } from "../../src/session/screen.js";
import { viewOf } from "../../src/session/view.js";
import { createStyle } from "../../src/ui/style.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const coloured = createStyle(new Chalk({ level: 2 }));

/**
 * The bytes the screen writer sends for a one-minute step, second by second on a fake clock,
 * then the Done screen: what `npm run bench` counts at the terminal, less the title and bells.
 */
function minute(columns: number, rows: number, pose?: TimelineEntry["pose"]) {
  const timeline: TimelineEntry[] = [
    {
      name: "Hold",
      kind: "rest",
      seconds: 60,
      instruction: "Breathe slowly.",
      ...(pose ? { pose } : {}),
    },
  ];
  const writes: string[] = [];
  const screen = new Screen((t) => writes.push(t));
  let { state } = startSession(timeline, T0);
  for (let s = 0; s < 60; s++) {
    state = tick(state, T0 + s * 1000).state;
    const view = viewOf(state, T0 + s * 1000, { routineName: "Sixty seconds" });
    screen.draw(renderScreen(view, columns - 1, rows, coloured), columns, rows);
    if (writes.length === s) writes.push("");
    // A busy machine draws the same second twice: nothing more is written.
    screen.draw(renderScreen(view, columns - 1, rows, coloured), columns, rows);
    expect(writes).toHaveLength(s + 1);
  }
  screen.invalidate();
  screen.draw(renderDone("Sixty seconds", columns - 1, rows, coloured)!, columns, rows);
  return writes.map((w) => Buffer.byteLength(w));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("bytes written by a one-minute countdown in the mat view", () => {
  // The budget is 150 bytes a second at the terminal (npm run bench, "mat", measures it with
  // the title and the bells, over the minute and the Done screen); here the minute alone.
  it("at 160x45 with its figure: under the budget, the first frame and Done included", () => {
    const bytes = minute(160, 45, "knee-to-chest");
    expect(sum(bytes) / 60).toBeLessThan(150);
    // Each second after the first frame: the strokes of a digit or two, and the header's
    // seconds, about 80 bytes on average.
    expect(sum(bytes.slice(1, 60)) / 59).toBeLessThan(90);
    // A second that changes one vertical stroke of the last digit writes a few dozen bytes.
    expect(Math.min(...bytes.slice(2, 60))).toBeLessThan(40);
  });

  it.each([
    [100, 30],
    [80, 24],
  ])("at %ix%i: under the budget too", (columns, rows) => {
    expect(sum(minute(columns, rows, "knee-to-chest")) / 60).toBeLessThan(140);
  });
});
