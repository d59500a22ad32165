import { LIMITS } from "../routine/limits.js";
import { MAX_REPS } from "../routine/schema.js";
import {
  AREAS,
  type Area,
  type Category,
  isThermal,
  type Routine,
  type Tempo,
} from "../routine/vocabulary.js";
import { THERMAL_RULES } from "../safety/rules.js";
import { poseWords } from "../text/poses.js";
import type {
  CautionId,
  Decision,
  Draft,
  DraftStep,
  RefusalId,
  ThermalRoom,
} from "./draft-types.js";
import { POSE_STEPS } from "./poses.js";
import { cautionText, draftStepName, THERMAL_STEPS } from "./text.js";

export type { CautionId, Decision, Draft, DraftStep, RefusalId, ThermalRoom };
export { draftStepName };

/**
 * A routine being built in `knot new`: a list of plain choices (a pose with its dose, a rest,
 * cold or heat, another routine), checked as data and turned into the routine format. Pure:
 * no files, no terminal.
 */

/**
 * The doses the builder offers without a word, from docs/health-guidance.md: holds of 10-30 s,
 * 2-4 repetitions of a held stretch, cold 10-15 minutes on, self-massage 30 s-2 min per area
 * per session. Past these a value is allowed, with a caution written into the routine; past a
 * floor (LIMITS, THERMAL_RULES) it is refused.
 */
export const GUIDANCE = {
  holdSeconds: { low: 10, high: LIMITS.holdSeconds },
  holdReps: { low: 2, high: 4 },
  coldSeconds: { low: 10 * 60, high: 15 * 60 },
  massageSeconds: { low: 30, high: 2 * 60 },
} as const;

/** The kind of step a draft step runs as. */
export function kindOf(step: DraftStep): string {
  if (step.type === "pose") return POSE_STEPS[step.pose]?.kind ?? "hold";
  return step.type;
}

/** What each step's own values say: a refusal past a floor, a caution past guidance. */
export function checkStep(step: DraftStep, index = 0): Decision[] {
  if (step.type === "include") return [];
  // paced repetitions last as long as they take, whatever `seconds` says
  const seconds =
    step.type === "pose" && step.tempo ? step.reps * cycleOf(step.tempo) : step.seconds;
  const reps = step.type === "pose" ? step.reps : 1;
  const refuse = (reason: RefusalId): Decision[] => [{ verdict: "refuse", reason, step: index }];
  const warn = (caution: CautionId): Decision[] => [
    { verdict: "warn", caution, step: index, seconds, reps },
  ];
  if (isThermal(step.type)) {
    if (seconds > THERMAL_RULES.maxApplicationSeconds) return refuse("application-too-long");
    if (step.type === "cold" && seconds > GUIDANCE.coldSeconds.high) return warn("cold-long");
    return [];
  }
  if (seconds > LIMITS.stepSeconds) return refuse("step-too-long");
  if (!Number.isInteger(reps) || reps < 1) return refuse("no-reps");
  if (step.type === "pose" && step.tempo && reps > MAX_REPS) return refuse("too-many-paced-reps");
  if (!(step.type === "pose" && step.tempo) && reps > LIMITS.repeat) return refuse("too-many-reps");
  const kind = kindOf(step);
  const out: Decision[] = [];
  if (kind === "hold" && seconds > GUIDANCE.holdSeconds.high) out.push(...warn("hold-long"));
  if (kind === "hold" && reps > GUIDANCE.holdReps.high) out.push(...warn("reps-many"));
  if (kind === "massage" && seconds * reps > GUIDANCE.massageSeconds.high)
    out.push(...warn("massage-long"));
  return out;
}

/** A routine file's JSON, as the builder writes it. */
export type Json = Record<string, unknown>;

