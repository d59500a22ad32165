import { isThermal, type StepKind } from "./vocabulary.js";

/**
 * Words that say a step puts cold or heat on the body. knot keeps to the cold and heat rules
 * (20 minutes an application, 10 off, heat 3 times a day) only in cold and heat steps, so a
 * step of another kind about ice or a heat pack would escape them.
 */
/** What a step can mention putting on the body: its words are the text layer's (src/text/rules.ts). */
export type ThermalThing =
  | "ice"
  | "cold-pack"
  | "frozen-peas"
  | "heat-pack"
  | "hot-water"
  | "heat-bag"
  | "heat";

const THERMAL_WORDS: readonly { kind: "cold" | "heat"; pattern: RegExp; what: ThermalThing }[] = [
  { kind: "cold", pattern: /\bice\b/i, what: "ice" },
  { kind: "cold", pattern: /\bcold[- ](?:pack|compress|gel)/i, what: "cold-pack" },
  // Not "frozen" alone: a frozen shoulder is not a cold pack.
  {
    kind: "cold",
    pattern: /\bfrozen (?:peas|veg)|\bbag of frozen\b/i,
    what: "frozen-peas",
  },
  { kind: "heat", pattern: /\b(?:heat|heating|hot)[- ](?:pad|pack|wrap)/i, what: "heat-pack" },
  { kind: "heat", pattern: /\bhot[- ]water\b/i, what: "hot-water" },
  { kind: "heat", pattern: /\b(?:wheat|heat) bag\b/i, what: "heat-bag" },
  { kind: "heat", pattern: /\bheat on\b/i, what: "heat" },
];

/** A clause that takes the pack off is not one that puts it on. */
const TAKING_OFF = /\b(?:off|remove|removed|removing|away)\b/i;

export interface ThermalMention {
  /** The kind the step should be. */
  kind: "cold" | "heat";
  /** What it mentions, for the message: "ice", "heat-pack". */
  what: ThermalThing;
}

/**
 * What a step's text (its name and instruction) says it puts on the body, clause by clause;
 * clauses that take something off are left out ("Take the cold pack off" mentions none).
 */
export function thermalMentions(text: string): ThermalMention[] {
  const found: ThermalMention[] = [];
  for (const clause of text.split(/[.;:,!?()]|\b(?:and|then|or)\b/i)) {
    if (TAKING_OFF.test(clause)) continue;
    for (const word of THERMAL_WORDS) {
      if (word.pattern.test(clause) && !found.some((f) => f.what === word.what))
        found.push({ kind: word.kind, what: word.what });
    }
  }
  return found;
}

/** Prepare steps may mention packs (wrap it, fill it), for about as long as that takes. */
export const PREPARE_WITH_PACK_SECONDS = 60;

/**
 * The kind a step's text says it should be, when its own kind would let cold or heat escape
 * the rules: undefined when the kind is right (or the text mentions no cold or heat).
 */
export function kindForThermalText(step: {
  name: string;
  instruction?: string;
  kind: StepKind;
  seconds: number | null;
}): ThermalMention | undefined {
  const mentions = thermalMentions(`${step.name}. ${step.instruction ?? ""}`);
  if (mentions.length === 0) return undefined;
  if (isThermal(step.kind)) {
    // Heat counted as cold (or the reverse) keeps to the wrong rules.
    const own = mentions.some((m) => m.kind === step.kind);
    return own ? undefined : mentions[0];
  }
  if (step.kind === "prepare") {
    const short = step.seconds === null || step.seconds <= PREPARE_WITH_PACK_SECONDS;
    return short ? undefined : mentions[0];
  }
  return mentions[0];
}
