import { formatClock } from "../duration.js";
import { poseBlock } from "../poses/block.js";
import { poseNamed } from "../poses/catalogue.js";
import { drawPose } from "../poses/draw.js";
import { frameCount, type Pose } from "../poses/figure.js";
import type { Side } from "../routine/vocabulary.js";
import { sessionText } from "../text/session.js";
import type { Style } from "../ui/style.js";
import { displayWidth } from "../ui/text.js";
import { bigText, bigWidth, glyphHeight } from "./bigfont.js";
import type { Line } from "./frame.js";
import { bigLetters, lettersHeight, lettersWidth } from "./letters.js";
import { centred, largest, pad, solidRow, span } from "./mat-letters.js";
import type { SessionView } from "./view.js";

/**
 * The middle of the mat view: the time left in solid digits, the side (or the repetition)
 * under it in large letters, and the step's figure beside them or above them.
 */

/** The figure for a step, drawn once for each pose, side, size and frame (not every second). */
const figures = new Map<string, string[]>();
function figure(
  pose: Pose,
  name: string,
  width: number,
  height: number,
  side?: Side,
  frame?: number,
) {
  const key = `${name}|${side}|${width}|${height}|${frame}`;
  let lines = figures.get(key);
  if (!lines) {
    if (figures.size > 32) figures.clear();
    lines =
      frame === undefined || frameCount(pose) === 1
        ? poseBlock(pose, { width, height, ...(side ? { side } : {}) })
        : trim(drawPose(pose, { width, height, frame, ...(side ? { side } : {}) }));
    figures.set(key, lines);
  }
  return lines;
}
const trim = (lines: string[]) => {
  let top = 0;
  let bottom = lines.length - 1;
  while (top < bottom && lines[top]!.trim() === "") top++;
  while (bottom > top && lines[bottom]!.trim() === "") bottom--;
  return lines.slice(top, bottom + 1);
};

/**
 * The time left in solid digits with the side (or the repetition) under it in large letters,
 * and the figure beside them, or above them when the terminal is too narrow for both.
 */
export function clockAndFigure(
  view: SessionView,
  inner: number,
  rows: number,
  style: Style,
): Line[] | undefined {
  const widest = formatClock(view.stepSeconds ?? view.left ?? 0);
  const under = view.rep
    ? sessionText.screen.reps(view.rep.index, view.rep.of)
    : view.step.side
      ? view.step.side
      : "";
  const pose = view.step.pose ? poseNamed(view.step.pose) : undefined;
  const clockRows = (scale: number) => (view.waiting ? 0 : glyphHeight(scale));
  const underBlock = (width: number, room: number) =>
    under ? largest(under, width, room, 3, 1) : undefined;

  // Scale 3 digits are about 5 cm tall on a laptop at 160 × 45; larger ones cost more bytes
  // each second than they add from the mat.
  for (let scale = 3; scale >= 1; scale--) {
    const clockWidth = view.waiting ? 0 : bigWidth(widest, scale);
    const besideWidth = inner - clockWidth - 6;
    const underFit = underBlock(Math.max(clockWidth, 24), rows - clockRows(scale) - 1);
    // The side matters more than the size of the digits.
    if (under && !underFit) continue;
    const clockColumn = clockRows(scale) + (underFit ? lettersHeight(underFit.scale) + 1 : 0);
    if (clockColumn > rows) continue;
    if (!pose || besideWidth >= Math.min(48, inner / 3)) {
      const drawn = pose
        ? figure(pose, view.step.pose!, besideWidth, rows, view.step.side, view.rep?.frame)
        : [];
      return sideBySide(view, drawn, besideWidth, scale, underFit, clockWidth, style);
    }
  }
  // Narrow: the figure above the time.
  for (let scale = 3; scale >= 1; scale--) {
    const clockWidth = view.waiting ? 0 : bigWidth(widest, scale);
    if (clockWidth > inner) continue;
    const figureRows = rows - clockRows(scale) - 1;
    if (figureRows < 6) continue;
    const drawn = pose
      ? figure(pose, view.step.pose!, inner, figureRows, view.step.side, view.rep?.frame)
      : [];
    const lines: Line[] = drawn.map((l) => [span(`  ${centred(l.trimEnd(), inner)}`)]);
    lines.push([]);
    lines.push(...digits(view, scale, inner, style));
    return lines;
  }
  return undefined;
}

function digits(view: SessionView, scale: number, width: number, style: Style): Line[] {
  if (view.waiting) return [];
  const rows = bigText(formatClock(view.left ?? 0), scale);
  const left = pad(2 + Math.floor((width - displayWidth(rows[0]!)) / 2));
  return rows.map((row) => [span(left), ...solidRow(row, view.paused, style)]);
}

function sideBySide(
  view: SessionView,
  drawn: string[],
  figureWidth: number,
  scale: number,
  under: { scale: number; lines: string[] } | undefined,
  clockWidth: number,
  style: Style,
): Line[] {
  const column: Line[] = [];
  if (!view.waiting) {
    for (const row of bigText(formatClock(view.left ?? 0), scale))
      column.push(solidRow(row, view.paused, style));
  }
  if (under) {
    const word = under.lines[0]!;
    const rows = bigLetters(word, under.scale);
    const indent = pad(Math.floor((clockWidth - lettersWidth(word, under.scale)) / 2));
    if (column.length) column.push([]);
    for (const row of rows) column.push([span(indent), ...solidRow(row, false, style)]);
  }
  const height = Math.max(drawn.length, column.length);
  const figureTop = Math.floor((height - drawn.length) / 2);
  const columnTop = Math.floor((height - column.length) / 2);
  const figureRows = drawn.length ? figureSpans(drawn, figureWidth) : undefined;
  const lines: Line[] = [];
  for (let r = 0; r < height; r++) {
    const c = column[r - columnTop];
    const line: Line = [];
    if (figureRows) line.push(figureRows[r - figureTop] ?? figureRows[drawn.length]!);
    else line.push(span(pad(2 + Math.floor((figureWidth + 6) / 2))));
    if (c) line.push(...c);
    lines.push(line);
  }
  return lines;
}

/**
 * The figure's rows padded to its column, and last a blank row of that width: made once for
 * each drawn figure and width, as the same spans each second, which the screen passes over
 * as unchanged without comparing their text.
 */
const figureRowsOf = new WeakMap<string[], { width: number; spans: Line }>();
function figureSpans(drawn: string[], width: number): Line {
  const known = figureRowsOf.get(drawn);
  if (known && known.width === width) return known.spans;
  const spans = [...drawn, ""].map((f) => span(`${pad(2) + f.padEnd(width)}    `));
  figureRowsOf.set(drawn, { width, spans });
  return spans;
}
