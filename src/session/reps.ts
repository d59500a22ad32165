import type { TimelineEntry } from "../routine/timeline.js";

/** Where a paced step is: which repetition, which half of it, and the figure's frame. */
export interface RepMoment {
  index: number;
  of: number;
  phase: "hold" | "rest" | "in" | "out";
  /** Whole seconds since this half began. */
  phaseElapsed: number;
  /** The hold or the breath in shows the movement's second frame; the rest or out, its first. */
  frame: number;
}

/**
 * The repetition a paced step is at, `elapsed` whole seconds after it started (pauses not
 * counted): pure, from the step's reps and tempo. Past the last one (the step was lengthened
 * with +), it stays at the last, resting.
 */
export function repAt(step: TimelineEntry, elapsed: number): RepMoment | undefined {
  const { reps, tempo } = step;
  if (!reps || !tempo) return undefined;
  const [first, second, firstPhase, secondPhase] =
    "hold" in tempo
      ? ([tempo.hold, tempo.rest, "hold", "rest"] as const)
      : ([tempo.in, tempo.out, "in", "out"] as const);
  const cycle = first + second;
  const at = Math.max(0, elapsed);
  const done = Math.floor(at / cycle);
  if (done >= reps) {
    return {
      index: reps,
      of: reps,
      phase: secondPhase,
      phaseElapsed: at - reps * cycle + second,
      frame: 0,
    };
  }
  const into = at - done * cycle;
  const inFirst = into < first;
  return {
    index: done + 1,
    of: reps,
    phase: inFirst ? firstPhase : secondPhase,
    phaseElapsed: inFirst ? into : into - first,
    frame: inFirst ? 1 : 0,
  };
}
