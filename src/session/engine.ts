import type { TimelineEntry } from "../routine/timeline.js";
import { isThermalStep } from "../safety/rules.js";
import {
  applicationRoom,
  capApplication,
  massageRoom,
  refuse,
  tooSoon,
  tooSoonBase,
} from "./engine-rules.js";
import {
  BACKWARD_TOLERANCE_MS,
  type Command,
  event,
  JUMP_THRESHOLD_MS,
  type SessionEvent,
  type SessionState,
  type Transition,
} from "./engine-state.js";
import { endStep, enterStep, finish, leaveStep, resumeIfPaused } from "./engine-steps.js";

/**
 * The coach's state machine: pure, driven by the times it is handed. Every timed step has a
 * deadline on the wall clock; time left is always `deadline - now`, never a counter, so nothing
 * drifts. Pausing moves the deadline. Each transition returns the new state and the events that
 * happened, which the edges turn into screens, cues and JSON lines.
 */

export {
  msUntilNextSecond,
  routineSecondsLeft,
  type SessionSummary,
  secondsLeft,
  summarize,
} from "./engine-readings.js";
export { applicationStart } from "./engine-rules.js";
export {
  BACKWARD_TOLERANCE_MS,
  type Command,
  type EndReason,
  JUMP_THRESHOLD_MS,
  type RefusedRule,
  type SessionEvent,
  type SessionState,
  type Status,
  type StepOutcome,
  type Transition,
} from "./engine-state.js";

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
