import { formatClock } from "../duration.js";
import { FLOORS } from "../safety/allowance.js";
import { sessionText } from "../text/session.js";
import type { Style } from "../ui/style.js";
import { displayWidth, noticeLines, truncate, wrap } from "../ui/text.js";
import { bigText, fitScale, glyphHeight } from "./bigfont.js";
import {
  banner,
  hints,
  KEY_HELP,
  KIND_WORDS,
  keyCell,
  type Line,
  largeBar,
  noticeRows,
  type Paint,
  type Span,
  span,
} from "./frame.js";
import { MAT_FROM_COLUMNS, MAT_FROM_ROWS, renderMat } from "./mat.js";
import { describeStep, type SessionView, sideLabel } from "./view.js";

export {
  banner,
  hints,
  KEY_HELP,
  KIND_WORDS,
  type Line,
  largeBar,
  noticeRows,
  type Paint,
  type Span,
};

/** Below this many columns (or rows) the countdown is one line. */
export const COMPACT_BELOW_COLUMNS = 50;
export const COMPACT_BELOW_ROWS = 12;

/** From this size up, the time left is drawn in large digits, readable from the mat. */
export const LARGE_FROM_COLUMNS = 60;
export const LARGE_FROM_ROWS = 16;

export function renderScreen(
  view: SessionView,
  width: number,
  height: number,
  style: Style,
): Line[] {
  if (width < COMPACT_BELOW_COLUMNS || height < COMPACT_BELOW_ROWS) {
    return [renderCompactLine(view, width, style)];
  }
  // `width` is the terminal's less the last column, which is never written (see Screen).
  if (width + 1 >= MAT_FROM_COLUMNS && height >= MAT_FROM_ROWS) {
    const mat = renderMat(view, width, height, style);
    if (mat) return mat;
  }
  if (width + 1 >= LARGE_FROM_COLUMNS && height >= LARGE_FROM_ROWS) {
    const large = renderLarge(view, width, height, style);
    if (large) return large;
  }
  const inner = width - 4; // two columns of margin each side
  const lines: Line[] = [];
  const kindPaint = style.kind[view.step.kind];

  // Header: routine on the left, where we are on the right.
  // The time left is unstyled: it changes every second, and plain digits cost the fewest bytes.
  const step = w.where(view.index + 1, view.count);
  const left = w.left(formatClock(view.routineLeft));
  const head = displayWidth(step) + displayWidth(left);
  const name = truncate(view.routineName, Math.max(4, inner - head - 2));
  const gap = Math.max(1, inner - displayWidth(name) - head + 2);
  lines.push([
    span(`  ${name}`, style.strong),
    span(" ".repeat(gap)),
    span(step, style.dim),
    span(left),
  ]);
  lines.push([]);

  // The step, large: its name, the side, the round.
  const round = view.step.round ? w.round(view.step.round.index, view.step.round.of) : "";
  const reps = view.rep ? w.reps(view.rep.index, view.rep.of) : "";
  const tags = [sideLabel(view.step), round, reps].filter(Boolean).join(" · ");
  lines.push([
    span(`  ${truncate(view.step.name.toUpperCase(), inner - displayWidth(tags) - 3)}`, (t) =>
      style.strong(kindPaint(t)),
    ),
    ...(tags ? [span(`   ${tags}`, kindPaint)] : []),
  ]);

  // A notice takes two lines at most, its advice never cut (see noticeLines).
  const notice = view.notice ? noticeLines(view.notice, inner) : [];
  const footer = 6 + Math.max(1, notice.length); // blank, timer, blank, next, blank, notice, hints
  const room = Math.max(1, height - lines.length - footer - 1);
  if (view.showHelp) {
    lines.push([]);
    for (const [keys, what] of KEY_HELP.slice(0, room)) {
      lines.push([span(`  ${keyCell(keys)}`, style.strong), span(truncate(what, inner - 8))]);
    }
  } else if (view.step.instruction) {
    for (const text of wrap(view.step.instruction, inner).slice(0, room))
      lines.push([span(`  ${text}`)]);
  }
  lines.push([]);
  lines.push(timerLine(view, inner, style));
  lines.push([]);
  lines.push(
    view.next
      ? [span(w.next, style.dim), span(truncate(describeStep(view.next), nextRoom(inner)))]
      : [span(w.next, style.dim), span(w.theEnd)],
  );
  lines.push([]);
  lines.push(...noticeRows(notice, style));
  lines.push([span(`  ${hints(inner)}`, style.dim)]);
  return lines;
}

