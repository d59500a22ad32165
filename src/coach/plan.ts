import { type Context, println } from "../context.js";
import { ExitCode } from "../errors.js";
import { EVERY_TIME } from "../health.js";
import type { RoutineEntry } from "../routine/entry.js";
import { hasManualSteps, type TimelineEntry } from "../routine/timeline.js";
import type { Area, Category } from "../routine/vocabulary.js";
import { timelineToRun } from "../session/timeline-to-run.js";
import { coachText as words } from "../text/coach.js";
import { describeStep, timelineLength } from "../text/steps.js";

/** What the coach runs: a routine from the library, or one `knot cycle` made up. */
export interface Plan {
  id: string;
  name: string;
  category: Category;
  areas: Area[];
  cautions: string[];
  timeline: TimelineEntry[];
  /** Whether a cut-off session of this plan may be resumed (routines, not ad-hoc cycles). */
  resumable: boolean;
}

/** A routine of the library as the coach runs it. */
export const routinePlan = ({ routine, cautions, timeline }: RoutineEntry): Plan => ({
  id: routine.id,
  name: routine.name,
  category: routine.category,
  areas: routine.areas,
  cautions,
  timeline,
  resumable: true,
});

/**
 * The plan as it is run: each cold or heat application ends with "take it off now", which waits
 * for the person, and the questions before every later application are asked at the check
 * before it (none with --skin-checked).
 */
export const planToRun = (plan: Plan, skinChecked: boolean): Plan => ({
  ...plan,
  timeline: timelineToRun(plan.timeline, skinChecked ? undefined : EVERY_TIME),
});

/** The plan's length in words: "6 steps, 5 min". */
export const planLength = (plan: Plan) =>
  words.length(plan.timeline.length, timelineLength(plan.timeline));

/** Each step's start, from the lead-in on: the plan of `--dry-run`, as data. */
export interface DryRun {
  steps: { at: number; number: number; text: string }[];
  end: number;
  /** A step waits for the person, so the times after it are the earliest they can be. */
  waits: boolean;
}

export function dryRun(plan: Plan, leadIn: number, now: number): DryRun {
  let at = now + leadIn * 1000;
  const steps = plan.timeline.map((step, i) => {
    const row = { at, number: i + 1, text: describeStep(step) };
    at += (step.seconds ?? 0) * 1000;
    return row;
  });
  return { steps, end: at, waits: hasManualSteps(plan.timeline) };
}

export function printDryRun(ctx: Context, plan: Plan, leadIn: number): number {
  const out = (text = "") => println(ctx.stdout, text);
  const run = dryRun(plan, leadIn, ctx.now());
  const time = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
  out(words.dryRun.heading(ctx.style.strong(plan.name), planLength(plan)));
  for (const step of run.steps) out(words.dryRun.step(time(step.at), step.number, step.text));
  out(words.dryRun.end(time(run.end)));
  if (run.waits) out(ctx.style.dim(words.dryRun.waits));
  return ExitCode.ok;
}
