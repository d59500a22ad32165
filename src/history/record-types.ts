import type { TimelineEntry } from "../routine/timeline.js";
import type { Area, Category, Side, StepKind } from "../routine/vocabulary.js";

/** The shapes of the history: a session as kept, one line of the history file, and its summary. */

/** How a step ended (or has not yet): "late" is a wait for Enter past its time. */
export type StepOutcome = "pending" | "done" | "late" | "skipped" | "shortened";
/** How a session ended. */
export type EndReason = "completed" | "quit" | "pain" | "interrupted";

/** What a record is made from: the session's state as the engine keeps it. */
export interface SessionFacts {
  readonly timeline: readonly TimelineEntry[];
  index: number;
  startedAt: number;
  outcomes: readonly StepOutcome[];
  elapsedMs: readonly number[];
  startedAtByStep: readonly (number | null)[];
  endReason?: EndReason;
  endedAt?: number;
}

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
> & {
  /** Seconds done on each body area, from the steps (see areaSecondsOf). */
  areaSeconds?: Partial<Record<Area, number>>;
  /**
   * Whether a step of it put a pack on or massaged (see putOnBody): the safety rules of the
   * last day read the steps of these sessions only. Unknown (undefined) counts as yes.
   */
  onBody?: boolean;
};
