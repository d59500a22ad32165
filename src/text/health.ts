import { RED_FLAGS } from "../health.js";
import { localized } from "./locale.js";

/**
 * knot's safety sentences, in one place (their wording is docs/health-guidance.md's): how to
 * reach help at once, the headings over the red flags, the advice on rest, and what knot says
 * when someone stops a session because it hurts. The lists themselves, with their sources, are
 * src/health.ts's. Written for knot; knot guides and never diagnoses.
 */
const call = "call 999 or your local emergency number, or go to A&E";

export const healthText = localized({
  /** How to reach help at once, said the same way wherever knot says it. */
  emergencyCall: call,
  /** The heading over the signs that need medical help at once. */
  emergencyHeading: `Get medical help at once (${call}) for:`,
  /** The heading over the signs that need a doctor soon. */
  soonHeading: "See a doctor soon for:",
  /** What knot says to someone who has one of the emergency signs now. */
  emergencyNow: `Please get medical help now: ${call} / the emergency room.`,
  /** Before working the neck: its emergency sign and the signs for help the same day. */
  neckEmergencyHeading: "Before working the neck: get medical help at once for:",
  neckSameDayHeading: "Before working the neck, get help the same day for:",
  /** The advice on rest (NHS, CSP, Mayo Clinic), shown by `show` and `safety`. */
  keepMoving:
    "Keep moving gently: short rests are fine, but staying in bed does not help back pain get better (NHS, CSP, Mayo Clinic).",
  stop: {
    rest: "Stop this routine for now. Rest in a comfortable position and breathe slowly.",
    easeOff:
      "Pain that flares during a gentle routine is a sign to ease off: try again another day, more gently, or not at all.",
    flag: (flag: string) => `  - ${flag}`,
    source: (source: string) => `(${source}. knot is a guide, not a diagnosis.)`,
  },
});

/**
 * Which part of the advice a line belongs to: callers pick and style lines by their part,
 * never by their words. `heading` marks the line that opens its part; `urgent` the one shown
 * as an alarm (the call for help at once).
 */
export type AdvicePart = "rest" | "emergency" | "soon" | "source";
export interface AdviceLine {
  part: AdvicePart;
  heading?: true;
  urgent?: true;
  text: string;
}

/** The advice shown when someone stops a session because it hurts, line by line with its part. */
export function stopAdviceLines(): AdviceLine[] {
  const w = healthText.stop;
  const flags = (part: AdvicePart, list: readonly string[]) =>
    list.map((flag) => ({ part, text: w.flag(flag) }));
  return [
    { part: "rest", text: w.rest },
    { part: "rest", text: w.easeOff },
    { part: "rest", text: "" },
    { part: "emergency", heading: true, urgent: true, text: healthText.emergencyHeading },
    ...flags("emergency", RED_FLAGS.emergency),
    { part: "emergency", text: "" },
    { part: "soon", heading: true, text: healthText.soonHeading },
    ...flags("soon", RED_FLAGS.soon),
    { part: "soon", text: "" },
    { part: "source", text: w.source(RED_FLAGS.source) },
  ];
}

/** The advice printed when someone stops a session because it hurts. */
export function stopAdvice(): string[] {
  return stopAdviceLines().map((line) => line.text);
}
