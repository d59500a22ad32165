import { formatClock } from "../duration.js";
import { FLOORS } from "../safety/allowance.js";
import { sessionText } from "../text/session.js";
import type { Style } from "../ui/style.js";
import { displayWidth, noticeLines, truncate, wrap } from "../ui/text.js";
import {
  banner,
  hints,
  KEY_HELP,
  KIND_WORDS,
  keyCell,
  type Line,
  largeBar,
  noticeRows,
} from "./frame.js";
import { clockAndFigure } from "./mat-clock.js";
import { blank, largest, lettersBlock, pad, span } from "./mat-letters.js";
import { describeStep, type SessionView, sideLabel } from "./view.js";

/**
 * The mat view, for terminals of about 100 × 30 and up, read from two metres away: the step's
 * name in large letters, its figure beside the time left in solid digits, the side in large
 * letters under the time, and the moments that matter most (the count-in, switch sides, take
 * the pack off) as one large word across the screen. Small text stays for what is read up
 * close: the routine, the instruction, the keys.
 */
export const MAT_FROM_COLUMNS = 96;
export const MAT_FROM_ROWS = 28;

/** What fills the screen in large letters at this moment, if anything. */
export function callout(view: SessionView): string | undefined {
  if (view.step.packOff) return sessionText.large.takeOff;
  if (view.question || view.waiting || view.paused || view.showHelp) return undefined;
  if (view.switchSides) return sessionText.large.switchSides;
  return undefined;
}

export function renderMat(
  view: SessionView,
  width: number,
  height: number,
  style: Style,
): Line[] | undefined {
  const inner = width - 4;
  const kindPaint = style.kind[view.step.kind];
  // The routine's time left on the same clock as every other view ("10:34 left", never "about
  // 11 min"); unstyled, as plain digits cost the fewest bytes when it changes each second.
  const w = sessionText.screen;
  const where = w.where(view.index + 1, view.count);
  const left = w.left(formatClock(view.routineLeft));
  const head = displayWidth(where) + displayWidth(left);
  const name = truncate(view.routineName, Math.max(4, inner - head - 2));
  const header: Line = [
    span(`  ${name}`, style.strong),
    span(pad(inner - displayWidth(name) - head + 2)),
    span(where, style.dim),
    span(left),
  ];
  const round = view.step.round ? w.round(view.step.round.index, view.step.round.of) : "";
  const reps = view.rep ? w.reps(view.rep.index, view.rep.of) : "";
  const kind = view.step.packOff ? w.safety : (KIND_WORDS[view.step.kind] ?? view.step.kind);
  const tags = [sideLabel(view.step), round, reps, kind].filter(Boolean).join(" · ");
  // The step in words as well as in large letters: for screen readers, logs and searching.
  const title: Line = [
    span(`  ${truncate(view.step.name.toUpperCase(), inner - displayWidth(tags) - 5)}`, (t) =>
      style.strong(kindPaint(t)),
    ),
    span(`  ·  ${tags}`, kindPaint),
  ];
  const next: Line = view.next
    ? [
        span(w.next, style.dim),
        span(
          truncate(describeStep(view.next), inner - Math.max(6, displayWidth(w.next) - 2)),
          style.strong,
        ),
      ]
    : [span(w.next, style.dim), span(w.theEnd, style.strong)];
  const notice: Line[] = noticeRows(view.notice ? noticeLines(view.notice, inner) : [], style);
  const keys: Line = [span(`  ${hints(inner)}`, style.dim)];

  const word = callout(view);
  if (word) {
    const urgent = Boolean(view.step.packOff);
    const footer: Line[] = [];
    if (view.step.packOff) {
      const call = sessionText.screen.takeOff(view.step.packOff);
      footer.push([span(`  ${banner(call, inner)}`, (t) => style.error(style.strong(t)))]);
    } else footer.push(title);
    footer.push(next, ...notice, keys);
    const room = height - footer.length - 3;
    const big = largest(word, inner, room, 8, 3);
    if (!big) return undefined;
    const block = lettersBlock(
      big.lines,
      big.scale,
      inner,
      style,
      urgent ? (t) => style.error(style.strong(t)) : style.strong,
    );
    const spare = height - 1 - block.length - footer.length;
    const above = Math.floor(spare / 2);
    return [header, ...blank(above), ...block, ...blank(spare - above), ...footer];
  }

  // The name, in letters as large as fit one line (two at the smallest size).
  const named = largest(view.step.name, inner, 9, height >= 40 ? 2 : 1, 2);
  const top: Line[] = [header, []];
  if (named)
    // In the terminal's own foreground: the kind's colour (bright green, yellow) fades on a
    // light background from across a room; it stays on the line below and on the bar.
    top.push(...lettersBlock(named.lines, named.scale, inner, style));
  top.push(title);

  const bottom: Line[] = [];
  if (view.showHelp) {
    for (const [keysText, what] of KEY_HELP) {
      bottom.push([span(`  ${keyCell(keysText)}`, style.strong), span(truncate(what, inner - 8))]);
    }
  } else if (view.question) {
    const q = view.question;
    const text = sessionText.screen.question(q.text, q.index + 1, q.of);
    bottom.push([span(`  ${banner(truncate(text, inner - 2), inner)}`, style.strong)]);
  } else if (view.step.instruction) bottom.push(...instructionRows(view.step.instruction, inner));
  if (view.paused) {
    bottom.push([span(`  ${banner(sessionText.screen.pausedBanner, inner)}`, style.warn)]);
  } else if (view.waiting) {
    if (!view.question)
      bottom.push([span(`  ${banner(sessionText.screen.pressEnter, inner)}`, style.strong)]);
  } else bottom.push(largeBar(view, inner, style));
  if (view.packOn) bottom.push(packLine(view.packOn, style));
  // What comes next, in large letters where the height allows: read before the step ends.
  const nextStep = view.next;
  const nextWords = nextStep
    ? [sessionText.large.next(nextStep.name, nextStep.side), sessionText.large.next(nextStep.name)]
    : [];
  // One line at the smallest size, or none (`largest`, worked out once for the words).
  const nextLarge =
    height >= 40
      ? nextWords.map((w) => largest(w, inner, Number.MAX_SAFE_INTEGER, 1, 1)?.lines).find(Boolean)
      : undefined;
  if (nextLarge) {
    bottom.push([], ...lettersBlock(nextLarge, 1, inner, style));
    bottom.push(next, ...notice, keys);
  } else bottom.push(next, ...notice, keys);

  const room = height - top.length - bottom.length - 2;
  const middle = clockAndFigure(view, inner, room, style);
  if (!middle) return undefined;
  const spare = height - top.length - middle.length - bottom.length;
  const above = Math.floor(spare / 2);
  return [...top, ...blank(above), ...middle, ...blank(spare - above), ...bottom].slice(0, height);
}

