import type { CautionId, Decision, DraftStep, ThermalRoom } from "../builder/draft-types.js";
import { formatDuration } from "../duration.js";
import { LIMITS } from "../routine/limits.js";
import { MAX_REPS } from "../routine/schema.js";
import { THERMAL_RULES } from "../safety/rules.js";
import { localized } from "./locale.js";
import { poseWords } from "./poses.js";

/**
 * The builder's words, looked up by the id of a decision (draft.ts decides, this says it):
 * cautions written into a routine whose values go past guidance, and the reason a value past
 * a floor is refused. The numbers come from docs/health-guidance.md through GUIDANCE and LIMITS.
 */

const stepName = (step: DraftStep): string =>
  step.type === "pose"
    ? poseWords(step.pose).name
    : step.type === "include"
      ? step.routine
      : step.type === "rest"
        ? "Rest"
        : step.type;

const CAUTIONS: Record<CautionId, (step: DraftStep, seconds: number, reps: number) => string> = {
  "hold-long": (step, seconds) =>
    `${stepName(step)} is held for ${formatDuration(seconds)}, longer than the 10-30 seconds stretching guidance suggests: ease into mild tension only, and come out of it at once if it hurts.`,
  "reps-many": (step, _, reps) =>
    `${stepName(step)} is done ${reps} times, more than the 2-4 repetitions stretching guidance suggests: stop early if it hurts or tires you.`,
  "cold-long": (_, seconds) =>
    `The cold pack stays on for ${formatDuration(seconds)}, longer than the 10-15 minutes guidance suggests (never more than ${THERMAL_RULES.maxApplicationSeconds / 60}): take it off early if the skin goes numb, very red or blotchy.`,
  "massage-long": (step, seconds, reps) =>
    `${stepName(step)} massages one area for ${formatDuration(seconds * reps)}, more than the 30 seconds to 2 minutes per area that guidance suggests: stop at once if it hurts.`,
};

function cautionText(
  decision: Extract<Decision, { verdict: "warn"; seconds: number }>,
  step: DraftStep,
): string {
  return CAUTIONS[decision.caution](step, decision.seconds, decision.reps);
}

const REFUSALS: Record<
  Exclude<Extract<Decision, { verdict: "refuse" }>["reason"], "format" | "rules">,
  string
> = {
  "step-too-long": `a step may last at most ${formatDuration(LIMITS.stepSeconds)}`,
  "application-too-long": `cold or heat stays on for at most ${formatDuration(THERMAL_RULES.maxApplicationSeconds)} at a time; nothing goes past that`,
  "too-many-reps": `a step may be repeated at most ${LIMITS.repeat} times`,
  "too-many-paced-reps": `a step may count at most ${MAX_REPS} repetitions`,
  "no-reps": "repeat a step at least once",
  "no-steps": "a routine needs at least one step",
};

/** A decision in words, for the person building the routine. */
function decisionText(decision: Decision, step?: DraftStep): string {
  if (decision.verdict === "refuse") {
    if (decision.reason === "format" || decision.reason === "rules") return decision.detail ?? "";
    return `Not allowed: ${REFUSALS[decision.reason]}.`;
  }
  if (decision.caution === "advice") return decision.detail;
  if (!step) return "";
  return `Past guidance, so this caution goes into the routine: ${cautionText(decision, step)}`;
}

/** What a draft step is called where a person reads it: "Knee to chest", "Rest", "Cold pack". */
function draftStepName(step: DraftStep): string {
  switch (step.type) {
    case "pose":
      return poseWords(step.pose).name;
    case "include":
      return step.routine;
    case "rest":
      return "Rest";
    case "cold":
      return "Cold pack";
    case "heat":
      return "Heat";
  }
}

/** A step in a few words, as the person chose it: "Knee to chest, 2 × 20s each side". */
function stepSummary(step: DraftStep): string {
  const name = draftStepName(step);
  switch (step.type) {
    case "include":
      return `the routine ${name}`;
    case "rest":
      return `${name}, ${formatDuration(step.seconds)}`;
    case "cold":
    case "heat":
      return `${name}, ${formatDuration(step.seconds)}, with its ${step.type === "cold" ? "wrap" : "set-up"} and skin check`;
    case "pose": {
      const each = step.sides ? " each side" : "";
      if (step.tempo) {
        const pace =
          "hold" in step.tempo
            ? `hold ${formatDuration(step.tempo.hold)}${step.tempo.rest > 0 ? `, rest ${formatDuration(step.tempo.rest)}` : ""}`
            : `${formatDuration(step.tempo.in)} in, ${formatDuration(step.tempo.out)} out`;
        return `${name}, ${step.reps} times (${pace})${each}`;
      }
      const times = step.reps > 1 ? `${step.reps} × ` : "";
      return `${name}, ${times}${formatDuration(step.seconds)}${each}`;
    }
  }
}

/** Why cold or heat cannot come next yet, before its minutes are asked (see thermalRoom). */
function thermalRoomText(
  room: Exclude<ThermalRoom, { ok: true }>,
  kind: "cold" | "heat",
  steps: readonly DraftStep[],
): string {
  if (room.reason === "heat-per-day") {
    return `Heat is for up to ${THERMAL_RULES.maxHeatPerDay} times in 24 hours, and this routine has ${room.count} already.`;
  }
  const last = steps[room.after];
  const which = last ? ` (step ${room.after + 1}: ${stepSummary(last)})` : "";
  return `The ${kind === "cold" ? "cold pack" : "heat"} needs at least ${formatDuration(THERMAL_RULES.minOffSeconds)} off after the last cold or heat${which}, and there ${room.off === 0 ? "is nothing in between yet" : `are only ${formatDuration(room.off)} in between`}.`;
}

