import { formatClock } from "../duration.js";
import type { Style } from "../ui/style.js";
import { truncate, wrap } from "../ui/text.js";
import { describeStep, type SessionView, sideLabel } from "./view.js";

export type Paint = (text: string) => string;
/** A piece of a screen line in one style. */
export interface Span {
  text: string;
  paint?: Paint;
}
export type Line = Span[];

/** Below this many columns (or rows) the countdown is one line. */
export const COMPACT_BELOW_COLUMNS = 50;
export const COMPACT_BELOW_ROWS = 12;

const span = (text: string, paint?: Paint): Span => (paint ? { text, paint } : { text });

export const KEY_HELP: [string, string][] = [
  ["space", "pause / resume"],
  ["n  →", "next step"],
  ["b  ←", "back to the start of the previous step"],
  ["+ / -", "add or take off 10 s (30 s on steps over 5 min)"],
  ["Enter", "carry on after a step that waits for you"],
  ["x", "stop: it hurts"],
  ["q", "quit (Ctrl-C too)"],
  ["?", "show or hide this help"],
];

export function renderScreen(
  view: SessionView,
  width: number,
  height: number,
  style: Style,
): Line[] {
  if (width < COMPACT_BELOW_COLUMNS || height < COMPACT_BELOW_ROWS) {
    return [renderCompactLine(view, width, style)];
  }
  const inner = width - 4; // two columns of margin each side
  const lines: Line[] = [];
  const kindPaint = style.kind[view.step.kind];

  // Header: routine on the left, where we are on the right.
  // The time left is unstyled: it changes every second, and plain digits cost the fewest bytes.
  const step = `step ${view.index + 1} of ${view.count} · `;
  const left = `${formatClock(view.routineLeft)} left`;
  const name = truncate(view.routineName, Math.max(4, inner - step.length - left.length - 2));
  const gap = Math.max(1, inner - name.length - step.length - left.length + 2);
  lines.push([
    span(`  ${name}`, style.strong),
    span(" ".repeat(gap)),
    span(step, style.dim),
    span(left),
  ]);
  lines.push([]);

  // The step, large: its name, the side, the round.
  const round = view.step.round ? `round ${view.step.round.index} of ${view.step.round.of}` : "";
  const tags = [sideLabel(view.step), round].filter(Boolean).join(" · ");
  lines.push([
    span(`  ${truncate(view.step.name.toUpperCase(), inner - tags.length - 3)}`, (t) =>
      style.strong(kindPaint(t)),
    ),
    ...(tags ? [span(`   ${tags}`, kindPaint)] : []),
  ]);

  const footer = 7; // blank, timer, blank, next, blank, notice, hints
  const room = Math.max(1, height - lines.length - footer - 1);
  if (view.showHelp) {
    lines.push([]);
    for (const [keys, what] of KEY_HELP.slice(0, room)) {
      lines.push([span(`  ${keys.padEnd(8)}`, style.strong), span(truncate(what, inner - 8))]);
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
      ? [span("  next: ", style.dim), span(truncate(describeStep(view.next), inner - 6))]
      : [span("  next: ", style.dim), span("the end")],
  );
  lines.push([]);
  lines.push(view.notice ? [span(`  ${truncate(view.notice, inner)}`, style.warn)] : []);
  lines.push([span(`  ${hints(inner)}`, style.dim)]);
  return lines;
}

function timerLine(view: SessionView, inner: number, style: Style): Line {
  if (view.waiting) {
    return [span("  press Enter when ready", style.strong)];
  }
  const time = formatClock(view.left ?? 0);
  const countIn = !view.paused && view.left !== null && view.left <= 3;
  const timePaint: Paint = countIn ? (t) => style.inverse(style.strong(t)) : style.strong;
  const label = view.paused ? "PAUSED  " : "";
  const barWidth = Math.max(5, Math.min(50, inner - time.length - label.length - 4));
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

function hints(width: number): string {
  const full = "space pause · n next · b back · +/- time · x it hurts · q quit · ? help";
  const short = "space ⏯  n ▶  b ◀  +/-  x hurts  q quit  ?";
  return width >= full.length ? full : truncate(short, width);
}

/** The whole countdown on one line, for narrow or short terminals. */
export function renderCompactLine(view: SessionView, width: number, style: Style): Line {
  const side = view.step.side ? ` (${view.step.side === "left" ? "L" : "R"})` : "";
  const where = `${view.index + 1}/${view.count} `;
  if (view.waiting) {
    return [
      span("Enter ▸ ", style.strong),
      span(truncate(`${where}${view.step.name}${side}`, Math.max(1, width - 9))),
    ];
  }
  const time = `${view.paused ? "PAUSED " : ""}${formatClock(view.left ?? 0)} `;
  const text = truncate(`${where}${view.step.name}${side}`, Math.max(1, width - time.length - 1));
  return [
    span(time, view.paused ? style.warn : style.strong),
    span(text, style.kind[view.step.kind]),
  ];
}
