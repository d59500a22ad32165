import type { EndReason, StepOutcome } from "../history/record-types.js";
import { event, type SessionEvent, type SessionState } from "./engine-state.js";

/** Entering, ending and leaving a step, and finishing the session: the moves every command makes. */

/** Starts step `index` at `startAt` (its scheduled start, so that lateness does not add up). */
export function enterStep(
  state: SessionState,
  index: number,
  startAt: number,
  events: SessionEvent[],
  /** A shorter run of the step (massage gone back to, with only so much allowance left). */
  secondsOverride?: number,
): SessionState {
  const base = state.timeline[index];
  if (!base) return finish(state, startAt, "completed", events);
  const step =
    secondsOverride === undefined || base.seconds === null
      ? base
      : { ...base, seconds: Math.min(base.seconds, secondsOverride) };
  const startedAtByStep = [...state.startedAtByStep];
  startedAtByStep[index] = startAt;
  const next: SessionState = {
    ...state,
    index,
    startedAtByStep,
    stepPausedMs: 0,
    stepStartedAt: startAt,
    stepSeconds: step.seconds,
    shortened: false,
    remainingMs: null,
    deadline: step.seconds === null ? null : startAt + step.seconds * 1000,
    status: step.seconds === null ? "waiting" : "running",
  };
  events.push(event(next, startAt, { type: "step-start" }));
  return next;
}

export function endStep(
  state: SessionState,
  at: number,
  outcome: StepOutcome,
  events: SessionEvent[],
): SessionState {
  const outcomes = [...state.outcomes];
  outcomes[state.index] = outcome;
  events.push(event(state, at, { type: "step-end", outcome }));
  return { ...leaveStep(state, at), outcomes };
}

/** Adds the time spent in the current step (pauses excluded) to its total. */
export function leaveStep(state: SessionState, at: number): SessionState {
  const pausedNow = state.pausedAt === null ? 0 : at - state.pausedAt;
  const spent = Math.max(0, at - state.stepStartedAt - state.stepPausedMs - pausedNow);
  const elapsedMs = [...state.elapsedMs];
  elapsedMs[state.index] = (elapsedMs[state.index] ?? 0) + spent;
  return { ...state, elapsedMs };
}

export function finish(
  state: SessionState,
  now: number,
  reason: EndReason,
  events: SessionEvent[],
): SessionState {
  const pausedMs =
    state.pausedAt === null ? state.pausedMs : state.pausedMs + (now - state.pausedAt);
  // A session ending mid-step keeps the time spent in that step.
  const inStep = state.index < state.timeline.length && state.outcomes[state.index] === "pending";
  const done: SessionState = {
    ...(inStep ? leaveStep(state, now) : state),
    index: Math.min(state.index, state.timeline.length - 1),
    status: "finished",
    deadline: null,
    pausedAt: null,
    pausedMs,
    endReason: reason,
    endedAt: now,
  };
  events.push(event(done, now, { type: "session-end", reason }));
  return done;
}

export function resumeIfPaused(s: SessionState, now: number): SessionState {
  if (s.status !== "paused" || s.pausedAt === null) return s;
  return {
    ...s,
    status: "running",
    pausedMs: s.pausedMs + (now - s.pausedAt),
    stepPausedMs: s.stepPausedMs + (now - s.pausedAt),
    pausedAt: null,
  };
}