/**
 * The instruction's first two lines: the same rows every second of a step, laid out once (the
 * last instruction and width are kept), so the screen passes over the same spans unread.
 */
function instructionRows(instruction: string, inner: number): Line[] {
  if (instructionKept.text !== instruction || instructionKept.inner !== inner) {
    instructionKept = {
      text: instruction,
      inner,
      rows: wrap(instruction, inner)
        .slice(0, 2)
        .map((text) => [span(`  ${text}`)]),
    };
  }
  return instructionKept.rows;
}
let instructionKept: { text: string; inner: number; rows: Line[] } = {
  text: "",
  inner: 0,
  rows: [],
};

function packLine(packOn: NonNullable<SessionView["packOn"]>, style: Style): Line {
  const over = packOn.onSeconds >= FLOORS.applicationSeconds;
  const limit = over ? sessionText.screen.packLimit(FLOORS.applicationSeconds / 60) : "";
  const text = sessionText.screen.packOn(packOn.kind, formatClock(packOn.onSeconds), limit);
  return [span(`  ${text}`, over ? style.error : style.dim)];
}

/**
 * The count-in before the first step on a screen the size of the mat view: the seconds left as
 * one large number, "get ready" and the first step in large letters; undefined where smaller.
 */
export function renderCountIn(
  left: number,
  routineName: string,
  first: string | undefined,
  width: number,
  height: number,
  style: Style,
): Line[] | undefined {
  if (width + 1 < MAT_FROM_COLUMNS || height < MAT_FROM_ROWS) return undefined;
  const inner = width - 4;
  const header: Line = [span(`  ${truncate(routineName, inner)}`, style.strong)];
  const footer: Line[] = [
    [span(sessionText.large.countIn(left))],
    ...(first
      ? [
          [
            span(sessionText.large.first, style.dim),
            span(truncate(first, inner + 2 - displayWidth(sessionText.large.first)), style.strong),
          ],
        ]
      : []),
  ];
  const words = largest(sessionText.large.getReady, inner, 7, 2, 1);
  const number = largest(String(left), inner, height - 4 - footer.length - (words ? 8 : 0), 8, 1);
  if (!number) return undefined;
  const body: Line[] = [
    ...(words ? [...lettersBlock(words.lines, words.scale, inner, style), []] : []),
    ...lettersBlock(number.lines, number.scale, inner, style),
  ];
  const spare = Math.max(0, height - 1 - body.length - footer.length);
  const above = Math.floor(spare / 2);
  return [header, ...blank(above), ...body, ...blank(spare - above), ...footer];
}

/**
 * The end of a finished session on the full screen: "Done" in letters as large as fit, with
 * the routine's name under it, shown while "Done." is said; undefined where nothing fits.
 */
export function renderDone(
  routineName: string,
  width: number,
  height: number,
  style: Style,
): Line[] | undefined {
  const inner = width - 4;
  const footer: Line[] = [
    [span(`  ${truncate(sessionText.large.finished(routineName), inner)}`, style.dim)],
  ];
  // Scale 3 at most, as tall as the clock's digits (read from the mat), for a few hundred bytes.
  const big = largest(sessionText.large.done, inner, height - 2 - footer.length, 3, 1);
  if (!big) return undefined;
  const body = lettersBlock(big.lines, big.scale, inner, style);
  const spare = Math.max(0, height - body.length - footer.length);
  const above = Math.floor(spare / 2);
  return [...blank(above), ...body, ...blank(spare - above), ...footer].slice(0, height);
}
