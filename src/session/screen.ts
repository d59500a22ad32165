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
    // The changed cells of every row, in pieces of one style each; then written style by
    // style (the plain ones first), each piece top to bottom: a large digit's strokes are
    // switched on once for the whole digit and once off, not at every row.
    const pieces: Piece[] = [];
    for (let r = 0; r < height; r++) {
      const line = lines[r] ?? [];
      const painted = line.map((s) => (s.paint ? s.paint(s.text) : s.text)).join("");
      if (painted === this.painted[r]) continue;
      this.painted[r] = painted;
      const next = toCells(line, width);
      pieces.push(...changedPieces(r, this.rows[r]!, next));
      this.rows[r] = next;
    }
    const keys = [...new Set(["", ...pieces.map((p) => p.key)])];
    pieces.sort(
      (a, b) => keys.indexOf(a.key) - keys.indexOf(b.key) || a.row - b.row || a.start - b.start,
    );
    let cursor: { row: number; col: number } | null = null;
    // The style last switched on: kept across cursor moves.
    const pen: Pen = { key: "", close: "" };
    for (const { row, start, end } of pieces) {
      const next = this.rows[row]!;
      out += moveTo(cursor, row, start);
      if (isBlankRun(next, start, end) && end - start >= 5) {
        // Erasing characters costs a few bytes whatever their number; the cursor stays put.
        // It erases in the current style, so that is switched off first.
        out += penOff(pen);
        out += `${ESC}${end - start}X`;
        cursor = { row, col: start };
      } else {
        out += paintRun(next, start, end, pen);
        cursor = { row, col: end };
      }
    }
    out += penOff(pen);
    if (out) this.write(out);
  }
}

/**
 * The shortest way from the cursor to a cell: along the row, one row down and a little to the
 * side (large digits change the same columns row after row), a few rows up or down, or to the
 * cell itself.
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
  // ESC D (index) moves one row down in the same column: two bytes; further, up or down.
  const rows = row - cursor.row;
  const relative =
    rows === 0
      ? along(cursor.col)
      : rows === 1
        ? `\u001bD${along(cursor.col)}`
        : `${ESC}${Math.abs(rows)}${rows > 0 ? "B" : "A"}${along(cursor.col)}`;
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

/** Changed cells of one row, [start, end), all in one style. */
interface Piece {
  row: number;
  start: number;
  end: number;
  key: string;
}

/**
 * The changed cells of a row in pieces of one style; close pieces of the same style are
 * merged (the few unchanged cells between them, in that style too, are cheaper to write again
 * than to move over).
 */
function changedPieces(row: number, prev: Cell[], next: Cell[]): Piece[] {
  const pieces: Piece[] = [];
  let last: Piece | undefined;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i]!;
    if (a && a.ch === b.ch && a.key === b.key) continue;
    if (last && last.key === b.key && i - last.end <= 3 && sameKey(next, last.end, i, b.key)) {
      last.end = i + 1;
    } else {
      last = { row, start: i, end: i + 1, key: b.key };
      pieces.push(last);
    }
  }
  return pieces;
}

const sameKey = (cells: Cell[], start: number, end: number, key: string): boolean => {
  for (let i = start; i < end; i++) if (cells[i]!.key !== key) return false;
  return true;
};

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
