import { formatDuration } from "../duration.js";
import { hasManualSteps, type TimelineEntry, totalSeconds } from "./timeline.js";
import { isInclude, isRepeat, type StepItem } from "./vocabulary.js";

/** One printed line of a routine's step outline (`knot show`). */
export interface OutlineLine {
  depth: number;
  text: string;
  duration: string;
  kind?: string;
}

/** "9m 35s", or "50m plus steps that wait for you": how long a whole timeline takes. */
export function timelineLength(timeline: readonly TimelineEntry[]): string {
  const manual = hasManualSteps(timeline) ? " plus steps that wait for you" : "";
  return `${formatDuration(totalSeconds(timeline))}${manual}`;
}

/** "15s", "20s each side", "waits for you": how long a step takes, in words. */
export function stepDuration(seconds: number | null, sides: boolean): string {
  if (seconds === null) return sides ? "waits for you, each side" : "waits for you";
  return sides ? `${formatDuration(seconds)} each side` : formatDuration(seconds);
}

/**
 * The steps as written, compactly: a repeat of one step is one line ("2 × Knee to chest"),
 * a repeat of several is a heading with its steps below, an include is one line.
 */
export function outlineSteps(
  items: StepItem[],
  resolve: (id: string) => { name: string } | undefined,
  depth = 0,
): OutlineLine[] {
  const lines: OutlineLine[] = [];
  for (const item of items) {
    if (isInclude(item)) {
      const target = resolve(item.routine);
      lines.push({
        depth,
        text: `${target?.name ?? item.routine} (routine ${item.routine})`,
        duration: "",
      });
    } else if (isRepeat(item)) {
      const [only] = item.steps;
      if (item.steps.length === 1 && only && !isRepeat(only) && !isInclude(only)) {
        lines.push({
          depth,
          text: `${item.repeat} × ${only.name}`,
          duration: stepDuration(only.seconds, only.sides),
          kind: only.kind,
        });
      } else {
        lines.push({ depth, text: `${item.repeat} rounds of:`, duration: "" });
        lines.push(...outlineSteps(item.steps, resolve, depth + 1));
      }
    } else {
      lines.push({
        depth,
        text: item.name,
        duration: stepDuration(item.seconds, item.sides),
        kind: item.kind,
      });
    }
  }
  return lines;
}
