import { describe, expect, it } from "vitest";
import { showText } from "../../src/text/library.js";
import { stepDuration } from "../../src/text/steps.js";
import { knotInPty } from "./pty.js";
import { isolatedEnv } from "./run-knot.js";

/** At a real terminal: the figures as a person sees them (needs `npm run build`). */
describe("knot show at a real terminal", () => {
  it.each([
    ["draws the poses at 110 columns", 110, "xterm-256color", true],
    ["keeps to words at 80 columns", 80, "xterm-256color", false],
    ["keeps to words with TERM=dumb", 110, "dumb", false],
  ])("%s", async (_label, cols, TERM, figures) => {
    const run = knotInPty(["show", "desk-break"], {
      cols,
      rows: 40,
      env: isolatedEnv({ TERM, NO_COLOR: "1" }),
    });
    expect((await run.exited).exitCode).toBe(0);
    const text = run.output();
    expect(/[\u2801-\u28ff]/u.test(text)).toBe(figures);
    // the row as the text layer gives its cells, in any language
    const cells = [
      showText.stepName("Neck side tilt"),
      stepDuration(15, true),
      showText.kind("hold"),
    ];
    expect(text).toMatch(new RegExp(cells.map(literal).join("\\s+")));
    for (const line of text.split(/\r?\n/)) expect([...line].length).toBeLessThanOrEqual(cols);
  });
});

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