export const builderText = localized({
  caution: cautionText,
  decision: decisionText,
  stepName: draftStepName,
  stepSummary,
  thermalRoom: thermalRoomText,
});

/** The questions of knot new, one value each, and what an answer that is not one says. */
export const builderAskText = localized({
  name: "Name of the routine:",
  giveName: "Give it a name",
  atMost: (n: number) => `At most ${n} characters`,
  rest: "Rest for how long? (Enter: 30s)",
  thermalHint: (action: "cold" | "heat", most: number) =>
    action === "cold" ? `10-15 min is the guidance, ${most} at most` : `10-${most} min`,
  thermal: (action: "cold" | "heat", hint: string, fallback: number) =>
    `Minutes of ${action}? (${hint}; Enter: ${fallback})`,
  routineChoice: (id: string, name: string, yours: boolean) =>
    `${id}: ${name}${yours ? " (yours)" : ""}`,
  whichRoutine: "Which routine?",
  whichPose: "Which pose?",
  poseChoice: (name: string, massage: boolean) => `${name}${massage ? " (self-massage)" : ""}`,
  /** A pose's caption under the list ("Knee to chest: on your back, ..."). */
  poseTitle: (title: string) => title,
  eachSide: "On each side, left then right?",
  knotSays: (instruction: string) => `knot says: ${instruction}`,
  ownInstruction: "Your own instruction? (Enter keeps knot's)",
  holdGuide: (low: number, high: number) => `${low}-${high}s is the guidance; `,
  massageGuide: "30s-2m per area is the guidance; ",
  holdFor: "Hold for how long?",
  howLong: "How long?",
  howLongInAll: "How long in all?",
  withGuide: (question: string, guide: string, seconds: number) =>
    `${question} (${guide}Enter: ${seconds}s)`,
  repsGuide: (low: number, high: number) => `${low}-${high} is the guidance; `,
  howManyGuided: (guide: string, reps: number) => `How many times? (${guide}Enter: ${reps})`,
  holdEach: (seconds: number) => `Hold each for how long? (Enter: ${seconds}s)`,
  restAfter: (seconds: number) => `Rest after each? (Enter: ${seconds}s; 0 for none)`,
  breath: (seconds: number) => `Each breath in, and each out: how long? (Enter: ${seconds}s)`,
  howMany: (count: number) => `How many times? (Enter: ${count})`,
  notDuration: (minutes: boolean) =>
    `Not a duration: write ${minutes ? "minutes, such as 10, or 90s" : "seconds, such as 20, or 1m30s"}`,
  wholeNumber: "A whole number, such as 2",
});

/** What knot new says around its questions: the steps menu, adding, taking back, saving. */
export const builderFlowText = localized({
  nothingSaved: "Nothing saved.",
  savedAsIntro: (name: string, id: string) =>
    `${name} will be saved as ${id}. Add its steps one at a time.`,
  stepMenu: (n: number) => `Step ${n}: add…`,
  leave: "Leave without saving? The steps so far are lost.",
  tookBack: (n: number, summary: string) => `Took back step ${n}: ${summary}.`,
  saveAs: (path: string) => `Save it as ${path}?`,
  saved: (id: string) => `Saved ${id}. Run it with: knot start ${id}`,
  changeOrRemove: (id: string) => `Change it with knot edit ${id}; remove it with knot rm ${id}.`,
  backToSteps: "Back to the steps.",
  whatNow: "What now?",
  restFirst: (rest: string, kind: string) => `Add a rest of ${rest} first, then the ${kind}`,
  backToStepsChoice: "Back to the steps",
  menu: {
    pose: "A stretch or self-massage, from knot's poses",
    rest: "A rest",
    cold: "Cold pack (with its wrap and skin check)",
    heat: "Heat (with its set-up and skin check)",
    include: "A whole routine, built-in or yours",
    undo: "Take back the last step",
    preview: "Preview",
    save: "Save",
    quit: "Leave without saving",
  },
  notAdded: (summary: string) => `Not added (${summary}):`,
  added: (n: number, summary: string) => `Added step ${n}: ${summary}.`,
  notSavedYet: (name: string) => `${name}, not saved yet.`,
});

/** When the id a routine would be saved under is taken. */
export const builderIdText = localized({
  taken: (builtIn: boolean, id: string) =>
    builtIn ? `knot's built-in routine ${id}` : `your routine ${id}`,
  neverReplaces: (what: string) =>
    `There is already ${what}, and knot never replaces a routine without asking.`,
  neverReplacesHint: (suggestion: string, builtIn: boolean) =>
    `Give another id (--id ${suggestion}), or add --replace to ${builtIn ? "use yours instead of the built-in" : "replace it"}.`,
  saveAs: (what: string) => `There is already ${what}. Save this one as:`,
  newRoutine: (id: string) => `${id}, a new routine`,
  replacing: (id: string, builtIn: boolean) =>
    builtIn ? `${id}, used instead of the built-in` : `${id}, replacing yours`,
  nothingSaved: "Nothing saved.",
});
