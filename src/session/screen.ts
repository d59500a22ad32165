import type { Line, Paint } from "./render.js";

interface Cell {
  ch: string;
  paint: Paint | undefined;
  /** What the paint does, as text: paints are compared by effect, not by identity. */
  key: string;
}

const ESC = "\u001b[";
const BLANK: Cell = { ch: " ", paint: undefined, key: "" };
const blankRow = (width: number): Cell[] => Array.from({ length: width }, () => BLANK);

/**
 * Draws frames on a terminal, writing only the cells that changed since the last frame, so a
 * countdown costs a few bytes a second. The last column is never written, which keeps
 * terminals from wrapping. `invalidate` forces a full redraw (after a resize or a resume).
 */
export class Screen {
  private rows: Cell[][] = [];
  /** Each row as last drawn, painted: an unchanged row is skipped without building cells. */
  private painted: string[] = [];
  private width = 0;
  private height = 0;

  constructor(private readonly write: (text: string) => void) {}

  invalidate(): void {
    this.rows = [];
    this.painted = [];
  }

  draw(lines: Line[], columns: number, rowsAvailable: number): void {
    const width = Math.max(1, columns - 1);
    const height = Math.max(1, rowsAvailable);
    let out = "";
    if (this.rows.length === 0 || width !== this.width || height !== this.height) {
      out += `${ESC}H${ESC}2J`;
      this.width = width;
      this.height = height;
      this.rows = Array.from({ length: height }, () => blankRow(width));
      this.painted = [];
    }
    let cursor: { row: number; col: number } | null = null;
    // The style last switched on: kept across cursor moves, so a stroke painted row after row
    // (reverse-video digits) switches it on once.
    const pen: Pen = { key: "", close: "" };
    for (let r = 0; r < height; r++) {
      const line = lines[r] ?? [];
      const painted = line.map((s) => (s.paint ? s.paint(s.text) : s.text)).join("");
      if (painted === this.painted[r]) continue;
      this.painted[r] = painted;
      const next = toCells(line, width);
      const prev = this.rows[r]!;
      for (const [start, end] of changedRuns(prev, next)) {
        out += moveTo(cursor, r, start);
        if (isBlankRun(next, start, end) && end - start >= 5) {
          // Erasing characters costs a few bytes whatever their number; the cursor stays put.
          // It erases in the current style, so that is switched off first.
          out += penOff(pen);
          out += `${ESC}${end - start}X`;
          cursor = { row: r, col: start };
        } else {
          out += paintRun(next, start, end, pen);
          cursor = { row: r, col: end };
        }
      }
      this.rows[r] = next;
    }
    out += penOff(pen);
    if (out) this.write(out);
  }
}

/**
 * The shortest way from the cursor to a cell: along the row, one row down and a little to the
 * side (large digits change the same columns row after row), or to the cell itself.
 */
function moveTo(cursor: { row: number; col: number } | null, row: number, col: number): string {
  const absolute = `${ESC}${row + 1};${col + 1}H`;
  if (!cursor) return absolute;
  const along = (from: number) =>
    col === from
      ? ""
      : col > from
        ? `${ESC}${col - from}C`
        : from - col <= 3
          ? "\b".repeat(from - col)
          : `${ESC}${from - col}D`;
  // ESC D (index) moves one row down in the same column: two bytes.
  const relative =
    cursor.row === row && cursor.col <= col
      ? along(cursor.col)
      : cursor.row === row - 1
        ? `\u001bD${along(cursor.col)}`
        : undefined;
  return relative !== undefined && relative.length < absolute.length ? relative : absolute;
}

const isBlankRun = (cells: Cell[], start: number, end: number): boolean => {
  for (let i = start; i < end; i++) if (cells[i]!.ch !== " " || cells[i]!.key !== "") return false;
  return true;
};

function toCells(line: Line, width: number): Cell[] {
  const cells: Cell[] = [];
  for (const { text, paint } of line) {
    const key = paint ? paint("\u0000") : "";
    for (const ch of text) {
      if (cells.length >= width) break;
      cells.push({ ch, paint, key });
    }
  }
  while (cells.length < width) cells.push(BLANK);
  return cells;
}

/** [start, end) ranges of changed cells; close ranges are merged, as one write is cheaper. */
function changedRuns(prev: Cell[], next: Cell[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i]!;
    if (a && a.ch === b.ch && a.key === b.key) continue;
    const last = runs.at(-1);
    if (last && i - last[1] <= 3) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

/** The style switched on, by its key, and what switches it off. */
interface Pen {
  key: string;
  close: string;
}

function penOff(pen: Pen): string {
  const close = pen.close;
  pen.key = "";
  pen.close = "";
  return close;
}

/** Cells as text, switching the style only where it changes (a paint's key is open\0close). */
function paintRun(cells: Cell[], start: number, end: number, pen: Pen): string {
  let out = "";
  let i = start;
  while (i < end) {
    const { key } = cells[i]!;
    let text = "";
    while (i < end && cells[i]!.key === key) text += cells[i++]!.ch;
    if (key !== pen.key) {
      const [open = "", close = ""] = key.split("\u0000");
      out += penOff(pen) + open;
      pen.key = key;
      pen.close = close;
    }
    out += text;
  }
  return out;
}
