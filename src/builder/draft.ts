import { checkRoutine } from "../routine/library.js";
import { LIMITS } from "../routine/limits.js";
import { validateRoutine } from "../routine/parse.js";
import { MAX_REPS } from "../routine/schema.js";
import {
  AREAS,
  type Area,
  type Category,
  isThermal,
  type Routine,
  type Tempo,
} from "../routine/vocabulary.js";
import { applicationsIn, THERMAL_RULES } from "../safety/rules.js";
import type {
  CautionId,
  Decision,
  Draft,
  DraftStep,
  RefusalId,
  ThermalRoom,
} from "./draft-types.js";
import { POSE_STEPS, poseWords } from "./poses.js";
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

type Json = Record<string, unknown>;

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

const stepIndex = (path: string, from: readonly number[]): number | undefined => {
  const match = /^steps\[(\d+)\]/.exec(path);
  return match ? from[Number(match[1])] : undefined;
};

/**
 * Everything the builder decides about a draft: each step's values, then the whole routine as
 * `knot validate` would check it (format, includes, the session rules for cold and heat).
 * `saveable` only when nothing is refused, so the builder never saves a file validate rejects.
 */
export function checkDraft(
  draft: Draft,
  resolve: (id: string) => Routine | undefined,
): { decisions: Decision[]; verdict: "ok" | "warn" | "refuse"; saveable: boolean; json: Json } {
  const decisions: Decision[] = draft.steps.flatMap((step, i) => checkStep(step, i));
  const { json, from } = toRoutineJson(draft, resolve);
  if (draft.steps.length === 0) decisions.push({ verdict: "refuse", reason: "no-steps" });
  else {
    const parsed = validateRoutine(json);
    for (const issue of parsed.issues) {
      const step = stepIndex(issue.path, from);
      decisions.push({
        verdict: "refuse",
        reason: "format",
        ...(step === undefined ? {} : { step }),
        detail: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
      });
    }
    if (parsed.routine) {
      const own = parsed.routine;
      const checked = checkRoutine(own, (id) => (id === own.id ? own : resolve(id)));
      const owners = checked.errors.length > 0 ? timelineOwners(draft, resolve) : [];
      for (const issue of checked.errors) {
        const step = stepIndex(issue.path, from);
        decisions.push({
          verdict: "refuse",
          reason: "rules",
          ...(step === undefined ? {} : { step }),
          detail: inDraftTerms(issue.message, owners, draft),
        });
      }
      // Advice the steps' own values have not already given (speech, the daily massage limit).
      const cautioned = new Set(decisions.map((d) => d.step));
      for (const issue of checked.warnings) {
        const step = stepIndex(issue.path, from);
        if (step !== undefined && cautioned.has(step)) continue;
        decisions.push({
          verdict: "warn",
          caution: "advice",
          ...(step === undefined ? {} : { step }),
          detail: issue.message,
        });
      }
    }
  }
  const verdict = decisions.some((d) => d.verdict === "refuse")
    ? "refuse"
    : decisions.length > 0
      ? "warn"
      : "ok";
  return { decisions, verdict, saveable: verdict !== "refuse", json };
}

/** A draft step's own routine, as the session runs it: its timeline (includes and repeats expanded). */
function stepTimeline(draft: Draft, step: DraftStep, resolve: (id: string) => Routine | undefined) {
  const parsed = validateRoutine(toRoutineJson({ ...draft, steps: [step] }, resolve).json);
  if (!parsed.routine) return [];
  const own = parsed.routine;
  return checkRoutine(own, (id) => (id === own.id ? own : resolve(id))).timeline;
}

/** For each step of the routine as it runs (includes and repeats expanded), the draft step it is part of. */
export function timelineOwners(
  draft: Draft,
  resolve: (id: string) => Routine | undefined,
): number[] {
  return draft.steps.flatMap((step, i) => stepTimeline(draft, step, resolve).map(() => i));
}

/**
 * A rule's message about the routine as it runs, said in the builder's terms: its steps are
 * numbered as the person added them (not as the session expands them), and the rule's own
 * tag, which is for `knot validate`, is left out.
 */
export function inDraftTerms(message: string, owners: readonly number[], draft: Draft): string {
  const label = (n: number, inner?: string) => {
    const i = owners[n - 1];
    const step = i === undefined ? undefined : draft.steps[i];
    if (i === undefined || !step) return inner ? `a step (${inner})` : "a step";
    const name = draftStepName(step);
    const where = step.type === "include" && inner ? `${inner}, in ${name}` : name;
    return `step ${i + 1} (${where})`;
  };
  return message
    .replace(/\s*\[[a-z-]+\]$/, "")
    .replace(/ \(steps (\d+)-(\d+) in a row\)/g, (whole, a: string, b: string) => {
      const first = owners[Number(a) - 1];
      const last = owners[Number(b) - 1];
      if (first === undefined || last === undefined) return whole;
      return first === last ? "" : ` (steps ${first + 1}-${last + 1} in a row)`;
    })
    .replace(/\bstep (\d+) \(([^)]*)\)/g, (_, n: string, inner: string) => label(Number(n), inner));
}

/** The refusals that adding `step` would bring the routine as a whole (its length, cold and heat). */
export function refusalsOfAdding(
  draft: Draft,
  step: DraftStep,
  resolve: (id: string) => Routine | undefined,
): Decision[] {
  const key = (d: Decision) => (d.verdict === "refuse" ? `${d.reason}:${d.detail ?? ""}` : "");
  const refused = (d: Draft) =>
    checkDraft(d, resolve).decisions.filter((x) => x.verdict === "refuse");
  const before = new Set(refused(draft).map(key));
  return refused({ ...draft, steps: [...draft.steps, step] }).filter((d) => !before.has(key(d)));
}

/**
 * Asked before cold or heat is added, so the problem is said before its minutes are: at least
 * 10 minutes off since the draft's last application (any kind), and heat at most 3 times.
 * `after`: the draft step the last application is part of; `need`: the time off still missing.
 */
export function thermalRoom(
  draft: Draft,
  kind: "cold" | "heat",
  resolve: (id: string) => Routine | undefined,
): ThermalRoom {
  const timeline = draft.steps.flatMap((step) => stepTimeline(draft, step, resolve));
  const owners = timelineOwners(draft, resolve);
  const apps = applicationsIn(timeline);
  const heat = apps.filter((a) => a.kind === "heat").length;
  if (kind === "heat" && heat >= THERMAL_RULES.maxHeatPerDay) {
    return { ok: false, reason: "heat-per-day", count: heat };
  }
  const last = apps.at(-1);
  if (!last) return { ok: true };
  const off = timeline.slice(last.last + 1).reduce((sum, s) => sum + (s.seconds ?? 0), 0);
  if (off >= THERMAL_RULES.minOffSeconds) return { ok: true };
  return {
    ok: false,
    reason: "time-off",
    off,
    need: THERMAL_RULES.minOffSeconds - off,
    after: owners[last.first] ?? draft.steps.length - 1,
  };
}
