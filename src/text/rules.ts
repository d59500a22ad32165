import { THERMAL_RULES } from "../health.js";
import { localized } from "./locale.js";

type Kind = "cold" | "heat";

const packName = (kind: Kind) => (kind === "cold" ? "cold pack" : "heat");

/**
 * The words of the cold and heat rules of a session (src/safety/rules.ts), and of `knot cycle`,
 * which is made of them: each breach worded from its rule's numbers, the call to take a pack
 * off, and the steps of a cycle. A step's name is a value inside these messages.
 */
export const rulesText = localized({
  /** "step 3 (Cold pack on)" */
  step: (number: number, name: string) => `step ${number} (${name})`,
  breach: {
    applicationLength: (kind: Kind, step: string, length: string, span: string) =>
      `${kind} at ${step} lasts ${length}${span}: apply ${kind} for at most ${THERMAL_RULES.maxApplicationSeconds / 60} minutes at a time`,
    span: (first: number, last: number) => ` (steps ${first}-${last} in a row)`,
    skinCheck: (kind: Kind, step: string) =>
      `${kind} at ${step} has no check first: put a "prepare" step that waits for Enter (wrap the pack, check the skin) before each cold or heat application`,
    heatPerDay: (heat: number) =>
      `${heat} heat applications: heat is for up to ${THERMAL_RULES.maxHeatPerDay} times in 24 hours`,
    timeOff: (off: string, kind: Kind, step: string, after: Kind | undefined) =>
      `only ${off} off before the ${kind} at ${step}${after ? ` after the ${after}` : ""}: leave at least 10 minutes off between any two applications of cold or heat (the studied intermittent protocol is 10 on, 10 off, 10 on)`,
    coldRounds: (cold: number) =>
      `${cold} rounds of cold in one session: knot runs at most ${THERMAL_RULES.maxColdRounds}, as guidance repeats cold only every 2-4 hours once the skin is back to normal`,
  },
  /** The step after each application: take the pack off, then check the skin. */
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
