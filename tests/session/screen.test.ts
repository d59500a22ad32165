import { describe, expect, it } from "vitest";
import type { Line } from "../../src/session/render.js";
import { Screen } from "../../src/session/screen.js";

const bold = (t: string) => `\u001b[1m${t}\u001b[22m`;
const line = (...parts: (string | [string, (t: string) => string])[]): Line =>
  parts.map((p) => (typeof p === "string" ? { text: p } : { text: p[0], paint: p[1] }));

describe("Screen", () => {
  it("draws everything first, then only the cells that changed", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    screen.draw([line("Step 1"), line(["0:14", bold], "  ####")], 20, 3);
    // Plain cells first (the row below is one index away), then the bold ones.
    expect(writes[0]).toBe(
      `\u001b[H\u001b[2J\u001b[1;1HStep 1\u001bD####\u001b[10D${bold("0:14")}`,
    );
    screen.draw([line("Step 1"), line(["0:13", bold], "  ####")], 20, 3);
    expect(writes[1]).toBe(`\u001b[2;4H${bold("3")}`);
    screen.draw([line("Step 1"), line(["0:13", bold], "  ####")], 20, 3);
    expect(writes).toHaveLength(2); // nothing changed, nothing written
  });

  it("moves right within a row instead of repositioning", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    screen.draw([line("a         b")], 30, 1);
    screen.draw([line("x         y")], 30, 1);
    expect(writes[1]).toBe("\u001b[1;1Hx\u001b[9Cy");
  });

  it("clears what a shorter line leaves behind", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    screen.draw([line("long text")], 20, 1);
    screen.draw([line("long")], 20, 1);
    expect(writes[1]).toBe("\u001b[1;6H    ");
  });

  it("redraws in full after a resize or invalidate, and never writes the last column", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    screen.draw([line("abcdefghij")], 8, 1);
    expect(writes[0]).toBe("\u001b[H\u001b[2J\u001b[1;1Habcdefg");
    screen.draw([line("abcdefghij")], 12, 1);
    expect(writes[1]?.startsWith("\u001b[H\u001b[2J")).toBe(true);
    screen.invalidate();
    screen.draw([line("abcdefghij")], 12, 1);
    expect(writes[2]?.startsWith("\u001b[H\u001b[2J")).toBe(true);
  });

  it("rewrites a cell whose style changed though its text did not", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    screen.draw([line("0:03")], 10, 1);
    screen.draw([line(["0:03", bold])], 10, 1);
    expect(writes[1]).toBe(`\u001b[1;1H${bold("0:03")}`);
  });
});
