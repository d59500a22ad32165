import type { TimelineEntry } from "../../routine/timeline.js";
import { checkPlan } from "../../safety/allowance.js";
import { checkDailyLimit } from "./daily-limit.js";
import { floorsOfShortened, refuseFloors } from "./floors.js";
import type { PreflightInput } from "./input.js";
import { askEveryTime, screen } from "./screening.js";
import { checkColdGap, checkTrend } from "./trend.js";

export { checkHighRating, highRatingDecision } from "./high-rating.js";
export { goOnDecision, NotStarted, type PreflightInput } from "./input.js";
export { capMassage, fitToLimit, massageDecision } from "./massage.js";

/**
 * The preflight's outcome: the timeline to run, and whether the person has already said yes to
 * going on with this session after a warning ("Go on with this session anyway?", "Start
 * anyway?"). Then "Start now?" would ask the same again, so it is not asked.
 */
export interface Preflighted {
  timeline: TimelineEntry[];
  startAgreed: boolean;
}

/**
 * The safety checks before a session, in order: the floors of the allowance (nothing passes
 * them), getting worse, the screening lists (the red flags and the neck's, and the cold, heat
 * and massage ask-first lists), the every-time questions before cold or heat, the daily massage
 * limit, and cold again too soon. The timeline to run may be shortened to fit the massage limit
 * and carries caps for "+". `--yes` answers none of these.
 */
export async function preflightChecks(input: PreflightInput): Promise<Preflighted> {
  const decisions = checkPlan(
    { routine: input.routine, timeline: input.timeline, routineAreas: input.routineAreas },
    input.allowance,
  );
  refuseFloors(input, decisions);
  const goOnAfterAdvice = await checkTrend(input, decisions);
  await screen(input);
  await askEveryTime(input);
  const timeline = await checkDailyLimit(input, decisions);
  if (timeline !== input.timeline) refuseFloors(input, floorsOfShortened(input, timeline));
  const startAfterColdGap = await checkColdGap(input, decisions);
  return { timeline, startAgreed: goOnAfterAdvice || startAfterColdGap };
}

/** The preflight's checks, for a caller that needs only the timeline to run. */
export async function preflight(input: PreflightInput): Promise<TimelineEntry[]> {
  return (await preflightChecks(input)).timeline;
}
