import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { startSession, tick } from "../../src/session/engine.js";
import { renderScreen } from "../../src/session/render.js";
import { Screen } from "../../src/session/screen.js";
import { viewOf } from "../../src/session/view.js";
import { createStyle } from "../../src/ui/style.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const coloured = createStyle(new Chalk({ level: 2 }));

/** The bytes the screen writer sends for a one-minute step at 160x45, second by second. */
function minute() {
  const timeline: TimelineEntry[] = [
    {
      name: "Hold",
      kind: "rest",
      seconds: 60,
      pose: "knee-to-chest",
      instruction: "Breathe slowly.",
    },
  ];
  const writes: string[] = [];
  const screen = new Screen((t) => writes.push(t));
  let { state } = startSession(timeline, T0);
  for (let s = 0; s < 60; s++) {
    state = tick(state, T0 + s * 1000).state;
    const view = viewOf(state, T0 + s * 1000, { routineName: "Sixty seconds" });
    screen.draw(renderScreen(view, 159, 45, coloured), 160, 45);
    if (writes.length === s) writes.push("");
  }
  return writes.map((w) => Buffer.byteLength(w));
}

describe("bytes written by a one-minute countdown at 160x45, with its figure", () => {
  // The budget is 150 bytes a second at the terminal (npm run bench, "mat", measures it with
  // the title and the bells); the screen writer alone is held a little under it.
  it("stays under the budget a second, the first frame included", () => {
    const bytes = minute();
    const total = bytes.reduce((a, b) => a + b, 0);
    expect(total / 60).toBeLessThan(150);
    // A second that changes only the last digit of the seconds writes a few dozen bytes.
    expect(Math.min(...bytes.slice(2))).toBeLessThan(60);
  });
});
