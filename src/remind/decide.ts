import { startOfDay } from "../history/analysis.js";
import type { RecordSummary, SessionRecord } from "../history/record-types.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { Area, Category } from "../routine/vocabulary.js";
import {
  allowanceAt,
  checkPlan,
  type Decision,
  massageLeft,
  plannedMassage,
} from "../safety/allowance.js";
import { type KeptSafety, safetyPast } from "../safety/past.js";
import type { KeptReason } from "../safety/trend.js";
import { inHours, lastSlot, nextSlot, type Reminder } from "./model.js";

/** What knot remembers of a reminder between runs (kept in the data folder, not settings). */
export interface ReminderState {
  /** When it last reached the person (or was decided on and stayed silent). */
  lastFiredAt?: number;
  /** Snoozed (from `--here`) until then. */
  snoozedUntil?: number;
  /** When the advice to see a doctor was last given instead of a nudge. */
  lastAdviceAt?: number;
}

/** The routine a reminder is for, as far as the rules need it. */
export interface NudgeRoutine {
  id: string;
  name: string;
  category: Category;
  areas: Area[];
  /** Its steps, as a session runs them: what the allowance checks, as before a session. */
  timeline: readonly TimelineEntry[];
}

export interface NudgeInput {
  reminder: Reminder;
  routine: NudgeRoutine;
  now: number;
  state: ReminderState;
  /** Whole records since yesterday (daily limits, cold's gap, the heat count). */
  records: readonly SessionRecord[];
  /** Summaries of the last six weeks (the getting-worse rules). */
  recent: readonly RecordSummary[];
  massageLimitSeconds: number;
  /** What a cleared history left for the safety rules (safety-snapshot.json). */
  kept?: KeptSafety;
}

/** Why a reminder stays quiet, as a code: what callers decide by (the words are for people). */
export type QuietCode =
  | "not-due"
  | "snoozed"
  | "already-reminded"
  | "outside-hours"
  | "advice-given"
  | "done-in-interval"
  | "done-since-set"
  | Exclude<Decision["rule"], "advice">;

export type Nudge =
  | { action: "remind" }
  | { action: "advise"; reasons: KeptReason[] }
  /** Held back, by a code (worded by src/text/remind.ts); the routine's kind where it matters. */
  | { action: "quiet"; code: QuietCode; category?: Category };

/**
 * Whether a one-time reminder has nothing left to say: a session of its kind was done since it
 * was set, so it is removed rather than asked again.
 */
export const isSpent = (nudge: Nudge): boolean =>
  nudge.action === "quiet" && nudge.code === "done-since-set";

const MINUTE = 60_000;

/**
 * When a reminder was last due at or before `now`: its latest slot, or a snooze's end. A slot
 * before the reminder was set is not one of its own: a new reminder waits for its first.
 */
export function lastDue(reminder: Reminder, state: ReminderState, now: number): number | undefined {
  const latest = lastSlot(reminder, now);
  const slot =
    latest !== undefined && latest >= Date.parse(reminder.createdAt) ? latest : undefined;
  const snoozeEnd =
    state.snoozedUntil !== undefined && state.snoozedUntil <= now ? state.snoozedUntil : undefined;
  if (slot === undefined) return snoozeEnd;
  return snoozeEnd === undefined ? slot : Math.max(slot, snoozeEnd);
}

/**
 * Whether a reminder should reach the person now: one pure decision, from a clock, the
 * reminder, what was done and the safety rules. It is due at its latest slot (or when a
 * snooze ends) if it has not fired since, so a laptop that slept through several slots is
 * reminded once when it wakes, not once per slot.
 */
export function decideNudge(input: NudgeInput): Nudge {
  const { reminder, routine, now, state, records } = input;
  const dueAt = lastDue(reminder, state, now);
  if (dueAt === undefined) return { action: "quiet", code: "not-due" };
  if (state.snoozedUntil !== undefined && state.snoozedUntil > now) {
    return { action: "quiet", code: "snoozed" };
  }
  if (state.lastFiredAt !== undefined && state.lastFiredAt >= dueAt) {
    return { action: "quiet", code: "already-reminded" };
  }
  if (!inHours(reminder, now)) return { action: "quiet", code: "outside-hours" };

  // What may start now: the same allowance as a session's own checks.
  const allowance = allowanceAt(
    safetyPast(records, input.recent, input.kept, now),
    now,
    input.massageLimitSeconds,
  );
  // Getting worse or not releasing: no nudges, only the advice (once a day).
  if (allowance.advice) {
    if (state.lastAdviceAt !== undefined && state.lastAdviceAt >= startOfDay(now)) {
      return { action: "quiet", code: "advice-given" };
    }
    return { action: "advise", reasons: allowance.advice.reasons };
  }

  // Done already: a session of the same kind that ended within the interval.
  if (reminder.kind === "every") {
    const since = now - (reminder.every ?? 60) * MINUTE;
    const done = input.recent.some(
      (r) =>
        r.doneSeconds > 0 &&
        (r.routine === routine.id || r.category === routine.category) &&
        Date.parse(r.endedAt) >= since,
    );
    if (done)
      return {
        action: "quiet",
        code: "done-in-interval",
        category: routine.category,
      };
  } else if (
    input.recent.some(
      (r) =>
        r.doneSeconds > 0 &&
        r.category === routine.category &&
        Date.parse(r.endedAt) >= Date.parse(reminder.createdAt),
    )
  ) {
    return {
      action: "quiet",
      code: "done-since-set",
      category: routine.category,
    };
  }

  // The same check as before a session: a reminder never calls for what would be refused.
  const decisions = checkPlan(
    { routine: routine.id, timeline: routine.timeline, routineAreas: routine.areas },
    allowance,
  );
  // Massage past the limit or the ceiling is shortened to fit, when any area has room left.
  const planned = plannedMassage(routine.timeline, routine.areas);
  const room = (under: "limit" | "ceiling") =>
    [...planned.keys()].some((area) => massageLeft(allowance, area, under) > 0);
  for (const d of decisions) {
    if (d.rule === "advice") continue;
    if (d.rule === "massage-limit" && room("limit")) continue;
    if (d.rule === "massage-ceiling" && room("ceiling") && room("limit")) continue;
    return { action: "quiet", code: d.rule };
  }
  return { action: "remind" };
}

/** When the reminder is next due after `now`: a snooze's end while snoozed, else its next slot. */
export function nextDue(reminder: Reminder, state: ReminderState, now: number): number | undefined {
  if (state.snoozedUntil !== undefined && state.snoozedUntil > now) return state.snoozedUntil;
  return nextSlot(reminder, now);
}
