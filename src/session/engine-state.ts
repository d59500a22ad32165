import type { EndReason, StepOutcome } from "../history/record-types.js";
import type { TimelineEntry } from "../routine/timeline.js";

/** The session's state, its commands and events, and the one helper that makes an event. */

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

export interface EventBase {
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

/** An event at `at`, placed at the state's current step. */
export function event(
  state: SessionState,
  at: number,
  body: DistributiveOmit<SessionEvent, keyof EventBase>,
): SessionEvent {
  return { at, index: state.index, count: state.timeline.length, ...body } as SessionEvent;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
