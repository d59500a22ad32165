import { LIMITS } from "../routine/limits.js";
import type { TimelineEntry } from "../routine/timeline.js";

/**
 * The coach's state machine: pure, driven by the times it is handed. Every timed step has a
 * deadline on the wall clock; time left is always `deadline - now`, never a counter, so nothing
 * drifts. Pausing moves the deadline. Each transition returns the new state and the events that
 * happened, which the edges turn into screens, cues and JSON lines.
 */

export type StepOutcome = "pending" | "done" | "late" | "skipped" | "shortened";
export type Status = "running" | "paused" | "waiting" | "finished";
export type EndReason = "completed" | "quit" | "pain" | "interrupted";

export type Command =
  | "pause"
  | "next"
  | "back"
  | "extend"
  | "shorten"
  | "enter"
  | "quit"
  | "pain"
  | "interrupt";

export interface SessionState {
  readonly timeline: readonly TimelineEntry[];
  index: number;
  status: Status;
  /** When the current timed step ends (running only). */
  deadline: number | null;
  /** Time left in the current timed step while paused. */
  remainingMs: number | null;
  /** Length of the current step after + / - adjustments, in seconds. */
  stepSeconds: number | null;
  stepStartedAt: number;
  startedAt: number;
  lastNow: number;
  pausedMs: number;
  pausedAt: number | null;
  outcomes: StepOutcome[];
  /** Time spent in each step, pauses excluded (a step gone back to keeps what it had). */
  elapsedMs: number[];
  /** When each step last started. */
  startedAtByStep: (number | null)[];
  /** Time paused in the current step so far. */
  stepPausedMs: number;
  /** Whether the current step was shortened with "-". */
  shortened: boolean;
  endReason?: EndReason;
  endedAt?: number;
}

interface EventBase {
  at: number;
  index: number;
  count: number;
}

export type SessionEvent = EventBase &
  (
    | { type: "session-start" }
    | { type: "step-start" }
    | { type: "step-end"; outcome: StepOutcome }
    | { type: "pause" }
    | { type: "resume" }
    | { type: "skip" }
    | { type: "back" }
    | { type: "adjust"; deltaSeconds: number; seconds: number }
    | {
        type: "clock-jump";
        awaySeconds: number;
        /** A cold or heat step that ended while knot was away: the pack is still on. */
        pack?: { kind: "cold" | "heat"; onSeconds: number };
      }
    | { type: "session-end"; reason: EndReason }
  );

export interface Transition {
  state: SessionState;
  events: SessionEvent[];
}

/** A gap between two looks at the clock longer than this means the laptop slept or knot was stopped. */
export const JUMP_THRESHOLD_MS = 3000;
/** The clock reading this much earlier than last time means it was set back. */
export const BACKWARD_TOLERANCE_MS = 1000;

const isThermal = (
  step: TimelineEntry | undefined,
): step is TimelineEntry & { kind: "cold" | "heat" } =>
  step?.kind === "cold" || step?.kind === "heat";

/** Starts a session at its first step, or at `startIndex` when resuming one that was cut off. */
export function startSession(
  timeline: readonly TimelineEntry[],
  now: number,
  startIndex = 0,
): Transition {
  if (timeline.length === 0) throw new Error("a session needs at least one step");
  const first = Math.min(Math.max(0, startIndex), timeline.length - 1);
  const state: SessionState = {
    timeline,
    index: 0,
    status: "running",
    deadline: null,
    remainingMs: null,
    stepSeconds: null,
    stepStartedAt: now,
    startedAt: now,
    lastNow: now,
    pausedMs: 0,
    pausedAt: null,
    outcomes: timeline.map(() => "pending"),
    elapsedMs: timeline.map(() => 0),
    startedAtByStep: timeline.map(() => null),
    stepPausedMs: 0,
    shortened: false,
  };
  const events: SessionEvent[] = [
    event({ ...state, index: first }, now, { type: "session-start" }),
  ];
  return { state: enterStep(state, first, now, events), events };
}

