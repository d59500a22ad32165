import type { TimelineEntry } from "../routine/timeline.js";
import { isThermalStep } from "../safety/rules.js";
import { sessionText } from "../text/session.js";
import { routineSecondsLeft, type SessionState, secondsLeft } from "./engine.js";
import { type RepMoment, repAt } from "./reps.js";

/** Everything a display needs to draw one moment of a session, derived from the state. */
export interface SessionView {
  routineName: string;
  index: number;
  count: number;
  step: TimelineEntry;
  next: TimelineEntry | undefined;
  /** Whole seconds left in the step; null for a step that waits for Enter. */
  left: number | null;
  stepSeconds: number | null;
  routineLeft: number;
  paused: boolean;
  waiting: boolean;
  showHelp: boolean;
  notice: string | undefined;
  /** The first seconds of a stretch's second side: "switch sides" fills the screen. */
  switchSides?: boolean;
  /** In a step paced in repetitions: which one, of how many, and the figure's frame for it. */
  rep?: RepMoment;
  /** A question asked before a cold or heat application, one keypress each. */
  question?: { text: string; index: number; of: number };
  /** During a cold or heat step: how long the pack has been on, wall clock, pauses included. */
  packOn: { kind: "cold" | "heat"; onSeconds: number } | undefined;
}

/**
 * How long the current cold or heat application has been on, from its first step's start: in
 * its steps, and at the call to take it off until the person confirms it is off.
 */
export function packOnOf(state: SessionState, now: number): SessionView["packOn"] {
  const here = state.timeline[state.index];
  if (!here || state.status === "finished") return undefined;
  let last = state.index;
  if (here.packOff) last = state.index - 1;
  const step = state.timeline[last];
  if (!isThermalStep(step)) return undefined;
  let first = last;
  while (first > 0 && state.timeline[first - 1]?.kind === step.kind) first -= 1;
  const since = state.startedAtByStep[first] ?? state.stepStartedAt;
  return { kind: step.kind, onSeconds: Math.max(0, Math.floor((now - since) / 1000)) };
}

/** The pack a session ended with still on (or not yet confirmed off), if any. */
export function packLeftOn(state: SessionState): "cold" | "heat" | undefined {
  if (state.endReason === "completed") return undefined;
  const step = state.timeline[state.index];
  if (!step || state.outcomes[state.index] === "done") return undefined;
  if (isThermalStep(step)) return step.kind;
  return step.packOff;
}

/** How long "switch sides" fills the screen at the start of a stretch's second side. */
export const SWITCH_SIDES_SECONDS = 3;

export function viewOf(
  state: SessionState,
  now: number,
  extra: {
    routineName: string;
    showHelp?: boolean;
    notice?: string;
    question?: SessionView["question"];
  },
): SessionView {
  const step = state.timeline[state.index]!;
  const previous = state.timeline[state.index - 1];
  const left = secondsLeft(state, now);
  const switchSides =
    state.status === "running" &&
    previous?.name === step.name &&
    Boolean(previous.side && step.side && previous.side !== step.side) &&
    left !== null &&
    (state.stepSeconds ?? 0) - left < SWITCH_SIDES_SECONDS;
  const rep =
    left !== null && state.stepSeconds !== null && state.status !== "waiting"
      ? repAt(step, state.stepSeconds - left)
      : undefined;
  return {
    ...(extra.question ? { question: extra.question } : {}),
    ...(switchSides ? { switchSides } : {}),
    ...(rep ? { rep } : {}),
    routineName: sessionText.screen.routine(extra.routineName),
    index: state.index,
    count: state.timeline.length,
    step: shown(step),
    next: state.timeline[state.index + 1],
    left,
    stepSeconds: state.stepSeconds,
    routineLeft: routineSecondsLeft(state, now),
    paused: state.status === "paused",
    waiting: state.status === "waiting",
    showHelp: extra.showHelp ?? false,
    notice: extra.notice,
    packOn: packOnOf(state, now),
  };
}

const shownSteps = new WeakMap<TimelineEntry, TimelineEntry>();

/**
 * A step as the screen shows it: its name and instruction are the routine's own words, values
 * inside a message of the text layer (the same step every tick, made once).
 */
function shown(step: TimelineEntry): TimelineEntry {
  let made = shownSteps.get(step);
  if (!made) {
    const { stepName, instruction } = sessionText.screen;
    made = {
      ...step,
      name: stepName(step.name),
      ...(step.instruction ? { instruction: instruction(step.instruction) } : {}),
    };
    shownSteps.set(step, made);
  }
  return made;
}

// A step in words is the routine's (a plan is described without loading the session).
export { describeStep, sideLabel } from "../text/steps.js";
