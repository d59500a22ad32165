import { checkRoutine } from "../routine/entry.js";
import { validateRoutine } from "../routine/parse.js";
import type { Routine } from "../routine/vocabulary.js";
import { applicationsIn, THERMAL_RULES } from "../safety/rules.js";
import { checkStep, draftStepName, type Json, toRoutineJson } from "./draft.js";
import type { Decision, Draft, DraftStep, ThermalRoom } from "./draft-types.js";

/**
 * The draft checked as a whole routine, as `knot validate` and the session would take it: its
 * format, includes, length and the rules for cold and heat, said in the builder's terms (the
 * steps as the person added them).
 */

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
