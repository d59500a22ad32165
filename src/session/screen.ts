import type { Line, Paint } from "./render.js";

/**
 * A row of cells as two arrays: each cell's character as a code point, and what its paint does
 * as text (paints are compared by effect, not by identity; "" is no style). Filled in place:
 * a frame allocates no cell.
 */
interface Row {
  codes: Int32Array;
  keys: string[];
  /** The spans the row was drawn from, and the column after each: an unchanged start of a
   * row (a figure beside the clock's digits) is skipped without looking at its cells. */
  spans: Line;
  ends: number[];
}

const ESC = "\u001b[";
/** Every style off: shorter than any one style's own "off" code. */
const RESET = `${ESC}m`;
/** Save and restore the cursor (DECSC, DECRC): two bytes to come back to a cell, style off. */
const SAVE = "\u001b7";
const RESTORE = "\u001b8";
/** Vertical tab: one row down in the same column, as a line feed does, in one byte (a line
 * feed itself reaches the terminal as two, a carriage return added by the terminal driver). */
const DOWN = "\u000b";
/** Reverse index: one row up (never at the top row, where it would scroll). */
const UP = "\u001bM";
const SPACE = 32;
const blankRow = (width: number): Row => ({
  codes: new Int32Array(width).fill(SPACE),
  keys: new Array<string>(width).fill(""),
  spans: [],
  ends: [],
});

interface Spot {
  row: number;
  col: number;
}

/**
 * Draws frames on a terminal, writing only the cells that changed since the last frame, so a
 * countdown costs a few bytes a second: the cursor goes from change to change by the shortest
 * move (it stays where the last frame left it), a style is switched on only where it is not
 * already in force, a cell that changes every second is come back to with the saved cursor,
 * and blank runs are erased rather than written. The last column is never written, which
 * keeps terminals from wrapping. `invalidate` forces a full redraw (after a resize or a resume).
 */
export class Screen {
  private rows: Row[] = [];
  /** The next frame's cells of a row, filled from the first span that changed. */
  private next: Row = blankRow(0);
  /** The changes of the frame being drawn: one array kept from frame to frame, which the
   * engine's compiled code for the diff keeps taking as it is (a new empty one made it start over). */
  private readonly pieces: Piece[] = [];
  private width = 0;
  private height = 0;
  /** Where the last frame left the cursor; null when unknown. */
  private cursor: Spot | null = null;
  /** Where the cursor was saved (with no style on); null when nothing is. */
  private saved: Spot | null = null;
  /** How many frames changed a cell first, by cell (row × width + column), since the clear. */
  private starts = new Map<number, number>();

  constructor(private readonly write: (text: string) => void) {}

