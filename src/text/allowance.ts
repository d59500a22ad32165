import { formatDuration, formatMinutes } from "../duration.js";
import { THERAPIES } from "../health.js";
import { addDays, dayKey } from "../history/analysis.js";
import type { Allowance, Decision } from "../safety/allowance.js";
import { clockTime } from "../safety/clock.js";
import { localized } from "./locale.js";
import { rulesText } from "./rules.js";
import { reasonText } from "./trend.js";

/**
 * The words of the allowance: what a decision of src/safety/allowance.ts says, with its
 * numbers, and what is in force now. The allowance returns codes and numbers; these word them.
 */

export { clockTime };

/** When, in words: a time today, with "tomorrow" on the next day, else with its local date. */
function when(at: number, now: number): string {
  if (dayKey(at) === dayKey(now)) return clockTime(at);
  if (dayKey(at) === dayKey(addDays(now, 1))) return `${clockTime(at)} tomorrow`;
  return `${dayKey(at)} ${clockTime(at)}`;
}

const therapy = (category: string) => (THERAPIES as readonly string[]).includes(category);

const pack = (kind: "cold" | "heat") => (kind === "cold" ? "cold" : "heat");

/** The words for a decision: what the rule says, with its numbers. */
function decision(d: Decision, now: number): string {
  switch (d.rule) {
    case "structure":
      return rulesText.breach(d.breach);
    case "stopped":
      return `after ${d.stop.routine} your pain was ${d.stop.reason === "rose" ? "clearly higher than before it" : "8 or more out of 10"} at ${clockTime(d.stop.at)}, so knot keeps ${d.stop.routine}${therapy(d.stop.category) ? ` and ${d.stop.category} sessions` : ""} aside until ${when(d.stop.until, now)}`;
    case "time-off":
      return `the last ${pack(d.lastKind)} came off less than 10 minutes ago: any two applications of cold or heat need at least 10 minutes off between them${d.kind !== d.lastKind ? " (skin numbed by cold cannot feel heat that is too hot)" : ""}. ${d.kind === "cold" ? "Cold" : "Heat"} can start at ${when(d.waitUntil, now)}`;
    case "heat-per-day":
      return `${d.count} heat application${d.count === 1 ? "" : "s"} in the last 24 hours${d.planned > 0 ? ` and ${d.planned} more planned` : ""}: heat is for up to ${d.max} times in 24 hours${d.nextSlotAt !== undefined ? `. The next one is possible at ${when(d.nextSlotAt, now)}` : ""}`;
    case "massage-ceiling":
      return `self-massage is never more than ${formatDuration(d.ceiling)} per area in 24 hours:\n${areasText(d.areas)}`;
    case "massage-limit":
      return `this would pass your daily self-massage limit of ${formatDuration(d.limit)} per area:\n${areasText(d.areas)}`;
    case "cold-gap":
      return `your last cold ended at ${clockTime(d.lastEnd)} (${formatMinutes(now - d.lastEnd)} ago): guidance repeats cold only every 2-4 hours, once the skin is back to its normal temperature (from ${when(d.advisedFrom, now)})`;
    case "advice":
      return `things may not be getting better: ${d.reasons.map(reasonText).join("; ")}`;
  }
}

/** A decision said as a sentence of its own: the same words, opening with a capital. */
function opening(d: Decision, now: number): string {
  const text = decision(d, now);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One line an area: what was done, what is planned, and what that makes. */
function areasText(areas: { area: string; done: number; planned: number }[]): string {
  return areas.map((a) => areaLine(a.area, a.done, a.planned)).join("\n");
}

/** An area's massage: seconds done in the last 24 hours, planned, and what that makes. */
const areaLine = (area: string, done: number, planned: number) =>
  `  ${area}: ${formatDuration(done)} done in the last 24 hours + ${formatDuration(planned)} planned = ${formatDuration(done + planned)}`;

/** What an override passes, named: only guidance, never a floor. */
const overrides: Record<Extract<Decision, { level: "guidance" }>["rule"], string> = {
  "massage-limit": "your daily massage limit (never the 30-minute ceiling)",
  "cold-gap": "cold again within 2 hours",
  advice: "the advice to see a doctor first",
};

const floorNote =
  "Nothing overrides this rule, not --force and not 'go ahead anyway': it is one of knot's safety floors.";

/**
 * In force: a routine kept aside after pain (`sessions`: its kind, when sessions of that kind
 * are kept aside too), until when, and what the pain did: rose by 3 or more, or its rating.
 */
const stopped = (
  routine: string,
  sessions: string | undefined,
  until: string,
  pain: "rose" | number | undefined,
  at: string,
) =>
  `${routine}${sessions ? ` and ${sessions} sessions are` : " is"} stopped until ${until}: pain ${pain === "rose" ? "rose by 3 or more" : `was ${pain}`} after it at ${at}.`;

/** In force: heat in the last 24 hours against the most, and until when no more, if full. */
const heatCount = (count: number, max: number, until: string | undefined) =>
  `Heat ${count} of ${max} in the last 24 hours${until === undefined ? "" : `: no more until ${until}`}.`;

/** In force: no cold or heat until the time off after the last application is over. */
const noThermalBefore = (until: string, last: "cold" | "heat", offAt: string) =>
  `No cold or heat before ${until}: the last ${last === "cold" ? "cold pack" : "heat"} came off at ${offAt}, and 10 minutes off come first.`;

/**
 * What is in force at `now`, one line each: routines stopped for pain, advice to see a doctor,
 * when cold or heat may start again, the heat count, massage per area against the limit. Empty
 * when nothing is.
 */
function inForce(a: Allowance, now: number): string[] {
  const lines: string[] = [];
  for (const stop of a.stops)
    lines.push(
      stopped(
        stop.routine,
        therapy(stop.category) ? stop.category : undefined,
        when(stop.until, now),
        stop.reason === "rose" ? "rose" : stop.rating,
        clockTime(stop.at),
      ),
    );
  if (a.advice)
    lines.push(`See a doctor before carrying on: ${a.advice.reasons.map(reasonText).join("; ")}.`);
  if (a.thermalFreeAt !== undefined && a.last)
    lines.push(noThermalBefore(when(a.thermalFreeAt, now), a.last.kind, clockTime(a.last.end)));
  if (a.heat.nextSlotAt !== undefined || a.heat.count > 0)
    lines.push(
      heatCount(
        a.heat.count,
        a.heat.max,
        a.heat.nextSlotAt === undefined ? undefined : when(a.heat.nextSlotAt, now),
      ),
    );
  if (a.cold.advisedFrom !== undefined)
    lines.push(`Cold again from ${when(a.cold.advisedFrom, now)} (guidance: every 2-4 hours).`);
  for (const [area, done] of a.massage.doneByArea)
    lines.push(
      `Self-massage on the ${area}: ${formatDuration(Math.round(done))} of ${formatDuration(a.massage.limitSeconds)} in the last 24 hours.`,
    );
  return lines;
}

export const allowanceText = localized({
  when,
  decision,
  opening,
  /** One line of a massage decision: an area's seconds done, planned, and their sum. */
  areaLine,
  overrides,
  floorNote,
  inForce,
  /** Lines of `inForce`, each on its own, with its values in words. */
  inForceLine: { stopped, noThermalBefore, heatCount },
});

/** The names the callers of the allowance's words use. */
export const whenText = allowanceText.when;
export const decisionText = allowanceText.decision;
export const OVERRIDES = allowanceText.overrides;
export const FLOOR_NOTE = allowanceText.floorNote;
export const inForceLines = allowanceText.inForce;