const w = sessionText.screen;

/** Room for the next step after "next: ", measured as the terminal shows it. */
const nextRoom = (inner: number) => inner - Math.max(6, displayWidth(w.next) - 2);

const questionText = (q: NonNullable<SessionView["question"]>) =>
  w.question(q.text, q.index + 1, q.of);

function timerLine(view: SessionView, inner: number, style: Style): Line {
  if (view.question)
    return [span(`  ${truncate(questionText(view.question), inner)}`, style.strong)];
  if (view.waiting) {
    return [span(`  ${w.pressEnter}`, style.strong)];
  }
  const time = formatClock(view.left ?? 0);
  const countIn = !view.paused && view.left !== null && view.left <= 3;
  const timePaint: Paint = countIn ? (t) => style.inverse(style.strong(t)) : style.strong;
  const label = view.paused ? w.paused : "";
  const barWidth = Math.max(5, Math.min(50, inner - time.length - displayWidth(label) - 4));
  const total = view.stepSeconds ?? 1;
  const done = Math.min(
    barWidth,
    Math.max(0, Math.round(((total - (view.left ?? 0)) / total) * barWidth)),
  );
  return [
    span("  "),
    ...(view.paused ? [span(label, (t) => style.inverse(style.warn(t)))] : []),
    span(time, timePaint),
    span("  "),
    span("█".repeat(done), style.kind[view.step.kind]),
    span("░".repeat(barWidth - done), style.dim),
  ];
}

/** The whole countdown on one line, for narrow or short terminals. */
export function renderCompactLine(view: SessionView, width: number, style: Style): Line {
  const side = view.step.side ? ` (${view.step.side === "left" ? "L" : "R"})` : "";
  const where = `${view.index + 1}/${view.count} `;
  if (view.question)
    return [span(truncate(`? ${questionText(view.question)}`, width), style.strong)];
  if (view.waiting) {
    return [
      span(w.enter, style.strong),
      span(
        truncate(
          w.compact(where, view.step.name, side),
          Math.max(1, width - displayWidth(w.enter) - 1),
        ),
      ),
    ];
  }
  const time = `${view.paused ? w.pausedShort : ""}${formatClock(view.left ?? 0)} `;
  const text = truncate(
    w.compact(where, view.step.name, side),
    Math.max(1, width - displayWidth(time) - 1),
  );
  return [
    span(time, view.paused ? style.warn : style.strong),
    span(text, style.kind[view.step.kind]),
  ];
}

const center = (text: string, width: number) =>
  " ".repeat(Math.max(0, Math.floor((width - displayWidth(text)) / 2)));

/**
 * The large view: the step's name and kind, its instruction, the time left in large digits
 * (about a third of the terminal's height), a full-width progress bar, what comes next and
 * the keys. Undefined when the digits would not fit, so the caller uses the standard view.
 */
