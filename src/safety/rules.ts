import { THERMAL_RULES } from "../health.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { isThermal } from "../routine/vocabulary.js";
import { rulesText } from "../text/rules.js";

/**
 * The cold and heat rules of a whole session, not of one step (docs/health-guidance.md). One
 * place computes them from a timeline (a built-in routine, a person's file, or `knot cycle`)
 * and what today's history already holds; `validate`, `show`, `cycle` and `start` all use it.
 *
 * An application is a run of consecutive cold (or heat) steps: the pack stays on across them.
 */

/** Hard rules have no override; guidance rules give way to --force, which says what it overrides. */
export type RuleLevel = "hard" | "guidance";

/** The step a breach is found at: its number (from 1) and name, to say which step it is. */
export interface StepAt {
  step: number;
  name: string | undefined;
}

/**
 * A rule a session breaks: which, how firmly, and the numbers to word it (src/text/rules.ts
 * words it). Never a sentence.
 */
export type RuleBreach =
  | (StepAt & {
      rule: "application-length";
      level: "hard";
      kind: "cold" | "heat";
      /** The number of the application's last step, when it runs over several in a row. */
      lastStep: number | undefined;
      seconds: number;
      maxSeconds: number;
    })
  | (StepAt & { rule: "skin-check"; level: "hard"; kind: "cold" | "heat" })
  | { rule: "heat-per-day"; level: "hard"; count: number; max: number }
  | (StepAt & {
      rule: "time-off";
      level: "hard";
      kind: "cold" | "heat";
      /** The kind of the application before it: heat is not cold's time off, nor cold heat's. */
      after: "cold" | "heat";
      offSeconds: number;
      minSeconds: number;
    })
  | { rule: "cold-rounds"; level: "guidance"; count: number; max: number };

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

/**
 * After each cold or heat application, a step that waits for the person: take the pack off
 * and check the skin. It is called on screen, aloud, by bell and by notification, and stays
 * until the person has done it (Enter), so the end of an application is never just a timer
 * running out, even after the last round.
 */
export function withPackOff(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const [i, step] of timeline.entries()) {
    out.push(step);
    const next = timeline[i + 1];
    if (isThermal(step.kind) && next?.kind !== step.kind) {
      out.push({
        name: rulesText.packOff.name(step.kind),
        kind: "prepare",
        seconds: null,
        packOff: step.kind,
        // the pack's own figure: where it is, to take it off
        ...(step.pose ? { pose: step.pose } : {}),
        instruction: rulesText.packOff.instruction(step.kind),
        ...(step.round ? { round: step.round } : {}),
      });
    }
  }
  return out;
}

/**
 * Puts the every-time questions (`questions[kind]`) on the step that waits for the person
 * before each cold or heat application after the first (the first is asked before the session
 * starts), so that they are asked before every application, not once a session.
 */
export function withSkinQuestions(
  timeline: readonly TimelineEntry[],
  questions: Record<"cold" | "heat", string[]>,
): TimelineEntry[] {
  const out = timeline.map((step) => ({ ...step }));
  const apps = applicationsIn(out);
  for (const app of apps.slice(1)) {
    for (let i = app.first - 1; i >= 0; i--) {
      const step = out[i]!;
      if (isThermal(step.kind)) break;
      if (step.kind === "prepare" && step.seconds === null && !step.packOff) {
        step.questions = questions[app.kind];
        break;
      }
    }
  }
  return out;
}

/**
 * The timeline as a session runs it: the call to take each pack off after its application, and
 * (unless the person has said the skin is checked) the every-time questions before each one
 * after the first. `show --json` prints this, so what is shown is what runs.
 */
export function timelineToRun(
  timeline: readonly TimelineEntry[],
  questions: Record<"cold" | "heat", string[]> | undefined,
): TimelineEntry[] {
  const withCalls = withPackOff(timeline);
  return questions ? withSkinQuestions(withCalls, questions) : withCalls;
}
