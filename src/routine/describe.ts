import { formatDuration } from "../duration.js";
import { CONTRAINDICATIONS, THERAPIES } from "../health.js";
import { hasManualSteps, type TimelineEntry, totalSeconds } from "./timeline.js";
import { isInclude, isRepeat, type PoseName, type Step, type StepItem } from "./vocabulary.js";

/** One printed line of a routine's step outline (`knot show`). */
export interface OutlineLine {
  depth: number;
  text: string;
  duration: string;
  kind?: string;
  /** How to do the step, for `knot show`. */
  instruction?: string;
  /** The figure drawn beside the step. */
  pose?: PoseName;
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
 * a repeat of several is a heading with its steps below, an include is a heading with the
 * included routine's steps below it.
 */
/** " (5 × 5s hold, 5s rest)", " (10 × 3s in, 3s out)": a paced step's repetitions. */
export function pace(step: Pick<Step, "reps" | "tempo">): string {
  const { reps, tempo } = step;
  if (!reps || !tempo) return "";
  const parts =
    "hold" in tempo
      ? [
          `${formatDuration(tempo.hold)} hold`,
          ...(tempo.rest ? [`${formatDuration(tempo.rest)} rest`] : []),
        ]
      : [`${formatDuration(tempo.in)} in`, `${formatDuration(tempo.out)} out`];
  return ` (${reps} × ${parts.join(", ")})`;
}

export function outlineSteps(
  items: StepItem[],
  resolve: (id: string) => { name: string; steps: StepItem[] } | undefined,
  depth = 0,
): OutlineLine[] {
  const lines: OutlineLine[] = [];
  const stepLine = (step: Step, text: string) => {
    const line: OutlineLine = {
      depth,
      text,
      duration: `${stepDuration(step.seconds, step.sides)}${pace(step)}`,
      kind: step.kind,
    };
    if (step.instruction) line.instruction = step.instruction;
    if (step.pose) line.pose = step.pose;
    lines.push(line);
  };
  for (const item of items) {
    if (isInclude(item)) {
      const target = resolve(item.routine);
      lines.push({
        depth,
        text: `${target?.name ?? item.routine} (routine ${item.routine})${target ? ":" : ""}`,
        duration: "",
      });
      // Includes were checked for cycles when the routine loaded; the depth is a last guard.
      if (target && depth < 8) lines.push(...outlineSteps(target.steps, resolve, depth + 1));
    } else if (isRepeat(item)) {
      const [only] = item.steps;
      if (item.steps.length === 1 && only && !isRepeat(only) && !isInclude(only)) {
        stepLine(only, `${item.repeat} × ${only.name}`);
      } else {
        lines.push({ depth, text: `${item.repeat} rounds of:`, duration: "" });
        lines.push(...outlineSteps(item.steps, resolve, depth + 1));
      }
    } else {
      stepLine(item, item.name);
    }
  }
  return lines;
}

/** Text compared for sameness: letters and digits only, lower case. */
const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The cautions every cold, heat or massage step brings, whatever the file says (health.ts):
 * attached from the kinds of step in the timeline, so a routine file, even one that replaces a
 * built-in, cannot leave them out.
 */
export function kindCautions(timeline: readonly { kind: string }[]): string[] {
  const kinds = new Set(timeline.map((step) => step.kind));
  return THERAPIES.filter((therapy) => kinds.has(therapy)).flatMap(
    (therapy) => CONTRAINDICATIONS[therapy].notes,
  );
}

/**
 * A routine's cautions as shown (`knot show`, the session's opening): its own first, then those
 * its kinds of step bring that it does not already say (one of its own containing the same
 * words counts).
 */
export function withKindCautions(
  own: readonly string[],
  timeline: readonly { kind: string }[],
): string[] {
  const said = own.map(plain);
  const added = kindCautions(timeline).filter((caution) => {
    const words = plain(caution);
    return !said.some((text) => text.includes(words));
  });
  return [...own, ...new Set(added)];
}

export const sideLabel = (step: TimelineEntry): string => (step.side ? `${step.side} side` : "");

/** "Knee to chest, left side (20s)": a step in one phrase. */
export function describeStep(step: TimelineEntry): string {
  const side = step.side ? `, ${sideLabel(step)}` : "";
  return `${step.name}${side} (${stepDuration(step.seconds, false)})`;
}
