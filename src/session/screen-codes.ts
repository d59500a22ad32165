/**
 * The bytes the screen writes: the shortest cursor move from one cell to another, and the codes
 * that switch one style to another.
 */

export const ESC = "\u001b[";
/** Every style off: shorter than any one style's own "off" code. */
export const RESET = `${ESC}m`;
/** Save and restore the cursor (DECSC, DECRC): two bytes to come back to a cell, style off. */
export const SAVE = "\u001b7";
export const RESTORE = "\u001b8";
/** Vertical tab: one row down in the same column, as a line feed does, in one byte (a line
 * feed itself reaches the terminal as two, a carriage return added by the terminal driver). */
const DOWN = "\u000b";
/** Reverse index: one row up (never at the top row, where it would scroll). */
const UP = "\u001bM";

export interface Spot {
  row: number;
  col: number;
}

/** The codes that change the style in force from one key (open\0close) to another. */
export function switchPen(pen: string, want: string): string {
  if (pen === want) return "";
  if (want === "") return RESET;
  const open = want.slice(0, want.indexOf("\u0000"));
  return pen === "" ? open : RESET + open;
}
export const switchBytes = (pen: string, want: string): number =>
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

export function moveBytes(from: Spot | null, row: number, col: number): number {
  const absolute = placeBytes(row, col);
  if (!from) return absolute;
  const relative =
    downBytes(row - from.row) + Math.min(alongBytes(col - from.col), fromStartBytes(col));
  return Math.min(relative, absolute);
}

export function move(from: Spot | null, row: number, col: number): string {
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
