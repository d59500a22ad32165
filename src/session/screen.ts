import type { Line, Paint } from "./render.js";

interface Cell {
  ch: string;
  /** What the paint does, as text: paints are compared by effect, not by identity. */
  key: string;
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
const BLANK: Cell = { ch: " ", key: "" };
const blankRow = (width: number): Cell[] => new Array<Cell>(width).fill(BLANK);

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
  private rows: Cell[][] = [];
  /** Each row as last drawn, its text and styles: an unchanged row is skipped without building cells. */
  private painted: string[] = [];
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
    this.painted = [];
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
      this.painted = [];
      this.cursor = { row: 0, col: 0 };
      this.saved = null;
      this.starts.clear();
    }
    // The changed cells of every row, in pieces of one style each, top to bottom.
    const pieces: Piece[] = [];
    for (let r = 0; r < height; r++) {
      const line = lines[r] ?? [];
      let painted = "";
      for (const s of line) painted += s.paint ? `${keyOf(s.paint)}\u0001${s.text}\u0001` : s.text;
      if (painted === this.painted[r]) continue;
      this.painted[r] = painted;
      const next = toCells(line, width);
      pieces.push(...changedPieces(r, this.rows[r]!, next));
      this.rows[r] = next;
    }
    if (pieces.length === 0) {
      if (out) this.write(out);
      return;
    }
    // The cell changed most often, frame after frame (the seconds of a clock), is worth saving
    // the cursor at: the next frame comes back to it in two bytes.
    const count = (p: Spot | null) => (p ? (this.starts.get(p.row * width + p.col) ?? 0) : 0);
    for (const p of out ? [] : pieces) {
      const at = p.row * width + p.start;
      this.starts.set(at, (this.starts.get(at) ?? 0) + 1);
    }
    let saveAt: Piece | undefined;
    for (const p of pieces) {
      const n = count({ row: p.row, col: p.start });
      if (
        p.key === "" &&
        n >= 2 &&
        n > count(this.saved) &&
        n > count(saveAt ? { row: saveAt.row, col: saveAt.start } : null)
      )
        saveAt = p;
    }
    // Style by style, so a large digit's strokes switch reverse video on once, each top to
    // bottom, the plain ones first or last (whichever is shorter); last of all the saved cell,
    // where coming back to it switches the style off too.
    const keys = new Map<string, number>();
    for (const p of pieces) if (!keys.has(p.key)) keys.set(p.key, keys.size + 1);
    const saved = this.saved;
    const last = (p: Piece) =>
      saved && p.key === "" && p.row === saved.row && p.start === saved.col ? 1 : 0;
    const order = (plain: number) => (a: Piece, b: Piece) =>
      last(a) - last(b) ||
      (a.key === "" ? plain : keys.get(a.key)!) - (b.key === "" ? plain : keys.get(b.key)!) ||
      a.row - b.row ||
      a.start - b.start;
    const plainFirst = encode(pieces.sort(order(0)), this.rows, width, this.cursor, saved, saveAt);
    const plainLast = encode(pieces.sort(order(1e9)), this.rows, width, this.cursor, saved, saveAt);
    const best = plainLast.text.length <= plainFirst.text.length ? plainLast : plainFirst;
    out += best.text;
    this.cursor = best.cursor;
    this.saved = best.saved;
    this.write(out);
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
  rows: Cell[][],
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
      for (let i = start; i < end; i++) text += cells[i]!.ch;
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

const isBlankRun = (cells: Cell[], start: number, end: number): boolean => {
  for (let i = start; i < end; i++) if (cells[i]!.ch !== " " || cells[i]!.key !== "") return false;
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

function toCells(line: Line, width: number): Cell[] {
  const cells: Cell[] = [];
  for (const { text, paint } of line) {
    const key = paint ? keyOf(paint) : "";
    for (let i = 0; i < text.length && cells.length < width; i++) {
      const code = text.charCodeAt(i);
      // a character outside the first plane is two code units, one cell
      let ch = text[i]!;
      if (code >= 0xd800 && code < 0xdc00) {
        ch = text.slice(i, i + 2);
        i += 1;
      }
      cells.push(ch === " " && !paint ? BLANK : { ch, key });
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
 * merged where the unchanged cells between them, in that style too, are fewer bytes to write
 * again than a cursor move over them.
 */
function changedPieces(row: number, prev: Cell[], next: Cell[]): Piece[] {
  const pieces: Piece[] = [];
  let last: Piece | undefined;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i]!;
    if (a && a.ch === b.ch && a.key === b.key) continue;
    if (last && last.key === b.key && gapBytes(next, last.end, i, b.key) <= 4) {
      last.end = i + 1;
    } else {
      last = { row, start: i, end: i + 1, key: b.key };
      pieces.push(last);
    }
  }
  return pieces;
}

/** Bytes to write the cells between two pieces again; more than a move when a style differs. */
const gapBytes = (cells: Cell[], start: number, end: number, key: string): number => {
  let bytes = 0;
  for (let i = start; i < end && bytes <= 4; i++) {
    if (cells[i]!.key !== key) return Number.POSITIVE_INFINITY;
    const code = cells[i]!.ch.charCodeAt(0);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
};
