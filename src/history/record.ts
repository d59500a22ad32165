import type { TimelineEntry } from "../routine/timeline.js";
import {
  AREAS,
  type Area,
  CATEGORIES,
  type Category,
  type Side,
  STEP_KINDS,
  type StepKind,
} from "../routine/vocabulary.js";
import type { EndReason, SessionState, StepOutcome } from "../session/engine.js";
import { hasUnsafe } from "../ui/safe.js";

/** One step as it went: what was planned, how long was done, and how it ended. */
export interface StepRecord {
  name: string;
  kind: StepKind;
  side?: Side;
  area?: Area;
  /** Planned seconds; null for a step that waits for Enter. */
  planned: number | null;
  /** Seconds actually spent, pauses excluded. */
  done: number;
  outcome: StepOutcome;
  /** When the step (last) started, ISO; null if it never did. */
  at: string | null;
}

export interface Ratings {
  before?: number;
  after?: number;
}

/** One session in the history file (one JSON object per line). */
export interface SessionRecord {
  v: 1;
  id: string;
  routine: string;
  name: string;
  category: Category;
  /** Body areas worked: the steps' own areas, or the routine's where a step has none. */
  areas: Area[];
  sides: Side[];
  startedAt: string;
  endedAt: string;
  plannedSeconds: number;
  doneSeconds: number;
  ended: EndReason;
  ratings: Ratings;
  steps: StepRecord[];
  /** The step the session ended in (the one to resume at). */
  stoppedAt: number;
  /** Set when this session resumed one that was cut off. */
  resumedFrom?: string;
}

/**
 * What the rules over weeks (getting worse, not releasing), the charts and the streak need of
 * a session: a record without its steps. The history's month indexes keep these, so weeks and
 * years of sessions are read without reading every step of every one.
 */
export type RecordSummary = Pick<
  SessionRecord,
  | "id"
  | "routine"
  | "name"
  | "category"
  | "areas"
  | "startedAt"
  | "endedAt"
  | "doneSeconds"
  | "plannedSeconds"
  | "ended"
  | "ratings"
>;

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
});

export const END_REASONS: readonly EndReason[] = ["completed", "quit", "pain", "interrupted"];

export function newRecordId(now: number, random = Math.random): string {
  return `${new Date(now).toISOString().replace(/[-:.]/g, "")}-${Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, "0")}`;
}

export interface RecordInput {
  id: string;
  routine: { id: string; name: string; category: Category; areas: Area[] };
  state: SessionState;
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

/** A time as knot writes it (toISOString: UTC, to the millisecond), and a real one. */
const isIso = (v: unknown) =>
  typeof v === "string" &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v) &&
  !Number.isNaN(Date.parse(v));
const isRating = (v: unknown) =>
  v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10);
const isCount = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;
/** Text a record may hold: a string of sensible length with nothing a terminal would obey. */
const isText = (v: unknown, max = 200) =>
  typeof v === "string" && v.length > 0 && v.length <= max && !hasUnsafe(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === "string" && (values as readonly string[]).includes(v);
const isArea = oneOf(AREAS);
const isSide = oneOf(["left", "right"] as const);
const isKind = oneOf(STEP_KINDS);
const isOutcome = oneOf(["pending", "done", "late", "skipped", "shortened"] as const);

function isStepRecord(value: unknown): value is StepRecord {
  const s = value as Partial<StepRecord> | null;
  return (
    typeof s === "object" &&
    s !== null &&
    !Array.isArray(s) &&
    isText(s.name) &&
    isKind(s.kind) &&
    (s.side === undefined || isSide(s.side)) &&
    (s.area === undefined || isArea(s.area)) &&
    (s.planned === null || isCount(s.planned)) &&
    isCount(s.done) &&
    isOutcome(s.outcome) &&
    (s.at === null || isIso(s.at))
  );
}

/**
 * Whether a parsed history line is a record knot can use, checked as strictly as a routine
 * file: every field of the right type, every word one knot knows, no text a terminal would
 * obey. Anything else is a damaged line, skipped with one warning.
 */
export function isSessionRecord(value: unknown): value is SessionRecord {
  const r = value as Partial<SessionRecord> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    !Array.isArray(r) &&
    r.v === 1 &&
    isText(r.id, 64) &&
    isText(r.routine, 64) &&
    isText(r.name) &&
    oneOf(CATEGORIES)(r.category) &&
    Array.isArray(r.areas) &&
    r.areas.every(isArea) &&
    Array.isArray(r.sides) &&
    r.sides.every(isSide) &&
    isIso(r.startedAt) &&
    isIso(r.endedAt) &&
    isCount(r.plannedSeconds) &&
    isCount(r.doneSeconds) &&
    END_REASONS.includes(r.ended as EndReason) &&
    typeof r.ratings === "object" &&
    r.ratings !== null &&
    !Array.isArray(r.ratings) &&
    isRating(r.ratings.before) &&
    isRating(r.ratings.after) &&
    Array.isArray(r.steps) &&
    r.steps.length <= 10_000 &&
    r.steps.every(isStepRecord) &&
    Number.isInteger(r.stoppedAt) &&
    (r.stoppedAt as number) >= 0 &&
    (r.resumedFrom === undefined || isText(r.resumedFrom, 64))
  );
}
