import { sessionText } from "../text/session.js";
import type { Style } from "../ui/style.js";
import { displayWidth, truncate } from "../ui/text.js";
import type { SessionView } from "./view.js";

/**
 * The pieces every session view draws with: spans of styled text, the keys' help, the kind of
 * step in words, the banner and the progress bar. The standard, large and mat views share them.
 */
export type Paint = (text: string) => string;
/** A piece of a screen line in one style. */
export interface Span {
  text: string;
  paint?: Paint;
}
export type Line = Span[];

export const span = (text: string, paint?: Paint): Span => (paint ? { text, paint } : { text });

export const KEY_HELP: [string, string][] = sessionText.keys.help;

/** The keys' column in the help: 8 wide, or wider for keys named at more length. */
export const KEY_COLUMN = Math.max(8, ...KEY_HELP.map(([keys]) => displayWidth(keys) + 1));

/** A key's name padded to the keys' column, measured as the terminal shows it. */
export const keyCell = (keys: string): string =>
  `${keys}${" ".repeat(Math.max(0, KEY_COLUMN - displayWidth(keys)))}`;

export function hints(width: number): string {
  const full = sessionText.keys.hintsFull;
  const short = sessionText.keys.hintsShort;
  return width >= displayWidth(full) ? full : truncate(short, width);
}

/** What kind of step it is, in words: the colour says it too, but not without colour. */
export const KIND_WORDS: Record<string, string> = sessionText.kinds;

/** A call across the whole width, readable without colour: `░░░ text ░░░`. */
export const banner = (text: string, width: number): string => {
  const side = Math.max(0, width - displayWidth(text) - 2);
  const left = Math.floor(side / 2);
  return `${"░".repeat(left)} ${text} ${"░".repeat(side - left)}`;
};

/**
 * A progress bar across the width. It moves in eighths, so it is redrawn eight times a step
 * rather than every second: the screen writer sends little, and it still reads as progress
 * from across the room.
 */
export function largeBar(view: SessionView, inner: number, style: Style): Line {
  const total = view.stepSeconds ?? 1;
  const cells = Math.max(5, inner);
  const exact = ((total - (view.left ?? 0)) / total) * cells;
  const quantum = Math.max(1, Math.floor(cells / 8));
  const done = Math.min(cells, Math.max(0, Math.floor(exact / quantum) * quantum));
  return [
    span("  "),
    span("=".repeat(done), style.kind[view.step.kind]),
    span("-".repeat(cells - done), style.dim),
  ];
}

/** A notice's lines, one row each, in the warning style; one empty row when there is none. */
export function noticeRows(lines: string[], style: Style): Line[] {
  if (lines.length === 0) return [[]];
  return lines.map((text) => [span(`  ${text}`, style.warn)]);
}