/** A step of the routine format for one draft step (cold and heat bring their own checks first). */
function formatSteps(step: DraftStep): Json[] {
  switch (step.type) {
    case "include":
      return [{ routine: step.routine }];
    case "rest":
      return [
        {
          name: "Rest",
          kind: "rest",
          pose: "rest",
          duration: step.seconds,
          instruction: "Rest and breathe; move gently if you like.",
        },
      ];
    case "cold":
    case "heat": {
      const [first, check, on] = THERMAL_STEPS[step.type];
      return [first, check, { ...on, duration: step.seconds }];
    }
    case "pose": {
      const defaults = POSE_STEPS[step.pose];
      const words = poseWords(step.pose);
      const one: Json = {
        name: words.name,
        kind: defaults?.kind ?? "hold",
        pose: step.pose,
        duration: step.seconds,
        ...(step.sides ? { sides: true } : {}),
        ...(defaults ? { area: defaults.area } : {}),
        instruction: [step.instruction ?? words.instruction, defaults?.note]
          .filter(Boolean)
          .join(" "),
      };
      if (step.tempo) {
        // paced repetitions: the step's length follows from them, so none is written
        const { duration: _, ...paced } = one;
        return [
          step.reps > 1
            ? { ...paced, reps: step.reps, tempo: tempoJson(step.tempo) }
            : { ...one, duration: cycleOf(step.tempo) },
        ];
      }
      return [step.reps > 1 ? { repeat: step.reps, steps: [one] } : one];
    }
  }
}

/** How long one paced repetition lasts. */
export const cycleOf = (tempo: Tempo): number =>
  "hold" in tempo ? tempo.hold + tempo.rest : tempo.in + tempo.out;

/** A tempo as the format writes it: a rest of nothing is left out. */
const tempoJson = (tempo: Tempo): Json =>
  "hold" in tempo
    ? { hold: tempo.hold, ...(tempo.rest > 0 ? { rest: tempo.rest } : {}) }
    : { in: tempo.in, out: tempo.out };

function categoryOf(draft: Draft, resolve: (id: string) => Routine | undefined): Category {
  const kinds = new Set<Category>();
  for (const step of draft.steps) {
    if (step.type === "include") {
      const part = resolve(step.routine);
      if (part) kinds.add(part.category);
    } else if (step.type !== "rest") {
      const kind = kindOf(step);
      kinds.add(kind === "hold" || kind === "move" ? "stretch" : (kind as Category));
    }
  }
  return kinds.size === 1 ? [...kinds][0]! : kinds.size === 0 ? "stretch" : "mixed";
}

function areasOf(draft: Draft, resolve: (id: string) => Routine | undefined): Area[] {
  const areas = new Set<Area>();
  for (const step of draft.steps) {
    if (step.type === "pose") {
      const area = POSE_STEPS[step.pose]?.area;
      if (area) areas.add(area);
    } else if (step.type === "include") {
      for (const area of resolve(step.routine)?.areas ?? []) areas.add(area);
    }
  }
  return AREAS.filter((area) => areas.has(area));
}

/** A caution always written, whatever the steps. */
export const STOP_IF_IT_HURTS = "Stop a step at once if it hurts.";

/**
 * The draft as a routine file's JSON, with the cautions its values past guidance bring, and
 * for each of its steps the draft step it came from.
 */
export function toRoutineJson(
  draft: Draft,
  resolve: (id: string) => Routine | undefined,
): { json: Json; from: number[] } {
  const steps: Json[] = [];
  const from: number[] = [];
  draft.steps.forEach((step, i) => {
    for (const item of formatSteps(step)) {
      steps.push(item);
      from.push(i);
    }
  });
  const cautions = [STOP_IF_IT_HURTS];
  draft.steps.forEach((step, i) => {
    for (const decision of checkStep(step, i)) {
      if (decision.verdict !== "warn" || decision.caution === "advice") continue;
      const text = cautionText(decision, step);
      if (!cautions.includes(text)) cautions.push(text);
    }
  });
  const json: Json = {
    $schema: "./schema.json",
    id: draft.id,
    name: draft.name,
    category: categoryOf(draft, resolve),
    ...(() => {
      const areas = areasOf(draft, resolve);
      return areas.length > 0 ? { areas } : {};
    })(),
    cautions,
    steps,
  };
  return { json, from };
}
