import { describe, expect, it } from "vitest";
import type { Line } from "../../src/session/render.js";
import { Screen } from "../../src/session/screen.js";
import { Terminal } from "./vt.js";

const bold = (t: string) => `\u001b[1m${t}\u001b[22m`;
const inverse = (t: string) => `\u001b[7m${t}\u001b[27m`;
const line = (...parts: (string | [string, (t: string) => string])[]): Line =>
  parts.map((p) => (typeof p === "string" ? { text: p } : { text: p[0], paint: p[1] }));

/** A screen writing into a small terminal, and what each frame wrote. */
function setup(columns: number, rows: number) {
  const terminal = new Terminal(columns, rows);
  const writes: string[] = [];
  const screen = new Screen((t) => {
    writes.push(t);
    terminal.write(t);
  });
  return { terminal, writes, draw: (lines: Line[]) => screen.draw(lines, columns, rows), screen };
}

describe("Screen", () => {
  it("draws everything first, then only the cells that changed", () => {
    const { terminal, writes, draw } = setup(20, 3);
    draw([line("Step 1"), line(["0:14", bold], "  ####")]);
    expect(terminal.text().split("\n").slice(0, 2)).toEqual([
      `Step 1${" ".repeat(14)}`,
      `0:14  ####${" ".repeat(10)}`,
    ]);
    draw([line("Step 1"), line(["0:13", bold], "  ####")]);
    // One cell: a move and the digit in bold, no more.
    expect(writes[1]?.endsWith("\u001b[1m3\u001b[m")).toBe(true);
    expect(Buffer.byteLength(writes[1] ?? "")).toBeLessThanOrEqual(16);
    expect(terminal.snapshot().split("\n")[1]).toContain("3[bold=1]");
    draw([line("Step 1"), line(["0:13", bold], "  ####")]);
    expect(writes).toHaveLength(2); // nothing changed, nothing written
  });

  it("moves the cursor from where the last frame left it, in a few bytes", () => {
    const { writes, draw } = setup(30, 6);
    draw([line("a"), [], [], [], line("x         b")]);
    draw([line("a"), [], [], [], line("x         y")]);
    draw([line("a"), [], [], [], line("z         y")]);
    expect(writes[2]).toBe("\rz");
  });

  it("comes back to a cell that changes every frame in two bytes (the saved cursor)", () => {
    const { terminal, writes, draw } = setup(40, 10);
    for (let s = 9; s >= 0; s--) draw([line(`step 1 · 0:0${s} left`), [], line(`${s}`.repeat(3))]);
    expect(terminal.text().split("\n")[0]).toMatch(/^step 1 · 0:00 left/);
    // The seconds in the header: the saved cursor and the digit, and the other change.
    for (const w of writes.slice(5)) expect(Buffer.byteLength(w)).toBeLessThanOrEqual(12);
  });

  it("erases what a shorter line leaves behind", () => {
    const { terminal, draw } = setup(20, 2);
    draw([line("long text here"), line(["solid", inverse])]);
    draw([line("long"), line("")]);
    expect(terminal.snapshot()).toBe(`long${" ".repeat(16)}\n${" ".repeat(20)}`);
  });

  it("never leaves a style on between frames", () => {
    const { terminal, draw } = setup(20, 4);
    draw([line(["  ", inverse], " ", ["  ", inverse]), line(["  ", inverse])]);
    expect(terminal.styleInForce).toBe("");
    draw([line(["  ", inverse]), line(["  ", inverse], " ", ["  ", inverse])]);
    expect(terminal.styleInForce).toBe("");
  });

  it("redraws in full after a resize or invalidate, and never writes the last column", () => {
    const writes: string[] = [];
    const screen = new Screen((t) => writes.push(t));
    screen.draw([line("abcdefghij")], 8, 1);
    expect(writes[0]).toBe("\u001b[H\u001b[2Jabcdefg");
    screen.draw([line("abcdefghij")], 12, 1);
    expect(writes[1]?.startsWith("\u001b[H\u001b[2J")).toBe(true);
    screen.invalidate();
    screen.draw([line("abcdefghij")], 12, 1);
    expect(writes[2]?.startsWith("\u001b[H\u001b[2J")).toBe(true);
  });

  it("draws what follows a row's unchanged start: new, fewer or differently split spans", () => {
    const { terminal, draw } = setup(24, 1);
    const frames: Line[] = [
      line("figure    ", ["0:10", inverse]),
      line("figure    ", ["0:09", inverse]),
      // the same cells split into other spans
      line("figure ", "   ", ["0:", inverse], ["09", inverse]),
      // fewer spans: the clock gone, the figure alone
      line("figure    "),
      // the first span's text kept, in another style
      line(["figure    ", bold], "x"),
      line(["figure    ", bold]),
      line(),
      line("figure    ", ["0:08", inverse], " side"),
    ];
    for (const frame of frames) {
      draw([frame]);
      const full = new Terminal(24, 1);
      new Screen((t) => full.write(t)).draw([frame], 24, 1);
      expect(terminal.snapshot()).toBe(full.snapshot());
    }
  });

  it("rewrites a cell whose style changed though its text did not", () => {
    const { terminal, draw } = setup(10, 1);
    draw([line("0:03")]);
    draw([line(["0:03", bold])]);
    expect(terminal.snapshot()).toBe(`0[bold=1]:[bold=1]0[bold=1]3[bold=1]${" ".repeat(6)}`);
  });
});
