import type { KeptReason, TrendReason } from "../safety/trend.js";
import { localized } from "./locale.js";

/**
 * Why knot advises a doctor, in words: each getting-worse rule's reason with the figures it
 * found. The areas are knot's ids for them (mid-back, neck), as the routines name them.
 */
export const trendText = localized({
  rising: (days: number, from: number, to: number) =>
    `your pain has risen over the last ${days} days you rated it, from ${from} to ${to} out of 10`,
  worseAfter: (days: number) =>
    `your pain was clearly worse after sessions than before them on ${days} days in the last 2 weeks`,
  staysHigh: (rating: number) =>
    `your pain has stayed at ${rating} or more out of 10 on most days for two weeks`,
  veryHigh: (rating: number) => `you rated your pain ${rating} out of 10 this week`,
  stopped: (stops: number) => `you stopped ${stops} sessions because it hurt in the last 7 days`,
  notReleasing: (areas: string) =>
    `you have worked on your ${areas} for 3 weeks or more and your pain ratings have not come down`,
  unrated: (areas: string) =>
    `you have worked on your ${areas} for 3 weeks or more without rating your pain, so knot cannot tell whether it is getting better: if it has not improved, see a GP, and rate your pain at the check-in before and after a session (knot config set checkin true turns it on)`,
});

/** Each getting-worse rule in words (knot safety lists them; --json gives them by id). */
const ruleWords = localized({
  rising:
    "your daily pain rating (the first of each day) rose by 2 points or more (3 from 7 or more) over at least 3 days in the last 4 weeks, was up on the last 2 of them, and has not come back down (one good day is not counted as the low)",
  "worse-after":
    "pain was 2 points or more (3 from 7 or more) worse after a session than before it, on 2 different days in the last 2 weeks",
  "stays-high":
    "your daily pain rating was 7 or more on most days of the last 2 weeks, in each of those weeks, over at least 3 days, and 6 or more on the latest (one lower day is noise)",
  "very-high": "a rating of 8 or more in the last 7 days",
  stopped: "you stopped a session because it hurt twice in the last 7 days",
  "not-releasing":
    "the same body area worked for 3 weeks or more (within the last 6) with no fall in your ratings (less than 2 points, or 30% from 7 up, is noise), or with no ratings at all: the NHS advises a GP when back pain does not improve after a few weeks of self-care",
} satisfies Record<TrendReason["rule"], string>);

/** The getting-worse rules in the order knot safety lists them, each with its words. */
export const TREND_RULE_TEXT: readonly { id: TrendReason["rule"]; text: string }[] = (
  Object.keys(ruleWords) as TrendReason["rule"][]
).map((id) => ({ id, text: ruleWords[id] }));

/** A reason's message in trendText and the values it is worded with. */
export function trendMessage(r: TrendReason): [keyof typeof trendText, (string | number)[]] {
  switch (r.rule) {
    case "rising":
      return ["rising", [r.days, r.from, r.to]];
    case "worse-after":
      return ["worseAfter", [r.days]];
    case "stays-high":
      return ["staysHigh", [r.rating]];
    case "very-high":
      return ["veryHigh", [r.rating]];
    case "stopped":
      return ["stopped", [r.stops]];
    case "not-releasing":
      return [r.unrated ? "unrated" : "notReleasing", [r.areas.join(", ")]];
  }
}

/**
 * A reason in words, in the language knot speaks now; words an older knot kept are shown as
 * they are, in any language.
 */
export function reasonText(reason: KeptReason): string {
  if (typeof reason === "string") return reason;
  const [key, values] = trendMessage(reason);
  return (trendText[key] as (...v: (string | number)[]) => string)(...values);
}
