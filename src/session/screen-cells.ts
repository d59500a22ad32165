import type { Line, Paint } from "./render.js";

/**
 * The screen's cells: a frame's rows filled from their spans, and the cells that changed from
 * one frame to the next, in pieces of one style.
 */

/**
 * A row of cells as two arrays: each cell's character as a code point, and what its paint does
 * as text (paints are compared by effect, not by identity; "" is no style). Filled in place:
 * a frame allocates no cell.
 */
export interface Row {
  codes: Int32Array;
  keys: string[];
  /** The spans the row was drawn from, and the column after each: an unchanged start of a
   * row (a figure beside the clock's digits) is skipped without looking at its cells. */
  spans: Line;
  ends: number[];
}

export const SPACE = 32;
export const blankRow = (width: number): Row => ({
  codes: new Int32Array(width).fill(SPACE),
  keys: new Array<string>(width).fill(""),
  spans: [],
  ends: [],
});

export const isBlankRun = (cells: Row, start: number, end: number): boolean => {
  for (let i = start; i < end; i++)
    if (cells.codes[i] !== SPACE || cells.keys[i] !== "") return false;
  return true;
};

/** What a paint does, as text (open\0close), asked once for each paint. */
const keys = new WeakMap<Paint, string>();
function keyOf(paint: Paint): string {
  let key = keys.get(paint);
  if (key === undefined) {
    key = paint("\u0000");
    keys.set(paint, key);
  }
  return key;
}

export const EMPTY: Line = [];

/** How many spans `line` starts with that are as in `before`: the same text, the same effect. */
export function sameStart(before: Line, line: Line): number {
  const n = Math.min(before.length, line.length);
  let i = 0;
  for (; i < n; i++) {
    const a = before[i]!;
    const b = line[i]!;
    if (a.text !== b.text) break;
    if (a.paint === b.paint) continue;
    if (!a.paint || !b.paint || keyOf(a.paint) !== keyOf(b.paint)) break;
  }
  return i;
}

/**
 * A row's cells from span `first` on, which starts at column `col`, into `next`, and blank
 * after the text up to column `blankTo`; `ends` gets the column after each span. Returns the
 * column after the text.
 */
export function fillCells(
  line: Line,
  first: number,
  col: number,
  width: number,
  next: Row,
  ends: number[],
  blankTo: number,
): number {
  const { codes, keys } = next;
  ends.length = line.length;
  for (let k = first; k < line.length; k++) {
    const { text, paint } = line[k]!;
    const key = paint ? keyOf(paint) : "";
    for (let i = 0; i < text.length && col < width; i++) {
      let code = text.charCodeAt(i);
      // a character outside the first plane is two code units, one cell
      if (code >= 0xd800 && code < 0xdc00) {
        code = text.codePointAt(i)!;
        i += 1;
      }
      codes[col] = code;
      keys[col] = key;
      col++;
    }
    ends[k] = col;
  }
  const end = col;
  for (; col < blankTo; col++) {
    codes[col] = SPACE;
    keys[col] = "";
  }
  return end;
}

/** Changed cells of one row, [start, end), all in one style. */
export interface Piece {
  row: number;
  start: number;
  end: number;
  key: string;
}

/**
 * The changed cells of a row between columns `from` and `to` (the others are as they were), in
 * pieces of one style, added to `pieces`; close pieces of the same style are merged where the
 * unchanged cells between them, in that style too, are fewer bytes to write again than a
 * cursor move over them. The row (`prev`) takes the new cells as it goes.
 */
export function changedPieces(
  row: number,
  from: number,
  to: number,
  prev: Row,
  next: Row,
  pieces: Piece[],
): void {
  let last: Piece | undefined;
  for (let i = from; i < to; i++) {
    const key = next.keys[i]!;
    const code = next.codes[i]!;
    if (prev.codes[i] === code && prev.keys[i] === key) continue;
    // The row takes the new cell as it is compared (the gaps are read from `next`).
    prev.codes[i] = code;
    prev.keys[i] = key;
    if (last && last.key === key && gapBytes(next, last.end, i, key) <= 4) {
      last.end = i + 1;
    } else {
      last = { row, start: i, end: i + 1, key };
      pieces.push(last);
    }
  }
}

/** Bytes to write the cells between two pieces again; more than a move when a style differs. */
const gapBytes = (cells: Row, start: number, end: number, key: string): number => {
  let bytes = 0;
  for (let i = start; i < end && bytes <= 4; i++) {
    if (cells.keys[i] !== key) return Number.POSITIVE_INFINITY;
    const code = cells.codes[i]!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
};
