import type { Finding } from "./issue.js";
import {
  type Area,
  isInclude,
  isRepeat,
  type PoseName,
  type Routine,
  type Side,
  type StepItem,
  type StepKind,
  type Tempo,
} from "./vocabulary.js";

/** One entry of the flat list that the coach runs through. */
export interface TimelineEntry {
  name: string;
  kind: StepKind;
  /** null: a manual step that waits for Enter. */
  seconds: number | null;
  instruction?: string;
  side?: Side;
  area?: Area;
  /** The figure shown with the step. */
  pose?: PoseName;
  /** Repetitions paced inside the step: how many, and the pace of each. */
  reps?: number;
  tempo?: Tempo;
  /**
   * Questions asked at this step, one keypress each, before the cold or heat that follows it
   * (y: one applies, and the session stops before the application; n or Enter: none does).
   */
  questions?: string[];
  /** The step that calls a cold or heat application off: "take the pack off now". */
  packOff?: "cold" | "heat";
  /** The most "+" may lengthen this step to (set for massage to keep within the daily limit). */
  maxSeconds?: number;
  /** Which pass of the innermost repeat group this entry belongs to. */
  round?: { index: number; of: number };
}

/** Beyond this, a routine is almost certainly a mistake (nested repeats multiply). */
export const MAX_TIMELINE_ENTRIES = 2000;
/** Repeats and includes nested deeper than this are refused before anything is expanded. */
export const MAX_NESTING = 8;

export type RoutineResolver = (id: string) => Routine | undefined;

/**
 * Flattens a routine into the steps the coach runs: repeat groups unrolled, sided steps split
 * into left and right, included routines inlined. Unknown includes and include cycles are issues.
 */
export function expandTimeline(
  routine: Routine,
  resolve: RoutineResolver,
): { timeline: TimelineEntry[]; issues: Finding[]; includes: Set<string> } {
  const timeline: TimelineEntry[] = [];
  const includes = new Set<string>();
  const issues: Finding[] = [];
  let overflow = false;

  // The size comes first: a file of nested repeats must not be built to find it is too big.
  const size = measureTimeline(routine, resolve);
  if (size.problem) return { timeline, issues: [size.problem], includes: size.includes };

  // Inside an included routine, problems are reported at the include in this routine's file.
  const walk = (
    items: StepItem[],
    path: string,
    chain: string[],
    round: TimelineEntry["round"],
    reportAt?: string,
  ): void => {
    items.forEach((item, i) => {
      if (overflow) return;
      const itemPath = `${path}[${i}]`;
      if (isRepeat(item)) {
        for (let pass = 1; pass <= item.repeat && !overflow; pass++) {
          walk(item.steps, `${itemPath}.steps`, chain, { index: pass, of: item.repeat }, reportAt);
        }
      } else if (isInclude(item)) {
        include(item.routine, reportAt ?? `${itemPath}.routine`, chain, round);
      } else {
        for (const side of item.sides ? (["left", "right"] as const) : [undefined]) {
          if (timeline.length >= MAX_TIMELINE_ENTRIES) {
            overflow = true;
            issues.push({
              severity: "error",
              path: reportAt ?? "steps",
              problem: { code: "too-many-steps", max: MAX_TIMELINE_ENTRIES },
            });
            return;
          }
          const entry: TimelineEntry = { name: item.name, kind: item.kind, seconds: item.seconds };
          if (item.instruction !== undefined) entry.instruction = item.instruction;
          if (side) entry.side = side;
          if (item.area) entry.area = item.area;
          if (item.pose) entry.pose = item.pose;
          if (item.reps && item.tempo) {
            entry.reps = item.reps;
            entry.tempo = item.tempo;
          }
          if (round) entry.round = round;
          timeline.push(entry);
        }
      }
    });
  };

  const include = (id: string, path: string, chain: string[], round: TimelineEntry["round"]) => {
    if (chain.includes(id)) {
      const cycle = [...chain, id];
      issues.push({ severity: "error", path, problem: { code: "include-cycle", cycle } });
      return;
    }
    includes.add(id);
    const target = resolve(id);
    if (!target) {
      issues.push({ severity: "error", path, problem: { code: "unknown-include", id } });
      return;
    }
    walk(target.steps, "steps", [...chain, id], round, path);
  };

  walk(routine.steps, "steps", [routine.id], undefined);
  // An unknown include inside a repeat is one problem, not one a pass.
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.path}|${JSON.stringify(i.problem)}`;
    return !seen.has(key) && seen.add(key);
  });
  return { timeline, issues: unique, includes };
}

/**
 * How many entries a routine would expand to, without expanding it (each included routine is
 * measured once), and whether it nests too deep. An unknown include counts as one entry and a
 * cycle as none: `expandTimeline` reports them.
 */
export function measureTimeline(
  routine: Routine,
  resolve: RoutineResolver,
): { entries: number; includes: Set<string>; problem?: Finding } {
  const includes = new Set<string>();
  const sizes = new Map<string, number>();
  let problem: Finding | undefined;
  const fail = (problem_: Finding["problem"]) => {
    problem ??= { severity: "error", path: "steps", problem: problem_ };
    return 0;
  };
  const measure = (items: StepItem[], chain: string[], depth: number): number => {
    if (depth > MAX_NESTING) {
      return fail({ code: "nest-too-deep", max: MAX_NESTING });
    }
    let total = 0;
    for (const item of items) {
      if (problem) return 0;
      if (isRepeat(item)) total += item.repeat * measure(item.steps, chain, depth + 1);
      else if (isInclude(item)) {
        includes.add(item.routine);
        if (chain.includes(item.routine)) continue;
        let known = sizes.get(item.routine);
        if (known === undefined) {
          const target = resolve(item.routine);
          // An unknown include counts as one step: repeating it still costs the expansion.
          known = target ? measure(target.steps, [...chain, item.routine], depth + 1) : 1;
          sizes.set(item.routine, known);
        }
        total += known;
      } else total += item.sides ? 2 : 1;
      if (total > MAX_TIMELINE_ENTRIES) {
        return fail({ code: "too-many-steps", max: MAX_TIMELINE_ENTRIES });
      }
    }
    return total;
  };
  const entries = measure(routine.steps, [routine.id], 0);
  return problem ? { entries, includes, problem } : { entries, includes };
}

export function totalSeconds(timeline: readonly TimelineEntry[]): number {
  return timeline.reduce((sum, entry) => sum + (entry.seconds ?? 0), 0);
}

export const hasManualSteps = (timeline: readonly TimelineEntry[]): boolean =>
  timeline.some((entry) => entry.seconds === null);
