import type { Line } from "./render.js";
import {
  blankRow,
  changedPieces,
  EMPTY,
  fillCells,
  isBlankRun,
  type Piece,
  type Row,
  sameStart,
} from "./screen-cells.js";
import {
  ESC,
  move,
  moveBytes,
  RESET,
  RESTORE,
  SAVE,
  type Spot,
  switchBytes,
  switchPen,
} from "./screen-codes.js";

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
