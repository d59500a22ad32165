import type { EndReason } from "../history/record-types.js";
import type { SessionState } from "./engine-state.js";

/** What a session's state reads as: time left in the step and the routine, and its summary. */

/** Whole seconds left in the current step, counting up (20.0 -> 20, 19.2 -> 20, 0.1 -> 1). */
export function secondsLeft(state: SessionState, now: number): number | null {
  const ms =
    state.status === "paused"
      ? state.remainingMs
      : state.deadline !== null
        ? state.deadline - now
        : null;
  return ms === null ? null : Math.max(0, Math.ceil(ms / 1000));
}

/** Seconds left in the whole routine: this step's and every later timed step's. */
export function routineSecondsLeft(state: SessionState, now: number): number {
  let total = secondsLeft(state, now) ?? 0;
  for (let i = state.index + 1; i < state.timeline.length; i++)
    total += state.timeline[i]!.seconds ?? 0;
  return total;
}

/** When the display next changes: the next whole second of the time left (or in a second). */
export function msUntilNextSecond(state: SessionState, now: number): number {
  if (state.status !== "running" || state.deadline === null) return 1000;
  const left = state.deadline - now;
  if (left <= 0) return 0;
  return left % 1000 || 1000;
}

export interface SessionSummary {
  reason: EndReason;
  startedAt: number;
  endedAt: number;
  plannedSeconds: number;
  doneSeconds: number;
  /** Net seconds added with "+" and "-". */
  addedSeconds: number;
  completed: number;
  skipped: number;
  total: number;
}

export function summarize(state: SessionState, now: number): SessionSummary {
  const endedAt = state.endedAt ?? now;
  const pausedMs =
    state.pausedAt === null ? state.pausedMs : state.pausedMs + (now - state.pausedAt);
  return {
    reason: state.endReason ?? "interrupted",
    startedAt: state.startedAt,
    endedAt,
    plannedSeconds: state.timeline.reduce((sum, s) => sum + (s.seconds ?? 0), 0),
    doneSeconds: Math.max(0, Math.round((endedAt - state.startedAt - pausedMs) / 1000)),
    addedSeconds: state.addedSeconds,
    completed: state.outcomes.filter((o) => o === "done" || o === "late" || o === "shortened")
      .length,
    skipped: state.outcomes.filter((o) => o === "skipped").length,
    total: state.timeline.length,
  };
}