function event(
  state: SessionState,
  at: number,
  body: DistributiveOmit<SessionEvent, keyof EventBase>,
): SessionEvent {
  return { at, index: state.index, count: state.timeline.length, ...body } as SessionEvent;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Starts step `index` at `startAt` (its scheduled start, so that lateness does not add up). */
function enterStep(
  state: SessionState,
  index: number,
  startAt: number,
  events: SessionEvent[],
): SessionState {
  const step = state.timeline[index];
  if (!step) return finish(state, startAt, "completed", events);
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

function endStep(
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
function leaveStep(state: SessionState, at: number): SessionState {
  const pausedNow = state.pausedAt === null ? 0 : at - state.pausedAt;
  const spent = Math.max(0, at - state.stepStartedAt - state.stepPausedMs - pausedNow);
  const elapsedMs = [...state.elapsedMs];
  elapsedMs[state.index] = (elapsedMs[state.index] ?? 0) + spent;
  return { ...state, elapsedMs };
}

function finish(
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

/** The clock moved on: end steps whose deadlines passed, and notice jumps in either direction. */
export function tick(state: SessionState, now: number): Transition {
  const events: SessionEvent[] = [];
  if (state.status === "finished") return { state, events };
  let s: SessionState = { ...state, lastNow: now };
  const gap = now - state.lastNow;

  if (gap < -BACKWARD_TOLERANCE_MS) {
    // The clock was set back: keep the time left as it was at the last look.
    if (s.deadline !== null) s.deadline += gap;
    s.stepStartedAt += gap;
    if (s.pausedAt !== null) s.pausedAt += gap;
    s.startedAt += gap;
    s.startedAtByStep = s.startedAtByStep.map((t) => (t === null ? null : t + gap));
    events.push(event(s, now, { type: "clock-jump", awaySeconds: Math.round(gap / 1000) }));
    return { state: s, events };
  }

  const jumped = gap > JUMP_THRESHOLD_MS && s.status === "running";
  let packEndedDuringJump: { kind: "cold" | "heat"; startedAt: number } | undefined;
  while (s.status === "running" && s.deadline !== null && now >= s.deadline) {
    const ended = s.timeline[s.index];
    const endedAt = s.deadline;
    // Deadlines before the last look were handled then, so any passing now fell in the gap.
    const late = jumped;
    s = endStep(s, endedAt, late ? "late" : s.shortened ? "shortened" : "done", events);
    if (late && isThermal(ended))
      packEndedDuringJump = { kind: ended.kind, startedAt: s.stepStartedAt };
    // After a pack was left on, the next step (taking it off) starts now, in full.
    s = enterStep(s, s.index + 1, packEndedDuringJump ? now : endedAt, events);
  }
  if (jumped) {
    const jump: SessionEvent = event(s, now, {
      type: "clock-jump",
      awaySeconds: Math.round(gap / 1000),
      ...(packEndedDuringJump
        ? {
            pack: {
              kind: packEndedDuringJump.kind,
              onSeconds: Math.round((now - packEndedDuringJump.startedAt) / 1000),
            },
          }
        : {}),
    });
    events.unshift(jump);
  }
  return { state: s, events };
}

/** A key or signal: each command's effect on the session. */
export function command(state: SessionState, cmd: Command, now: number): Transition {
  const events: SessionEvent[] = [];
  if (state.status === "finished") return { state, events };
  // Bring the clock up to date first, so that a key pressed just after a deadline acts on the right step.
  const caught = tick(state, now);
  let s = caught.state;
  events.push(...caught.events);
  if (s.status === "finished") return { state: s, events };

  switch (cmd) {
    case "pause":
      if (s.status === "running" && s.deadline !== null) {
        s = {
          ...s,
          status: "paused",
          remainingMs: s.deadline - now,
          deadline: null,
          pausedAt: now,
        };
        events.push(event(s, now, { type: "pause" }));
      } else if (s.status === "paused" && s.remainingMs !== null && s.pausedAt !== null) {
        s = {
          ...s,
          status: "running",
          deadline: now + s.remainingMs,
          remainingMs: null,
          pausedMs: s.pausedMs + (now - s.pausedAt),
          stepPausedMs: s.stepPausedMs + (now - s.pausedAt),
          pausedAt: null,
        };
        events.push(event(s, now, { type: "resume" }));
      }
      break;
    case "enter":
      if (s.status === "waiting") {
        s = endStep(s, now, "done", events);
        s = enterStep(s, s.index + 1, now, events);
      }
      break;
    case "next": {
      s = resumeIfPaused(s, now);
      events.push(event(s, now, { type: "skip" }));
      s = endStep(s, now, "skipped", events);
      s = enterStep(s, s.index + 1, now, events);
      break;
    }
    case "back": {
      s = leaveStep(resumeIfPaused(s, now), now);
      const outcomes = [...s.outcomes];
      const target = Math.max(0, s.index - 1);
      outcomes[s.index] = "pending";
      outcomes[target] = "pending";
      s = { ...s, outcomes, index: target };
      events.push(event(s, now, { type: "back" }));
      s = enterStep(s, target, now, events);
      break;
    }
    case "extend":
    case "shorten":
      s = adjust(s, cmd === "extend" ? 1 : -1, now, events);
      break;
    case "quit":
      s = finish(s, now, "quit", events);
      break;
    case "pain":
      s = finish(s, now, "pain", events);
      break;
    case "interrupt":
      s = finish(s, now, "interrupted", events);
      break;
  }
  return { state: s, events };
}

function resumeIfPaused(s: SessionState, now: number): SessionState {
  if (s.status !== "paused" || s.pausedAt === null) return s;
  return {
    ...s,
    status: "running",
    pausedMs: s.pausedMs + (now - s.pausedAt),
    stepPausedMs: s.stepPausedMs + (now - s.pausedAt),
    pausedAt: null,
  };
}

/**
 * + / -: 10 s, or 30 s on steps over 5 minutes. Cold and heat never pass the 20-minute limit,
 * and a step with `maxSeconds` (massage within the daily limit) never passes that.
 */
export function adjustStep(seconds: number): number {
  return seconds > 300 ? 30 : 10;
}

function adjust(s: SessionState, sign: 1 | -1, now: number, events: SessionEvent[]): SessionState {
  if (s.stepSeconds === null || (s.status !== "running" && s.status !== "paused")) return s;
  const step = s.timeline[s.index];
  let delta = sign * adjustStep(s.stepSeconds);
  if (sign > 0 && isThermal(step)) delta = Math.min(delta, LIMITS.thermalSeconds - s.stepSeconds);
  if (sign > 0 && step?.maxSeconds !== undefined) {
    delta = Math.max(0, Math.min(delta, step.maxSeconds - s.stepSeconds));
  }
  const remaining = s.status === "paused" ? (s.remainingMs ?? 0) : (s.deadline ?? now) - now;
  // Never below one second left: "-" shortens, it does not skip.
  if (sign < 0) delta = Math.max(delta, -Math.floor((remaining - 1000) / 1000));
  if (delta === 0) return s;
  const next: SessionState = {
    ...s,
    stepSeconds: s.stepSeconds + delta,
    shortened: s.shortened || delta < 0,
    ...(s.status === "paused"
      ? { remainingMs: remaining + delta * 1000 }
      : { deadline: (s.deadline ?? now) + delta * 1000 }),
  };
  events.push(
    event(next, now, { type: "adjust", deltaSeconds: delta, seconds: next.stepSeconds! }),
  );
  return next;
}

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
    completed: state.outcomes.filter((o) => o === "done" || o === "late" || o === "shortened")
      .length,
    skipped: state.outcomes.filter((o) => o === "skipped").length,
    total: state.timeline.length,
  };
}
