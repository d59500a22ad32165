import { chartText } from "../text/progress.js";
import type { Style } from "../ui/style.js";
import { displayWidth, padEnd, truncate } from "../ui/text.js";

/**
 * Terminal charts drawn with Unicode blocks, fitted to a width and readable without colour
 * (every bar carries its figure as text).
 */

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
const LEVELS = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** A horizontal bar of `value / max` of `width` cells, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0 || width <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Labelled horizontal bars, largest first: "lower-back  ███▌ 12 min". */
export function barChart(
  rows: { label: string; value: number; text: string }[],
  width: number,
  style: Style,
): string[] {
  if (rows.length === 0) return [style.dim(chartText.nothing)];
  // labels up to 18 columns, or a third of the width when that is more
  const labelWidth = Math.min(
    Math.max(18, Math.floor(width / 3)),
    Math.max(...rows.map((r) => displayWidth(r.label))),
  );
  const textWidth = Math.max(...rows.map((r) => displayWidth(r.text)));
  const barWidth = Math.max(4, width - labelWidth - textWidth - 6);
  const max = Math.max(...rows.map((r) => r.value));
  return rows.map((r) => {
    const drawn = bar(r.value, max, barWidth);
    return `  ${padEnd(truncate(r.label, labelWidth), labelWidth)}  ${style.id(drawn)}${" ".repeat(barWidth - drawn.length + 1)}${r.text}`;
  });
}

/**
 * Vertical bars, one column per day, `height` rows tall, with the scale on the left and the
 * first and last dates below. Too many days for the width keeps the most recent ones.
 */
export function columnChart(
  values: number[],
  /** One label per value (such as "11-22"); the first and last shown go under the chart. */
  labels: string[],
  width: number,
  height: number,
  unit: string,
  style: Style,
): string[] {
  const max = Math.max(0, ...values);
  const scaleWidth = Math.max(String(Math.ceil(max)).length, 1) + 1;
  const room = Math.max(1, width - scaleWidth - 4);
  const shown = values.slice(-room);
  const first = labels[values.length - shown.length] ?? "";
  const last = labels.at(-1) ?? "";
  const lines: string[] = [];
  for (let row = height; row >= 1; row--) {
    const scale = row === height ? String(Math.ceil(max)) : row === 1 ? "0" : "";
    const cells = shown
      .map((v) => {
        if (max === 0) return row === 1 ? "▁" : " ";
        const level = (v / max) * height * 8; // eighths of the whole chart height
        const inRow = Math.min(8, Math.max(0, Math.round(level - (row - 1) * 8)));
        return v > 0 && row === 1 && inRow === 0 ? "▁" : LEVELS[inRow]!;
      })
      .join("");
    lines.push(`  ${scale.padStart(scaleWidth)} ${style.id(cells)}`);
  }
  const axis =
    shown.length > first.length + last.length + 1
      ? `${first}${" ".repeat(shown.length - first.length - last.length)}${last}`
      : last;
  lines.push(`  ${" ".repeat(scaleWidth)} ${style.dim(axis)}`);
  const note = chartText.perDay(unit, shown.length < values.length ? shown.length : undefined);
  lines.push(`  ${" ".repeat(scaleWidth)} ${style.dim(truncate(note, room))}`);
  return lines;
}

/** 0-10 ratings as block heights, oldest first ("▂▃▅▄▂"); 0 is the lowest block, not a gap. */
export function ratingLine(ratings: number[], width: number): string {
  const shown = ratings.slice(-Math.max(1, width));
  return shown.map((r) => LEVELS[1 + Math.round((r / 10) * 7)] ?? " ").join("");
}
