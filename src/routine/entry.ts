import { resolve as resolvePath } from "node:path";
import { KnotError } from "../errors.js";
import { issuesOf, routineText } from "../text/routine.js";
import type { RoutineBrief } from "./cache.js";
import { withKindCautions } from "./describe.js";
import { checkLimits } from "./limits.js";
import { readRoutineFile } from "./parse.js";
import { formatIssues } from "./report.js";
import { expandTimeline, hasManualSteps, type TimelineEntry, totalSeconds } from "./timeline.js";
import type { Issue } from "./validate.js";
import type { Routine } from "./vocabulary.js";

/*
 * One routine as the library holds it: read, its includes expanded, checked against the limits,
 * with its cautions gathered (library.ts finds and keeps the entries).
 */

/** Where a routine came from: shipped with knot, the user's routines folder, or a path given. */
export type Origin = "built-in" | "custom" | "file";

export interface RoutineEntry {
  routine: Routine;
  path: string;
  origin: Origin;
  /** A custom routine with the id of a built-in one, which it replaces. */
  overridesBuiltIn: boolean;
  timeline: TimelineEntry[];
  totalSeconds: number;
  /** Warnings only: an entry with errors is broken. */
  warnings: Issue[];
  /**
   * Its own cautions, then those of every routine it includes, then those its cold, heat and
   * massage steps bring (describe.ts), each once.
   */
  cautions: string[];
  /**
   * A routine of the person's taken from the cache as its brief (cache.ts): its routine,
   * timeline, warnings and cautions are then read from its file when first asked for.
   */
  brief?: RoutineBrief;
}

/** What `knot list` shows of an entry: kept in the cache, or taken from the entry itself. */
export const briefOf = (entry: RoutineEntry): RoutineBrief => {
  if (entry.brief) return entry.brief;
  const { id, name, summary, category, areas } = entry.routine;
  const manual = hasManualSteps(entry.timeline);
  return { id, name, summary, category, areas, totalSeconds: entry.totalSeconds, manual };
};

/**
 * An entry of the person's own kept as its brief: what `knot list` shows is at hand; its
 * routine, timeline, warnings and cautions come from its file (`whole`) when first asked for.
 * A class: its getters are made once, not for each of hundreds of entries.
 */
export class BriefEntry implements RoutineEntry {
  readonly origin = "custom";
  readonly totalSeconds: number;
  constructor(
    readonly brief: RoutineBrief,
    readonly path: string,
    readonly overridesBuiltIn: boolean,
    private readonly whole: () => RoutineEntry,
  ) {
    this.totalSeconds = brief.totalSeconds;
  }
  get routine() {
    return this.whole().routine;
  }
  get timeline() {
    return this.whole().timeline;
  }
  get warnings() {
    return this.whole().warnings;
  }
  get cautions() {
    return this.whole().cautions;
  }
}

/** As checkRoutine, but whatever goes wrong stays with this one routine: one file never hides others. */
export function checkSafely(routine: Routine, resolver: (id: string) => Routine | undefined) {
  try {
    return checkRoutine(routine, resolver);
  } catch (error) {
    const message = routineText.library.notChecked((error as Error)?.message ?? String(error));
    return {
      timeline: [],
      includes: new Set<string>(),
      errors: [{ severity: "error" as const, path: "", message }],
      warnings: [],
    };
  }
}

/** Expands a routine and checks includes and safety limits, splitting errors from warnings. */
export function checkRoutine(routine: Routine, resolver: (id: string) => Routine | undefined) {
  const expanded = expandTimeline(routine, resolver);
  const issues = issuesOf([...expanded.issues, ...checkLimits(routine, expanded.timeline)]);
  return {
    timeline: expanded.timeline,
    includes: expanded.includes,
    errors: issues.filter((i) => i.severity === "error"),
    warnings: issues.filter((i) => i.severity === "warning"),
  };
}

/** Cautions travel with included routines: a caution of a part is a caution of the whole. */
export function allCautions(
  routine: Routine,
  includes: Iterable<string>,
  resolve: (id: string) => Routine | undefined,
): string[] {
  const all = [...routine.cautions];
  for (const id of includes) {
    const part = resolve(id);
    for (const caution of part?.cautions ?? []) {
      const labelled = `${part!.name}: ${caution}`;
      if (!all.includes(caution) && !all.includes(labelled)) all.push(labelled);
    }
  }
  return all;
}

/** A routine file read and checked whole; its problems are a KnotError. */
export function readEntry(
  file: string,
  origin: Origin,
  resolve: (id: string) => Routine | undefined,
): RoutineEntry {
  const path = resolvePath(file);
  const parsed = readRoutineFile(path);
  if (!parsed.ok) throw new KnotError(formatIssues(file, parsed.issues));
  const resolver = (id: string) => (id === parsed.routine.id ? parsed.routine : resolve(id));
  const checked = checkRoutine(parsed.routine, resolver);
  if (checked.errors.length > 0) throw new KnotError(formatIssues(file, checked.errors));
  return {
    routine: parsed.routine,
    path,
    origin,
    overridesBuiltIn: false,
    timeline: checked.timeline,
    totalSeconds: totalSeconds(checked.timeline),
    warnings: [...parsed.issues, ...checked.warnings],
    cautions: withKindCautions(
      allCautions(parsed.routine, checked.includes, resolver),
      checked.timeline,
    ),
  };
}
