import type { EndReason, StepOutcome } from "../history/record.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { FLOORS } from "../safety/allowance.js";
import { isThermalStep } from "../safety/rules.js";

/**
 * The coach's state machine: pure, driven by the times it is handed. Every timed step has a
 * deadline on the wall clock; time left is always `deadline - now`, never a counter, so nothing
 * drifts. Pausing moves the deadline. Each transition returns the new state and the events that
 * happened, which the edges turn into screens, cues and JSON lines.
 */

export type { EndReason, StepOutcome };
export type Status = "running" | "paused" | "waiting" | "finished";

export type Command =
  | "pause"
  | "next"
  | "back"
  | "extend"
  | "shorten"
  | "enter"
  /** Nobody can press Enter (input ran out): a step that waits carries on by itself. */
  | "carry-on"
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
  /** Seconds added with "+" (less those taken off with "-") over the whole session. */
  addedSeconds: number;
  /**
   * When a pack last came off (confirmed in this session, or from earlier sessions): the next
   * cold or heat may start only 10 minutes after it, whatever keys are pressed.
   */
  lastThermalEnd: number | null;
  /** Where the session began (a resumed one, later than 0): b never goes before it. */
  firstIndex: number;
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
        type: "refused";
        /** The command that was refused, and the rule that refused it. */
        command: Command;
        rule: RefusedRule;
        /** time-off: when the next cold or heat may start. */
        until?: number;
      }
    | {
        type: "clock-jump";
        awaySeconds: number;
        /** A cold or heat step that ended while knot was away: the pack is still on. */
        pack?: { kind: "cold" | "heat"; onSeconds: number };
      }
    | { type: "session-end"; reason: EndReason }
  );

/**
 * Why a key did nothing: the pack is on or waiting to come off (it comes off before anything
 * else), 10 minutes off before the next application, or no massage left in the allowance.
 */
export type RefusedRule = "pack-on" | "pack-off" | "time-off" | "massage-limit";

export interface Transition {
  state: SessionState;
  events: SessionEvent[];
}

/** A gap between two looks at the clock longer than this means the laptop slept or knot was stopped. */
export const JUMP_THRESHOLD_MS = 3000;
/** The clock reading this much earlier than last time means it was set back. */
export const BACKWARD_TOLERANCE_MS = 1000;

