import { ExitCode } from "../../errors.js";
import type { TimelineEntry } from "../../routine/timeline.js";
import { checkPlan, type Decision, floors } from "../../safety/allowance.js";
import { decisionText, FLOOR_NOTE } from "../../text/allowance.js";
import { coachText } from "../../text/coach.js";
import { NotStarted, type PreflightInput } from "./input.js";
import { massageFits } from "./massage.js";

/**
 * The floors that refuse this plan (nothing passes them). The massage ceiling shortens the
 * massage instead (checkDailyLimit), when anything is left under it.
 */
export const hardFloors = (input: PreflightInput, decisions: readonly Decision[]): Decision[] =>
  floors(decisions).filter((d) => d.rule !== "massage-ceiling" || !massageFits(input));

/** A floor says no: said with its numbers, and nothing overrides it. */
export function refuseFloors(input: PreflightInput, decisions: readonly Decision[]) {
  const { ctx, say } = input;
  const hard = hardFloors(input, decisions);
  if (hard.length === 0) return;
  for (const d of hard) say(ctx.style.error(coachText.preflight.floor(decisionText(d, ctx.now()))));
  say(FLOOR_NOTE);
  if (hard.some((d) => d.rule === "stopped")) say(coachText.preflight.stretchMayBeFine);
  throw new NotStarted(ExitCode.endedEarly);
}

/**
 * A plan shortened to fit the massage allowance is checked again: shorter massage between two
 * applications of cold or heat must not leave less than 10 minutes off.
 */
export const floorsOfShortened = (input: PreflightInput, timeline: readonly TimelineEntry[]) =>
  floors(
    checkPlan(
      { routine: input.routine, timeline, routineAreas: input.routineAreas },
      input.allowance,
    ),
  ).filter((d) => d.rule === "structure");
