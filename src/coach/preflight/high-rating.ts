import { ExitCode } from "../../errors.js";
import type { TimelineEntry } from "../../routine/timeline.js";
import { HIGH_RATING_BEFORE, isGentle } from "../../safety/stops.js";
import { coachText } from "../../text/coach.js";
import { stopAdvice } from "../../text/health.js";
import { goOnAnyway, NotStarted, type PreflightInput } from "./input.js";

const words = coachText.preflight;

/**
 * What a rating before a session allows, as data: nothing to say (under 8), gentle steps only
 * if the person says so, or no start at all (massage, cold or heat with pain at 8 or more).
 */
export type HighRatingDecision = "fine" | "gentle-only" | "refused";

export const highRatingDecision = (
  rating: number | undefined,
  timeline: readonly TimelineEntry[],
): HighRatingDecision =>
  rating === undefined || rating < HIGH_RATING_BEFORE
    ? "fine"
    : isGentle(timeline)
      ? "gentle-only"
      : "refused";

/**
 * A rating of 8 or more before a session: the red flags, then only gentle stretching or rest.
 * A session with massage, cold or heat is not started, and nothing overrides that; one of
 * gentle steps only goes on if the person says so (without a terminal, with --force).
 */
export async function checkHighRating(input: PreflightInput, rating: number | undefined) {
  const decision = highRatingDecision(rating, input.timeline);
  if (decision === "fine") return;
  const { say, ctx } = input;
  say(ctx.style.error(words.rated(rating)));
  for (const line of stopAdvice().slice(3)) say(line);
  say();
  if (decision === "refused") {
    say(ctx.style.error(words.noStart(HIGH_RATING_BEFORE)));
    say(words.rest);
    throw new NotStarted(ExitCode.endedEarly);
  }
  say(words.gentleOnly(HIGH_RATING_BEFORE));
  await goOnAnyway(input, words.goOnGentle, words.restAdvice);
}