  invalidate(): void {
    this.rows = [];
    this.cursor = null;
    this.saved = null;
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
      this.next = blankRow(width);
      this.cursor = { row: 0, col: 0 };
      this.saved = null;
      this.starts.clear();
    }
    // Each step in a function of its own: small functions are cheap for the engine to compile
    // once a session has run them often enough.
    const pieces = this.changed(lines, width);
    if (pieces.length === 0) {
      if (out) this.write(out);
      return;
    }
    // Counted only from the second frame after a clear: the first changes every cell.
    if (!out) this.countStarts(pieces);
    const best = this.shortest(pieces, this.saveAt(pieces));
    out += best.text;
    this.cursor = best.cursor;
    this.saved = best.saved;
    this.write(out);
  }

  /** The changed cells of every row, in pieces of one style each, top to bottom. */
  private changed(lines: Line[], width: number): Piece[] {
    const pieces = this.pieces;
    pieces.length = 0;
    const next = this.next;
    for (let r = 0; r < this.height; r++) {
      const line = lines[r] ?? EMPTY;
      const row = this.rows[r]!;
      // The spans the row starts with as last drawn hold the same cells: start after them.
      const same = sameStart(row.spans, line);
      if (same === line.length && same === row.spans.length) continue;
      const from = same === 0 ? 0 : row.ends[same - 1]!;
      // Past the end of both the old text and the new, the cells are blank in both.
      const before = row.spans.length === 0 ? 0 : row.ends[row.spans.length - 1]!;
      const to = Math.max(before, fillCells(line, same, from, width, next, row.ends, before));
      changedPieces(r, from, to, row, next, pieces);
      row.spans = line.slice();
    }
    return pieces;
  }

  private countStarts(pieces: Piece[]): void {
    for (const p of pieces) {
      const at = p.row * this.width + p.start;
      this.starts.set(at, (this.starts.get(at) ?? 0) + 1);
    }
  }

  /** How many frames changed this cell first. */
  private count(row: number, col: number): number {
    return this.starts.get(row * this.width + col) ?? 0;
  }

  /**
   * The cell changed most often, frame after frame (the seconds of a clock), is worth saving
   * the cursor at: the next frame comes back to it in two bytes.
   */
  private saveAt(pieces: Piece[]): Piece | undefined {
    let saveAt: Piece | undefined;
    const saved = this.saved ? this.count(this.saved.row, this.saved.col) : 0;
    let best = 0;
    for (const p of pieces) {
      if (p.key !== "") continue;
      const n = this.count(p.row, p.start);
      if (n >= 2 && n > saved && n > best) {
        saveAt = p;
        best = n;
      }
    }
    return saveAt;
  }

  /**
   * Style by style, so a large digit's strokes switch reverse video on once, each top to
   * bottom, the plain ones first or last (whichever is shorter); last of all the saved cell,
   * where coming back to it switches the style off too.
   */
  private shortest(pieces: Piece[], saveAt: Piece | undefined): Encoded {
    const saved = this.saved;
    const last = (p: Piece) =>
      saved && p.key === "" && p.row === saved.row && p.start === saved.col ? 1 : 0;
    const keys = new Map<string, number>();
    // Plain pieces but the saved cell's, which goes last in either order.
    let plain = 0;
    for (const p of pieces) {
      if (p.key !== "") {
        if (!keys.has(p.key)) keys.set(p.key, keys.size + 1);
      } else if (!last(p)) plain++;
    }
    const order = (plainRank: number) => (a: Piece, b: Piece) =>
      last(a) - last(b) ||
      (a.key === "" ? plainRank : keys.get(a.key)!) -
        (b.key === "" ? plainRank : keys.get(b.key)!) ||
      a.row - b.row ||
      a.start - b.start;
    const { rows, width, cursor } = this;
    const plainFirst = encode(pieces.sort(order(0)), rows, width, cursor, saved, saveAt);
    // Both orders are the same one when no piece is plain (the saved cell aside), or none styled.
    if (plain === 0 || keys.size === 0) return plainFirst;
    const plainLast = encode(pieces.sort(order(1e9)), rows, width, cursor, saved, saveAt);
    return plainLast.text.length <= plainFirst.text.length ? plainLast : plainFirst;
  }
}

interface Encoded {
  text: string;
  cursor: Spot | null;
  saved: Spot | null;
}

/** Pieces written in this order, from the cursor where it is, with no style on. */
function encode(
  order: Piece[],
  rows: Row[],
  width: number,
  from: Spot | null,
  savedBefore: Spot | null,
  saveAt: Piece | undefined,
): Encoded {
  let text = "";
  let cursor = from;
  let saved = savedBefore;
  let pen = "";
  for (const piece of order) {
    const { row, start, end } = piece;
    const cells = rows[row]!;
    // A blank run is erased (in no style): to the end of the line, or a count of cells.
    const erase =
      piece.key === "" && isBlankRun(cells, start, end)
        ? end === width
          ? `${ESC}K`
          : end - start >= 5
            ? `${ESC}${end - start}X`
            : undefined
        : undefined;
    const want = erase ? "" : piece.key;
    const direct = moveBytes(cursor, row, start) + switchBytes(pen, want);
    const restored = saved ? 2 + moveBytes(saved, row, start) + switchBytes("", want) : Infinity;
    if (restored < direct) text += RESTORE + move(saved, row, start) + switchPen("", want);
    else text += move(cursor, row, start) + switchPen(pen, want);
    pen = want;
    if (piece === saveAt && pen === "") {
      text += SAVE;
      saved = { row, col: start };
    }
    if (erase) {
      text += erase;
      cursor = { row, col: start };
    } else {
      for (let i = start; i < end; i++) text += String.fromCodePoint(cells.codes[i]!);
      cursor = { row, col: end };
    }
  }
  if (pen) text += RESET;
  return { text, cursor, saved };
}

