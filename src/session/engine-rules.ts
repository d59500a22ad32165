import { FLOORS } from "../safety/allowance.js";
import { isThermalStep } from "../safety/rules.js";
import {
  type Command,
  event,
  type RefusedRule,
  type SessionEvent,
  type SessionState,
} from "./engine-state.js";
import { resumeIfPaused } from "./engine-steps.js";

/**
 * The session's own limits on cold, heat and massage: 20 minutes a pack by the wall clock,
 * 10 minutes off before the next one, and a massage step's share of the daily limit.
 */

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
export function capApplication(s: SessionState, now: number): SessionState {
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
export function tooSoon(s: SessionState, now: number, leftMs: number): number | undefined {
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

export function refuse(
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
export const massageRoom = (s: SessionState, index: number): number | undefined => {
  const step = s.timeline[index];
  if (step?.kind !== "massage" || step.maxSeconds === undefined) return undefined;
  return Math.max(0, step.maxSeconds - Math.floor((s.elapsedMs[index] ?? 0) / 1000));
};

/** Seconds the current application may still be lengthened by before it reaches 20 minutes. */
export function applicationRoom(s: SessionState): number {
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
export function tooSoonBase(s: SessionState, now: number, leftMs: number): number {
  let at = now + leftMs;
  for (let i = s.index + 1; i < s.timeline.length && !isThermalStep(s.timeline[i]); i++)
    at += (s.timeline[i]!.seconds ?? 0) * 1000;
  return at;
}
