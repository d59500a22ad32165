import { formatDuration } from "../duration.js";
import { hasManualSteps, type TimelineEntry, totalSeconds } from "../routine/timeline.js";
import {
  isInclude,
  isRepeat,
  type PoseName,
  type Step,
  type StepItem,
} from "../routine/vocabulary.js";
import { localized } from "./locale.js";

/** A routine's steps in words: how long they take, their pace and side, the outline of `knot show`. */
export const stepsText = localized({
  /** "9m 35s", or "50m plus steps that wait for you": how long a whole timeline takes. */
  length: (seconds: number, manual: boolean) =>
    `${formatDuration(seconds)}${manual ? " plus steps that wait for you" : ""}`,
  /** "15s", "20s each side", "waits for you": how long a step takes, in words. */
  duration: (seconds: number | null, sides: boolean) => {
    if (seconds === null) return sides ? "waits for you, each side" : "waits for you";
    return sides ? `${formatDuration(seconds)} each side` : formatDuration(seconds);
  },
  /** " (5 × 5s hold, 5s rest)", " (10 × 3s in, 3s out)": a paced step's repetitions. */
  pace: (reps: number, tempo: NonNullable<Step["tempo"]>) => {
    const parts =
      "hold" in tempo
        ? [
            `${formatDuration(tempo.hold)} hold`,
            ...(tempo.rest ? [`${formatDuration(tempo.rest)} rest`] : []),
          ]
        : [`${formatDuration(tempo.in)} in`, `${formatDuration(tempo.out)} out`];
    return ` (${reps} × ${parts.join(", ")})`;
  },
  side: (side: string) => `${side} side`,
  /** "Knee to chest, left side (20s)": a step in one phrase. */
  step: (name: string, side: string | undefined, duration: string) =>
    `${name}${side ? `, ${side} side` : ""} (${duration})`,
  outline: {
    include: (name: string, id: string, found: boolean) =>
      `${name} (routine ${id})${found ? ":" : ""}`,
    repeatOne: (times: number, name: string) => `${times} × ${name}`,
    rounds: (times: number) => `${times} rounds of:`,
    /** A step's duration and pace, on one line of the outline. */
    duration: (duration: string, pace: string) => `${duration}${pace}`,
  },
});

/** "9m 35s", or "50m plus steps that wait for you": how long a whole timeline takes. */
export function timelineLength(timeline: readonly TimelineEntry[]): string {
  return stepsText.length(totalSeconds(timeline), hasManualSteps(timeline));
}

/** "15s", "20s each side", "waits for you": how long a step takes, in words. */
export function stepDuration(seconds: number | null, sides: boolean): string {
  return stepsText.duration(seconds, sides);
}

/** " (5 × 5s hold, 5s rest)", " (10 × 3s in, 3s out)": a paced step's repetitions, or "". */
export function pace(step: Pick<Step, "reps" | "tempo">): string {
  const { reps, tempo } = step;
  return reps && tempo ? stepsText.pace(reps, tempo) : "";
}

export const sideLabel = (step: TimelineEntry): string =>
  step.side ? stepsText.side(step.side) : "";

/** "Knee to chest, left side (20s)": a step in one phrase. */
export function describeStep(step: TimelineEntry): string {
  return stepsText.step(step.name, step.side, stepDuration(step.seconds, false));
}

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

/**
 * The steps as written, compactly: a repeat of one step is one line ("2 × Knee to chest"),
 * a repeat of several is a heading with its steps below, an include is a heading with the
 * included routine's steps below it.
 */
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
      duration: stepsText.outline.duration(stepDuration(step.seconds, step.sides), pace(step)),
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
        text: stepsText.outline.include(target?.name ?? item.routine, item.routine, !!target),
        duration: "",
      });
      // Includes were checked for cycles when the routine loaded; the depth is a last guard.
      if (target && depth < 8) lines.push(...outlineSteps(target.steps, resolve, depth + 1));
    } else if (isRepeat(item)) {
      const [only] = item.steps;
      if (item.steps.length === 1 && only && !isRepeat(only) && !isInclude(only)) {
        stepLine(only, stepsText.outline.repeatOne(item.repeat, only.name));
      } else {
        lines.push({ depth, text: stepsText.outline.rounds(item.repeat), duration: "" });
        lines.push(...outlineSteps(item.steps, resolve, depth + 1));
      }
    } else {
      stepLine(item, item.name);
    }
  }
  return lines;
}