/** The codes that change the style in force from one key (open\0close) to another. */
function switchPen(pen: string, want: string): string {
  if (pen === want) return "";
  if (want === "") return RESET;
  const open = want.slice(0, want.indexOf("\u0000"));
  return pen === "" ? open : RESET + open;
}
const switchBytes = (pen: string, want: string): number =>
  pen === want ? 0 : want === "" ? 3 : (pen === "" ? 0 : 3) + want.indexOf("\u0000");

const digits = (n: number): number => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : String(n).length);

/**
 * The shortest way from the cursor to a cell: down by vertical tabs, up by reverse index or a
 * count, along the row by backspaces or a count, from the line's start, or to the cell itself
 * (a parameter of 1 left out). Counted in bytes first, and only the shortest is written out.
 */
const placeBytes = (row: number, col: number): number =>
  3 + (row === 0 ? 0 : digits(row + 1)) + (col === 0 ? 0 : 1 + digits(col + 1));
const downBytes = (rows: number): number =>
  rows === 0
    ? 0
    : rows > 0
      ? rows <= 3
        ? rows
        : 3 + digits(rows)
      : rows === -1
        ? 2
        : 3 + digits(-rows);
const alongBytes = (cols: number): number =>
  cols === 0
    ? 0
    : cols > 0
      ? 3 + (cols === 1 ? 0 : digits(cols))
      : -cols <= 4
        ? -cols
        : 3 + digits(-cols);
const fromStartBytes = (col: number): number =>
  1 + (col === 0 ? 0 : 3 + (col === 1 ? 0 : digits(col)));

function moveBytes(from: Spot | null, row: number, col: number): number {
  const absolute = placeBytes(row, col);
  if (!from) return absolute;
  const relative =
    downBytes(row - from.row) + Math.min(alongBytes(col - from.col), fromStartBytes(col));
  return Math.min(relative, absolute);
}

function move(from: Spot | null, row: number, col: number): string {
  const absolute = placeBytes(row, col);
  const down = from ? downBytes(row - from.row) : 0;
  const along = from ? alongBytes(col - from.col) : 0;
  const fromStart = fromStartBytes(col);
  if (!from || down + Math.min(along, fromStart) >= absolute)
    return `${ESC}${row === 0 ? "" : row + 1}${col === 0 ? "" : `;${col + 1}`}H`;
  const rows = row - from.row;
  let text =
    rows === 0
      ? ""
      : rows > 0
        ? rows <= 3
          ? DOWN.repeat(rows)
          : `${ESC}${rows}B`
        : rows === -1
          ? UP
          : `${ESC}${-rows}A`;
  const cols = col - from.col;
  if (fromStart < along) text += `\r${col === 0 ? "" : `${ESC}${col === 1 ? "" : col}C`}`;
  else if (cols > 0) text += `${ESC}${cols === 1 ? "" : cols}C`;
  else if (cols < 0) text += -cols <= 4 ? "\b".repeat(-cols) : `${ESC}${-cols}D`;
  return text;
}

const isBlankRun = (cells: Row, start: number, end: number): boolean => {
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

const EMPTY: Line = [];

/** How many spans `line` starts with that are as in `before`: the same text, the same effect. */
function sameStart(before: Line, line: Line): number {
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
function fillCells(
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
interface Piece {
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
function changedPieces(
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
