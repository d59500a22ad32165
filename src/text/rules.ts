import { formatDuration } from "../duration.js";
import { THERMAL_RULES } from "../health.js";
import type { RuleBreach, StepAt } from "../routine/rule-breach.js";
import type { ThermalThing } from "../routine/thermal-words.js";
import { localized } from "./locale.js";

type Kind = "cold" | "heat";

const packName = (kind: Kind) => (kind === "cold" ? "cold pack" : "heat");

const stepAt = (b: StepAt) => `step ${b.step} (${b.name ?? "?"})`;

/** The words for a session rule's breach (src/safety/rules.ts), with its numbers. */
function breach(b: RuleBreach): string {
  switch (b.rule) {
    case "application-length":
      return `${b.kind} at ${stepAt(b)} lasts ${formatDuration(b.seconds)}${b.lastStep === undefined ? "" : ` (steps ${b.step}-${b.lastStep} in a row)`}: apply ${b.kind} for at most ${b.maxSeconds / 60} minutes at a time`;
    case "skin-check":
      return `${b.kind} at ${stepAt(b)} has no check first: put a "prepare" step that waits for Enter (wrap the pack, check the skin) before each cold or heat application`;
    case "heat-per-day":
      return `${b.count} heat applications: heat is for up to ${b.max} times in 24 hours`;
    case "time-off":
      return `only ${formatDuration(b.offSeconds)} off before the ${b.kind} at ${stepAt(b)}${b.after !== b.kind ? ` after the ${b.after}` : ""}: leave at least ${b.minSeconds / 60} minutes off between any two applications of cold or heat (the studied intermittent protocol is 10 on, 10 off, 10 on)`;
    case "cold-rounds":
      return `${b.count} rounds of cold in one session: knot runs at most ${b.max}, as guidance repeats cold only every 2-4 hours once the skin is back to normal`;
  }
}

/**
 * The words of `knot cycle`: its refusals (a broken rule's own words, from src/safety/rules.ts,
 * are a value inside them), the question of where the pack goes, and the steps of a cycle.
 */
export const rulesText = localized({
  breach,
  /** What a step's text mentions putting on the body (src/routine/thermal-words.ts), in words. */
  thermalThing: {
    ice: "ice",
    "cold-pack": "a cold pack",
    "frozen-peas": "a bag of frozen peas",
    "heat-pack": "a heat pack",
    "hot-water": "hot water",
    "heat-bag": "a heat bag",
    heat: "heat",
  } satisfies Record<ThermalThing, string>,
  /** The step that calls for the pack to come off after an application, and check the skin. */
  packOff: {
    name: (kind: Kind) => `Take the ${packName(kind)} off`,
    instruction: (kind: Kind) =>
      `Take the ${packName(kind)} off now and look at your skin: it should not be numb, very red or blotchy. Press Enter when it is off.`,
  },
  cycle: {
    forms: 'Write it like "cold-10/off-15", "cold-10/off-15/x3" or "heat-15".',
    eitherOr: "A cycle is either cold or heat, not both.",
    notPart: (token: string, forms: string) => `${token} is not part of a cycle. ${forms}`,
    onTime: (kind: Kind) =>
      `${kind === "cold" ? "Cold" : "Heat"} time must be a whole number of minutes, 1 or more.`,
    offTime: "Time off must be a whole number of minutes from 1 to 240.",
    rounds: (max: number) => `Rounds must be a whole number from 1 to ${max}.`,
    breaks: (message: string) => `This cycle breaks a safety rule: ${message}.`,
    pastGuidance: (message: string) => `This cycle goes past the guidance: ${message}.`,
    sources: `(MPFT NHS and Mayo: cold or heat 10-${THERMAL_RULES.maxApplicationSeconds / 60} minutes at a time, heat up to ${THERMAL_RULES.maxHeatPerDay} times a day; Bleakley et al. 2006: 10 on, 10 off, 10 on.)`,
    hardHint: (rule: string, sources: string) =>
      `Rule: ${rule}. ${sources} Nothing overrides this rule, not even --force.`,
    guidanceHint: (rule: string, sources: string) =>
      `Rule: ${rule}. ${sources} If a clinician has advised it, add --force to override this guidance.`,
    overriding: (message: string) => `Overriding the guidance, as --force asks: ${message}.`,
    bothFlags: "Choose --cold or --heat, not both.",
    flagDisagrees: (said: Kind, flag: Kind) => `The cycle says ${said} but the flag says ${flag}.`,
    where: (kind: Kind) => `Where will the ${packName(kind)} go?`,
    area: (area: string) => area.replace("-", " "),
    steps: {
      wrapName: (kind: Kind) => (kind === "cold" ? "Wrap the cold pack" : "Set up the heat"),
      wrap: (kind: Kind) =>
        kind === "cold"
          ? "Wrap the pack in a damp towel; never put ice on bare skin. Check the skin looks and feels normal first."
          : "Set the pad to low, or use a hot-water bottle filled hot but not boiling, and wrap it in a cover or towel.",
      checkName: "Check your skin",
      check: (kind: Kind) =>
        `Look at and feel the skin where the ${kind === "cold" ? "pack" : "heat"} goes: carry on only if it looks and feels normal again, not very red, not still ${kind === "cold" ? "cold" : "hot"}. knot asks about the skin, one key each.`,
      onName: (kind: Kind) => (kind === "cold" ? "Cold pack on" : "Heat on"),
      on: (kind: Kind) =>
        kind === "cold"
          ? "Rest the wrapped pack on the sore spot. Take it off early if the skin goes numb or it hurts."
          : "Rest the wrapped heat on the tight area. Take it off at once if it feels too hot. Do not fall asleep with it on.",
      offName: (kind: Kind) => (kind === "cold" ? "Pack off" : "Heat off"),
      off: "Take it off and let the skin return to normal. Move about gently if you can.",
    },
  },
});
