import { ExitCode } from "../../errors.js";
import type { TimelineEntry } from "../../routine/timeline.js";
import type { Area } from "../../routine/vocabulary.js";
import {
  type Allowance,
  type Decision,
  massageAreas,
  massageLeft,
  plannedMassage,
} from "../../safety/allowance.js";
import { decisionText, OVERRIDES } from "../../safety/allowance-text.js";
import { capitalise, NotStarted, type PreflightInput } from "./input.js";

/** Shortens massage steps so that no area passes what is left of its allowance. */
export function fitToLimit(
  timeline: readonly TimelineEntry[],
  routineAreas: readonly Area[],
  leftByArea: Map<Area, number>,
): TimelineEntry[] {
  const planned = plannedMassage(timeline, routineAreas);
  const factor = (area: Area) =>
    Math.min(1, Math.max(0, leftByArea.get(area) ?? Infinity) / (planned.get(area) ?? 1));
  return timeline.flatMap((step) => {
    if (step.kind !== "massage" || step.seconds === null) return [step];
    const scale = Math.min(...massageAreas(step.area, routineAreas).map(factor));
    const seconds = Math.floor(step.seconds * scale);
    return seconds >= 5 ? [{ ...step, seconds }] : [];
  });
}

/**
 * Caps each massage step for "+": its own length plus its share of what the allowance still
 * has room for beyond the plan (none when the plan already fills or passes it).
 */
export function capMassage(
  timeline: readonly TimelineEntry[],
  routineAreas: readonly Area[],
  leftByArea: Map<Area, number>,
): TimelineEntry[] {
  const planned = plannedMassage(timeline, routineAreas);
  const stepsByArea = new Map<Area, number>();
  for (const step of timeline) {
    if (step.kind !== "massage" || step.seconds === null) continue;
    for (const area of massageAreas(step.area, routineAreas))
      stepsByArea.set(area, (stepsByArea.get(area) ?? 0) + 1);
  }
  const share = (area: Area) =>
    Math.max(0, (leftByArea.get(area) ?? 0) - (planned.get(area) ?? 0)) /
    (stepsByArea.get(area) ?? 1);
  return timeline.map((step) => {
    if (step.kind !== "massage" || step.seconds === null) return step;
    const room = Math.min(...massageAreas(step.area, routineAreas).map(share), Infinity);
    return { ...step, maxSeconds: step.seconds + Math.floor(Number.isFinite(room) ? room : 0) };
  });
}

/** What the massage of a plan meets: its timeline, its areas, and the allowance now. */
export interface MassagePlan {
  timeline: readonly TimelineEntry[];
  routineAreas: readonly Area[];
  allowance: Allowance;
}

const leftUnder = (plan: MassagePlan, under: "limit" | "ceiling") => {
  const planned = plannedMassage(plan.timeline, plan.routineAreas);
  return new Map(
    [...planned.keys()].map((area) => [area, massageLeft(plan.allowance, area, under)]),
  );
};

/** Whether any massage is left once the plan is shortened to the 30-minute ceiling. */
export const massageFits = (plan: MassagePlan) =>
  fitToLimit(plan.timeline, plan.routineAreas, leftUnder(plan, "ceiling")).some(
    (s) => s.kind === "massage",
  );

/**
 * The daily massage limit's decision, as data: within it (each step capped for "+"), past it
 * with --force (up to the ceiling), shortened to fit without a terminal, refused (nothing left
 * under the limit, or under the ceiling), or a choice to offer at the terminal.
 */
export type MassageDecision =
  | { kind: "within"; timeline: TimelineEntry[] }
  | { kind: "forced"; timeline: TimelineEntry[]; pastCeiling: boolean }
  | { kind: "shortened"; timeline: TimelineEntry[] }
  | { kind: "refused"; under: "limit" | "ceiling" }
  | { kind: "choose"; fitted?: TimelineEntry[]; anyway?: TimelineEntry[] };

export function massageDecision(
  plan: MassagePlan,
  over: Decision | undefined,
  force: boolean,
  canAsk: boolean,
): MassageDecision {
  const { timeline, routineAreas } = plan;
  const limitLeft = leftUnder(plan, "limit");
  if (!over) return { kind: "within", timeline: capMassage(timeline, routineAreas, limitLeft) };
  const fitted = fitToLimit(timeline, routineAreas, limitLeft);
  const fits = fitted.some((s) => s.kind === "massage");
  // Past the limit is guidance; the ceiling is a floor: "anyway" goes at most up to it.
  // "+" never lengthens past what was chosen.
  const anyway = capMassage(
    fitToLimit(timeline, routineAreas, leftUnder(plan, "ceiling")),
    routineAreas,
    new Map(),
  );
  const anywayFits = anyway.some((s) => s.kind === "massage");
  if (force && anywayFits)
    return { kind: "forced", timeline: anyway, pastCeiling: over.rule === "massage-ceiling" };
  if (!canAsk || (force && !anywayFits)) {
    if (!fits) return { kind: "refused", under: anywayFits ? "limit" : "ceiling" };
    return { kind: "shortened", timeline: capMassage(fitted, routineAreas, new Map()) };
  }
  return {
    kind: "choose",
    ...(fits ? { fitted: capMassage(fitted, routineAreas, new Map()) } : {}),
    ...(anywayFits ? { anyway } : {}),
  };
}

/** The daily massage limit before a session: says the decision, asks at a terminal. */
export async function checkDailyLimit(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<TimelineEntry[]> {
  const { ctx, say, ask } = input;
  const over = decisions.find((d) => d.rule === "massage-limit" || d.rule === "massage-ceiling");
  const decision = massageDecision(input, over, input.force, ask.can);
  if (decision.kind === "within") return decision.timeline;
  const [head = "", ...areaLines] = decisionText(over!, ctx.now()).split("\n");
  say(ctx.style.warn(capitalise(head)));
  for (const line of areaLines) say(line);
  switch (decision.kind) {
    case "forced":
      say(
        ctx.style.warn(
          `  Going past it, as --force asks (overriding: ${OVERRIDES["massage-limit"]})${decision.pastCeiling ? ", shortened to the ceiling" : ""}.`,
        ),
      );
      return decision.timeline;
    case "refused":
      say(
        decision.under === "limit"
          ? "  Nothing is left of your limit. Not started; --force goes past your limit, never past the 30-minute ceiling."
          : "  Nothing is left under the 30-minute ceiling. Not started; nothing overrides the ceiling.",
      );
      throw new NotStarted(ExitCode.endedEarly);
    case "shortened":
      say(
        "  The massage is shortened to fit the limit (--force goes past it, never past the 30-minute ceiling).",
      );
      return decision.timeline;
  }
  const choice = await ask.choose("What would you like to do?", [
    ...(decision.fitted
      ? [{ name: "Shorten the massage to fit the limit", value: "fit" as const }]
      : []),
    ...(decision.anyway
      ? [{ name: "Go ahead anyway (never past the 30-minute ceiling)", value: "go" as const }]
      : []),
    { name: "Stop here", value: "stop" as const },
  ]);
  if (choice === "stop") throw new NotStarted(ExitCode.endedEarly);
  if (choice === "go") say(ctx.style.warn(`  Going past ${OVERRIDES["massage-limit"]}.`));
  return (choice === "fit" ? decision.fitted : decision.anyway)!;
}
