import type { TimelineEntry } from "../../routine/timeline.js";
import type { Area } from "../../routine/vocabulary.js";
import {
  type Allowance,
  type Decision,
  massageAreas,
  massageLeft,
  plannedMassage,
} from "../../safety/allowance.js";

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
