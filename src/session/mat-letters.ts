import type { Style } from "../ui/style.js";
import { displayWidth } from "../ui/text.js";
import type { Line, Span } from "./frame.js";
import { bigLetters, fitLetters, lettersHeight, lettersWidth } from "./letters.js";

/**
 * The mat view's large letters and solid rows: words fitted as large as the space allows,
 * set in blocks, and rows of digits or letters drawn solid; with the spans and padding they are made of.
 */

export const span = (text: string, paint?: Span["paint"]): Span =>
  paint ? { text, paint } : { text };
export const blank = (n: number): Line[] => Array.from({ length: Math.max(0, n) }, () => []);
export const pad = (n: number) => " ".repeat(Math.max(0, n));
export const centred = (text: string, width: number) =>
  pad(Math.floor((width - displayWidth(text)) / 2)) + text;

/** Large letters that fit `width` and `rows`: the scale, and the lines, largest first. */
export function largest(
  text: string,
  width: number,
  rows: number,
  maxScale: number,
  maxLines: number,
) {
  // The same words at the same size come back every second: worked out once.
  const key = `${width} ${rows} ${maxScale} ${maxLines} ${text}`;
  if (fits.has(key)) return fits.get(key);
  if (fits.size > 64) fits.clear();
  const fit = fitLargest(text, width, rows, maxScale, maxLines);
  fits.set(key, fit);
  return fit;
}
const fits = new Map<string, { scale: number; lines: string[] } | undefined>();

function fitLargest(text: string, width: number, rows: number, maxScale: number, maxLines: number) {
  for (let scale = maxScale; scale >= 1; scale--) {
    for (let n = 1; n <= maxLines; n++) {
      const lines = fitLetters(text, width, scale, n);
      if (lines && lines.length * (lettersHeight(scale) + 1) - 1 <= rows) return { scale, lines };
    }
  }
  return undefined;
}

export function lettersBlock(
  lines: string[],
  scale: number,
  inner: number,
  style: Style,
  paint?: Span["paint"],
): Line[] {
  // The step's name (and the next one's) comes back every second as the same lines from
  // `largest`: its rows are set once, and the screen passes over the same spans unread.
  if (paint) return setLetters(lines, scale, inner, style, paint);
  const known = blocks.get(lines);
  if (known && known.scale === scale && known.inner === inner && known.style === style)
    return known.block;
  const block = setLetters(lines, scale, inner, style);
  blocks.set(lines, { scale, inner, style, block });
  return block;
}
const blocks = new WeakMap<
  string[],
  { scale: number; inner: number; style: Style; block: Line[] }
>();

function setLetters(
  lines: string[],
  scale: number,
  inner: number,
  style: Style,
  paint?: Span["paint"],
): Line[] {
  const out: Line[] = [];
  lines.forEach((text, i) => {
    if (i > 0) out.push([]);
    const rows = bigLetters(text, scale);
    const left = pad(2 + Math.floor((inner - lettersWidth(text, scale)) / 2));
    for (const row of rows)
      out.push([span(left), ...(paint ? [span(row, paint)] : solidRow(row, false, style))]);
  });
  return out;
}

/**
 * A row of large digits or letters: its full blocks as reverse-video spaces where the terminal
 * shows styles (one byte a cell, and the screen switches reverse video on once for a stroke
 * drawn row after row; solid to the cell's edge), else as blocks (three bytes a cell). Paused,
 * they are dimmed.
 */
export function solidRow(row: string, paused: boolean, style: Style): Line {
  if (paused || style.inverse(" ") === " ") return [span(row, paused ? style.dim : undefined)];
  // The same rows come back every second (a digit, the name): split once.
  let known = solidRows.get(style);
  if (!known || known.size > 256) {
    known = new Map();
    solidRows.set(style, known);
  }
  let line = known.get(row);
  if (!line) {
    line = [];
    for (const part of row.match(/█+|[^█]+/g) ?? []) {
      line.push(part[0] === "█" ? span(" ".repeat(part.length), style.inverse) : span(part));
    }
    known.set(row, line);
  }
  return line;
}
const solidRows = new WeakMap<Style, Map<string, Line>>();
