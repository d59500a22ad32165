// The builder's words are in the text layer (src/text/builder.ts); these names stay for the
// builder's modules. The steps below are data: they are written into the routine file.
import { builderText } from "../text/builder.js";

export const cautionText = builderText.caution;
export const decisionText = builderText.decision;
export const draftStepName = builderText.stepName;
export const stepSummary = builderText.stepSummary;
export const thermalRoomText = builderText.thermalRoom;

/**
 * The steps cold and heat always come with: getting the pack ready, a skin check that waits
 * for Enter, then the application itself (its duration is the person's). knot adds the call
 * to take the pack off when a session runs it.
 */
export const THERMAL_STEPS = {
  cold: [
    {
      name: "Wrap the cold pack",
      kind: "prepare",
      pose: "cold-pack",
      instruction: "Wrap the cold pack in a damp towel. Never put ice straight onto bare skin.",
    },
    {
      name: "Check your skin",
      kind: "prepare",
      pose: "cold-pack",
      instruction:
        "Look at and feel the skin where the pack goes. Carry on only if it looks and feels normal: not numb, not broken, not very red or blotchy.",
    },
    {
      name: "Cold pack on",
      kind: "cold",
      pose: "cold-pack",
      instruction:
        "Rest the wrapped pack on the sore spot. Take it off early if the skin goes numb, very red or blotchy, or hurts.",
    },
  ],
  heat: [
    {
      name: "Set up the heat",
      kind: "prepare",
      pose: "heat-pack",
      instruction:
        "Set the pad to low, or fill a hot-water bottle with hot (never boiling) water, and wrap it in a cover or towel.",
    },
    {
      name: "Check your skin",
      kind: "prepare",
      pose: "heat-pack",
      instruction:
        "Look at the skin where the heat goes: carry on only if it is not broken, numb or swollen. Lie on your front with the heat on top of the area, or sit upright holding it; never lie or sit on it.",
    },
    {
      name: "Heat on",
      kind: "heat",
      pose: "heat-pack",
      instruction:
        "Keep the wrapped heat on top of the area; take it off at once if it feels too hot. Never fall asleep with heat on: stay awake until knot calls time.",
    },
  ],
} as const;
