import { THERMAL_RULES } from "../health.js";
import type { RuleBreach, StepAt } from "../routine/rule-breach.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { isThermal } from "../routine/vocabulary.js";

/**
 * The cold and heat rules of a whole session, not of one step (docs/health-guidance.md). One
 * place computes them from a timeline (a built-in routine, a person's file, or `knot cycle`)
 * and what today's history already holds; `validate`, `show`, `cycle` and `start` all use it.
 *
 * An application is a run of consecutive cold (or heat) steps: the pack stays on across them.
 */

export interface Application {
  kind: "cold" | "heat";
  /** Index of its first and last step in the timeline. */
  first: number;
  last: number;
  seconds: number;
}

/** Defined with the step kinds and the health facts; here too, beside the rules they serve. */
export { isThermal, THERMAL_RULES };

/** A step of cold or heat: the pack is on during it. */
export const isThermalStep = (
  step: TimelineEntry | undefined,
): step is TimelineEntry & { kind: "cold" | "heat" } => step !== undefined && isThermal(step.kind);

/** The applications of cold and heat in a timeline, in order. */
export function applicationsIn(timeline: readonly TimelineEntry[]): Application[] {
  const found: Application[] = [];
  timeline.forEach((step, i) => {
    if (!isThermal(step.kind)) return;
    const current = found.at(-1);
    if (current && current.kind === step.kind && current.last === i - 1) {
      current.last = i;
      current.seconds += step.seconds ?? 0;
    } else {
      found.push({ kind: step.kind, first: i, last: i, seconds: step.seconds ?? 0 });
    }
  });
  return found;
}

const stepAt = (timeline: readonly TimelineEntry[], i: number): StepAt => ({
  step: i + 1,
  name: timeline[i]?.name,
});

/**
 * Checks one session's cold and heat against the rules, on its own; what earlier sessions
 * leave is the allowance's (allowance.ts). Returns every breach, hard ones first.
 */
export function checkSessionRules(timeline: readonly TimelineEntry[]): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const apps = applicationsIn(timeline);
  const max = THERMAL_RULES.maxApplicationSeconds;
  for (const app of apps) {
    if (app.seconds > max) {
      breaches.push({
        rule: "application-length",
        level: "hard",
        kind: app.kind,
        ...stepAt(timeline, app.first),
        lastStep: app.first === app.last ? undefined : app.last + 1,
        seconds: app.seconds,
        maxSeconds: max,
      });
    }
  }
  // Before each application, a step that waits for the person: wrap the pack, check the skin.
  let from = 0;
  for (const app of apps) {
    const between = timeline.slice(from, app.first);
    if (!between.some((s) => s.kind === "prepare" && s.seconds === null)) {
      breaches.push({
        rule: "skin-check",
        level: "hard",
        kind: app.kind,
        ...stepAt(timeline, app.first),
      });
    }
    from = app.last + 1;
  }
  const heat = apps.filter((a) => a.kind === "heat").length;
  if (heat > THERMAL_RULES.maxHeatPerDay) {
    breaches.push({
      rule: "heat-per-day",
      level: "hard",
      count: heat,
      max: THERMAL_RULES.maxHeatPerDay,
    });
  }
  // Any two applications, of either kind: heat is not cold's time off, nor cold heat's.
  for (let i = 1; i < apps.length; i++) {
    const previous = apps[i - 1]!;
    const next = apps[i]!;
    const off = timeline
      .slice(previous.last + 1, next.first)
      .reduce((sum, s) => sum + (s.seconds ?? 0), 0);
    if (off < THERMAL_RULES.minOffSeconds) {
      breaches.push({
        rule: "time-off",
        level: "hard",
        kind: next.kind,
        ...stepAt(timeline, next.first),
        after: previous.kind,
        offSeconds: off,
        minSeconds: THERMAL_RULES.minOffSeconds,
      });
    }
  }
  const cold = apps.filter((a) => a.kind === "cold").length;
  if (cold > THERMAL_RULES.maxColdRounds) {
    breaches.push({
      rule: "cold-rounds",
      level: "guidance",
      count: cold,
      max: THERMAL_RULES.maxColdRounds,
    });
  }
  return breaches.sort((a, b) => (a.level === b.level ? 0 : a.level === "hard" ? -1 : 1));
}