export function renderLarge(
  view: SessionView,
  width: number,
  height: number,
  style: Style,
): Line[] | undefined {
  const inner = width - 4;
  const kindPaint = style.kind[view.step.kind];
  // One scale for the whole step: the digits do not jump as "10:00" becomes "9:59".
  const widest = formatClock(view.stepSeconds ?? view.left ?? 0);
  const scale = view.waiting ? 1 : fitScale(widest, inner, height);
  if (scale === 0) return undefined;

  const notice = view.notice ? noticeLines(view.notice, inner) : [];
  const top: Line[] = [];
  // Header: the routine, and where we are. The routine's time left changes by the minute here,
  // which keeps the bytes a second low; the step's time is the large one.
  const where = w.whereLeft(view.index + 1, view.count, formatClock(view.routineLeft));
  const name = truncate(view.routineName, Math.max(4, inner - displayWidth(where) - 2));
  top.push([
    span(`  ${name}`, style.strong),
    span(" ".repeat(Math.max(1, inner - displayWidth(name) - displayWidth(where) + 2))),
    span(where, style.dim),
  ]);
  top.push([]);
  const round = view.step.round ? w.round(view.step.round.index, view.step.round.of) : "";
  const reps = view.rep ? w.reps(view.rep.index, view.rep.of) : "";
  const kind = view.step.packOff ? w.safety : (KIND_WORDS[view.step.kind] ?? view.step.kind);
  const tags = [sideLabel(view.step), round, reps, kind].filter(Boolean).join(" · ");
  top.push([
    span(`  ${truncate(view.step.name.toUpperCase(), inner - displayWidth(tags) - 5)}`, (t) =>
      style.strong(kindPaint(t)),
    ),
    span(`  ·  ${tags}`, kindPaint),
  ]);
  if (view.showHelp) {
    for (const [keys, what] of KEY_HELP) {
      top.push([span(`  ${keyCell(keys)}`, style.strong), span(truncate(what, inner - 8))]);
    }
  } else if (view.step.instruction) {
    const room = Math.max(1, height - glyphHeight(scale) - 12 - (notice.length > 1 ? 1 : 0));
    for (const text of wrap(view.step.instruction, inner).slice(0, Math.min(4, room))) {
      top.push([span(`  ${text}`)]);
    }
  }

  const middle: Line[] = [];
  if (view.step.packOff) {
    const call = w.takeOff(view.step.packOff);
    middle.push([span(`  ${banner(call, inner)}`, (t) => style.error(style.strong(t)))]);
  } else if (view.question) {
    middle.push([
      span(`  ${banner(truncate(questionText(view.question), inner - 2), inner)}`, style.strong),
    ]);
  } else if (view.waiting) {
    middle.push([span(`  ${banner(w.pressEnter, inner)}`, style.strong)]);
  } else {
    const time = formatClock(view.left ?? 0);
    const digits = bigText(time, scale);
    const pad = `  ${center(digits[0]!, inner)}`;
    for (const row of digits)
      middle.push([span(pad), span(row, view.paused ? style.dim : undefined)]);
  }

  const bottom: Line[] = [];
  if (view.paused) {
    bottom.push([span(`  ${banner(w.pausedBanner, inner)}`, style.warn)]);
  } else if (!view.waiting) {
    bottom.push(largeBar(view, inner, style));
  } else bottom.push([]);
  if (view.packOn) {
    const limit =
      view.packOn.onSeconds >= FLOORS.applicationSeconds
        ? w.packLimit(FLOORS.applicationSeconds / 60)
        : "";
    bottom.push([
      span(
        `  ${w.packOn(view.packOn.kind, formatClock(view.packOn.onSeconds), limit)}`,
        limit ? style.error : style.dim,
      ),
    ]);
  } else bottom.push([]);
  bottom.push(
    view.next
      ? [span(w.next, style.dim), span(truncate(describeStep(view.next), nextRoom(inner)))]
      : [span(w.next, style.dim), span(w.theEnd)],
  );
  bottom.push(...noticeRows(notice, style));

  // The rest of the height is shared out as space around the digits.
  const keys: Line = [span(`  ${hints(inner)}`, style.dim)];
  const used = top.length + middle.length + bottom.length + 1;
  const spare = Math.max(0, height - used);
  const above = Math.ceil(spare / 2);
  const between = Math.min(1, spare - above);
  const blank = (n: number): Line[] => Array.from({ length: n }, () => []);
  return [
    ...top,
    ...blank(above),
    ...middle,
    ...blank(between),
    ...bottom,
    ...blank(spare - above - between),
    keys,
  ].slice(0, height);
}
