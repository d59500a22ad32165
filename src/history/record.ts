import type { TimelineEntry } from "../routine/timeline.js";
import { AREAS, type Area, type Category, isThermal } from "../routine/vocabulary.js";
import type {
  EndReason,
  Ratings,
  RecordSummary,
  SessionFacts,
  SessionRecord,
  StepRecord,
} from "./record-types.js";

/**
 * Seconds done on each body area, from the steps done: a step with an area counts for that
 * area; a step without one (a whole-routine stretch, cold or heat) is shared evenly among the
 * session's areas that no step of its own names (all of them when every one is named). Rests
 * and getting ready work no area. So a full session that spent two minutes on the neck shows
 * two minutes there, not the whole session.
 */
export function areaSecondsOf(
  r: Pick<SessionRecord, "areas" | "steps">,
): Partial<Record<Area, number>> {
  const out: Partial<Record<Area, number>> = {};
  const add = (area: Area, seconds: number) => {
    out[area] = (out[area] ?? 0) + seconds;
  };
  const named = new Set(r.steps.flatMap((s) => (s.area ? [s.area] : [])));
  const unnamed = r.areas.filter((a) => !named.has(a));
  const shared = unnamed.length > 0 ? unnamed : r.areas;
  for (const step of r.steps) {
    if (step.done <= 0 || step.kind === "rest" || step.kind === "prepare") continue;
    if (step.area) add(step.area, step.done);
    else for (const area of shared) add(area, step.done / shared.length);
  }
  return out;
}

/**
 * Whether a step put a pack on (a cold or heat step that began) or massaged (a massage step
 * that began, with time done): the steps the safety rules of the last day count
 * (src/safety/past-records.ts).
 */
export const onBodyStep = (step: StepRecord): boolean =>
  step.at !== null && (isThermal(step.kind) || (step.kind === "massage" && step.done > 0));

/**
 * Whether any step of a session put a pack on or massaged (onBodyStep). A session with none,
 * such as a stretch, adds nothing to the safety rules of the last day.
 */
export function putOnBody(r: SessionRecord): boolean {
  for (let i = 0; i < r.steps.length; i++) if (onBodyStep(r.steps[i]!)) return true;
  return false;
}

export const summaryOf = (r: SessionRecord): RecordSummary => ({
  id: r.id,
  routine: r.routine,
  name: r.name,
  category: r.category,
  areas: r.areas,
  startedAt: r.startedAt,
  endedAt: r.endedAt,
  doneSeconds: r.doneSeconds,
  plannedSeconds: r.plannedSeconds,
  ended: r.ended,
  ratings: r.ratings,
  areaSeconds: areaSecondsOf(r),
  onBody: putOnBody(r),
});

export function newRecordId(now: number, random = Math.random): string {
  return `${new Date(now).toISOString().replace(/[-:.]/g, "")}-${Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, "0")}`;
}

export interface RecordInput {
  id: string;
  routine: { id: string; name: string; category: Category; areas: Area[] };
  state: SessionFacts;
  now: number;
  ratings: Ratings;
  resumedFrom?: string;
  /** Overrides the state's end (a checkpoint of a session that is still running). */
  ended?: EndReason;
}

/** Builds the history record of a session from the engine's state. */
export function buildRecord(input: RecordInput): SessionRecord {
  const { state, routine } = input;
  const steps: StepRecord[] = state.timeline.map((entry: TimelineEntry, i) => {
    const started = state.startedAtByStep[i] ?? null;
    const step: StepRecord = {
      name: entry.name,
      kind: entry.kind,
      planned: entry.seconds,
      done: Math.round((state.elapsedMs[i] ?? 0) / 1000),
      outcome: state.outcomes[i] ?? "pending",
      at: started === null ? null : new Date(started).toISOString(),
    };
    if (entry.side) step.side = entry.side;
    if (entry.area) step.area = entry.area;
    return step;
  });
  const worked = steps.filter((s) => s.done > 0);
  const areas = new Set<Area>();
  for (const s of worked) for (const a of s.area ? [s.area] : routine.areas) areas.add(a);
  const sides = [...new Set(worked.flatMap((s) => (s.side ? [s.side] : [])))].sort();
  const endedAt = state.endedAt ?? input.now;
  const record: SessionRecord = {
    v: 1,
    id: input.id,
    routine: routine.id,
    name: routine.name,
    category: routine.category,
    areas: AREAS.filter((a) => areas.has(a)),
    sides,
    startedAt: new Date(state.startedAt).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    plannedSeconds: state.timeline.reduce((sum, s) => sum + (s.seconds ?? 0), 0),
    doneSeconds: steps.reduce((sum, s) => sum + s.done, 0),
    ended: input.ended ?? state.endReason ?? "interrupted",
    ratings: input.ratings,
    steps,
    stoppedAt: state.index,
  };
  if (input.resumedFrom) record.resumedFrom = input.resumedFrom;
  return record;
}