/** Starts a session at its first step, or at `startIndex` when resuming one that was cut off. */
export function startSession(
  timeline: readonly TimelineEntry[],
  now: number,
  startIndex = 0,
  /** When the last pack of earlier sessions came off (the allowance's), if it matters still. */
  lastThermalEnd: number | null = null,
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
    addedSeconds: 0,
    lastThermalEnd,
    firstIndex: first,
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

  s = capApplication(s, now);
  const jumped = gap > JUMP_THRESHOLD_MS && s.status === "running";
  let packEndedDuringJump: { kind: "cold" | "heat"; startedAt: number } | undefined;
  while (s.status === "running" && s.deadline !== null && now >= s.deadline) {
    const ended = s.timeline[s.index];
    const endedAt = s.deadline;
    // Deadlines before the last look were handled then, so any passing now fell in the gap.
    const late = jumped;
    s = endStep(s, endedAt, late ? "late" : s.shortened ? "shortened" : "done", events);
    if (late && isThermalStep(ended))
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

/** When the current application of cold or heat began (its first step's start). */
export function applicationStart(state: SessionState): number | undefined {
  const step = state.timeline[state.index];
  if (!isThermalStep(step)) return undefined;
  let first = state.index;
  while (first > 0 && state.timeline[first - 1]?.kind === step.kind) first -= 1;
  return state.startedAtByStep[first] ?? state.stepStartedAt;
}

/**
 * A pack is on for at most 20 minutes by the wall clock: a pause does not stop it, so a cold
 * or heat step ends at that mark whatever its countdown says, and the call to take the pack
 * off begins.
 */
function capApplication(s: SessionState, now: number): SessionState {
  const start = applicationStart(s);
  if (start === undefined) return s;
  const capAt = start + FLOORS.applicationSeconds * 1000;
  if (s.status === "paused" && now >= capAt) return { ...resumeIfPaused(s, now), deadline: capAt };
  if (s.status === "running" && s.deadline !== null && s.deadline > capAt)
    return { ...s, deadline: capAt };
  return s;
}

/**
 * The first moment the next cold or heat application could start if the current step ended
 * `leftMs` from now, when that breaks the 10 minutes off; undefined when it does not, or when
 * a step that waits for Enter lies between (Enter there is checked in turn).
 */
function tooSoon(s: SessionState, now: number, leftMs: number): number | undefined {
  if (s.lastThermalEnd === null) return undefined;
  let at = now + leftMs;
  for (let i = s.index + 1; i < s.timeline.length; i++) {
    const step = s.timeline[i]!;
    if (isThermalStep(step)) {
      const earliest = s.lastThermalEnd + FLOORS.offSeconds * 1000;
      return at < earliest ? earliest : undefined;
    }
    if (step.seconds === null) return undefined;
    at += step.seconds * 1000;
  }
  return undefined;
}

function refuse(
  s: SessionState,
  now: number,
  cmd: Command,
  rule: RefusedRule,
  events: SessionEvent[],
  until?: number,
): SessionState {
  events.push(event(s, now, { type: "refused", command: cmd, rule, ...(until ? { until } : {}) }));
  return s;
}

/** Seconds a massage step may still run: its cap less what earlier runs of it used. */
const massageRoom = (s: SessionState, index: number): number | undefined => {
  const step = s.timeline[index];
  if (step?.kind !== "massage" || step.maxSeconds === undefined) return undefined;
  return Math.max(0, step.maxSeconds - Math.floor((s.elapsedMs[index] ?? 0) / 1000));
};

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
    case "carry-on": {
      if (s.status !== "waiting") break;
      // Enter at "take the pack off" is the person saying it is off: the 10 minutes start now.
      // Carrying on by itself it is the best guess, but nobody said so: the step ends "late",
      // and the history does not count the pack as confirmed off.
      const packOff = Boolean(s.timeline[s.index]?.packOff);
      if (packOff) s = { ...s, lastThermalEnd: now };
      const until = tooSoon(s, now, 0);
      if (until !== undefined) {
        s = refuse(s, now, cmd, "time-off", events, until);
        break;
      }
      s = endStep(s, now, packOff && cmd === "carry-on" ? "late" : "done", events);
      s = enterStep(s, s.index + 1, now, events);
      break;
    }
    case "next": {
      if (s.timeline[s.index]?.packOff) {
        s = refuse(s, now, cmd, "pack-off", events);
        break;
      }
      const until = tooSoon(s, now, 0);
      if (until !== undefined) {
        s = refuse(s, now, cmd, "time-off", events, until);
        break;
      }
      s = resumeIfPaused(s, now);
      events.push(event(s, now, { type: "skip" }));
      s = endStep(s, now, "skipped", events);
      s = enterStep(s, s.index + 1, now, events);
      break;
    }
    case "back": {
      // Never before where the session began: a resumed session's earlier steps were done then.
      const target = Math.max(s.firstIndex, s.index - 1);
      const here = s.timeline[s.index];
      const there = s.timeline[target];
      // A pack on, or waiting to come off, comes off first; an application is never replayed.
      if (isThermalStep(here)) {
        s = refuse(s, now, cmd, "pack-on", events);
        break;
      }
      if (here?.packOff || (isThermalStep(there) && s.startedAtByStep[target] !== null)) {
        s = refuse(s, now, cmd, "pack-off", events);
        break;
      }
      const room = target === s.index ? undefined : massageRoom(s, target);
      if (room !== undefined && room < 1) {
        s = refuse(s, now, cmd, "massage-limit", events);
        break;
      }
      s = leaveStep(resumeIfPaused(s, now), now);
      const outcomes = [...s.outcomes];
      outcomes[s.index] = "pending";
      outcomes[target] = "pending";
      s = { ...s, outcomes, index: target };
      events.push(event(s, now, { type: "back" }));
      s = enterStep(s, target, now, events, room ?? massageRoom(s, target));
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
  // "+" never lengthens an application past 20 minutes, counting all of its steps.
  if (sign > 0 && isThermalStep(step)) delta = Math.min(delta, applicationRoom(s));
  const room = massageRoom(s, s.index);
  if (sign > 0 && room !== undefined) delta = Math.max(0, Math.min(delta, room - s.stepSeconds));
  const remaining = s.status === "paused" ? (s.remainingMs ?? 0) : (s.deadline ?? now) - now;
  // Never below one second left: "-" shortens, it does not skip.
  if (sign < 0) delta = Math.max(delta, -Math.floor((remaining - 1000) / 1000));
  // Nor so short that the next cold or heat would start before 10 minutes off.
  if (sign < 0 && s.lastThermalEnd !== null && !isThermalStep(step)) {
    const until = tooSoon(s, now, remaining + delta * 1000);
    if (until !== undefined) {
      const slack = tooSoonBase(s, now, remaining) - until;
      delta = Math.max(delta, slack > 0 ? -Math.floor(slack / 1000) : 0);
      if (delta === 0) return refuse(s, now, "shorten", "time-off", events, until);
    }
  }
  if (delta === 0) return s;
  const next: SessionState = {
    ...s,
    stepSeconds: s.stepSeconds + delta,
    shortened: s.shortened || delta < 0,
    addedSeconds: s.addedSeconds + delta,
    ...(s.status === "paused"
      ? { remainingMs: remaining + delta * 1000 }
      : { deadline: (s.deadline ?? now) + delta * 1000 }),
  };
  events.push(
    event(next, now, { type: "adjust", deltaSeconds: delta, seconds: next.stepSeconds! }),
  );
  return next;
}

/** Seconds the current application may still be lengthened by before it reaches 20 minutes. */
function applicationRoom(s: SessionState): number {
  const step = s.timeline[s.index];
  if (!isThermalStep(step)) return Number.POSITIVE_INFINITY;
  let others = 0;
  for (let i = s.index - 1; i >= 0 && s.timeline[i]?.kind === step.kind; i--)
    others += Math.round((s.elapsedMs[i] ?? 0) / 1000);
  for (let i = s.index + 1; i < s.timeline.length && s.timeline[i]?.kind === step.kind; i++)
    others += s.timeline[i]!.seconds ?? 0;
  return Math.max(0, FLOORS.applicationSeconds - others - (s.stepSeconds ?? 0));
}

/** When the next application would start if the current step ended `leftMs` from now. */
function tooSoonBase(s: SessionState, now: number, leftMs: number): number {
  let at = now + leftMs;
  for (let i = s.index + 1; i < s.timeline.length && !isThermalStep(s.timeline[i]); i++)
    at += (s.timeline[i]!.seconds ?? 0) * 1000;
  return at;
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
