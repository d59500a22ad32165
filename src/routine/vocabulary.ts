/** The fixed words of the routine format. The schema, the validator and the README share them. */

export const CATEGORIES = ["stretch", "cold", "heat", "massage", "mixed"] as const;
export type Category = (typeof CATEGORIES)[number];

export const AREAS = [
  "neck",
  "shoulders",
  "upper-back",
  "shoulder-blades",
  "mid-back",
  "lower-back",
  "hips",
] as const;
export type Area = (typeof AREAS)[number];

export const STEP_KINDS = ["prepare", "hold", "move", "rest", "cold", "heat", "massage"] as const;
export type StepKind = (typeof STEP_KINDS)[number];
/** The kinds of step that put a pack on: cold and heat, kept to the session rules. */
export const THERMAL_KINDS = ["cold", "heat"] as const;
export type ThermalKind = (typeof THERMAL_KINDS)[number];
export const isThermal = (kind: string): kind is ThermalKind =>
  (THERMAL_KINDS as readonly string[]).includes(kind);

export type Side = "left" | "right";

/**
 * The figures knot can draw beside a step (src/poses/catalogue.ts draws each). Only the names
 * live here, so loading a routine never loads the drawings.
 */
export const POSES = [
  "rest",
  "sit-tall",
  "all-fours",
  "knee-to-chest",
  "knee-rolls",
  "pelvic-tilt",
  "cat",
  "bottom-to-heels",
  "cross-body-shoulder",
  "chest-opener",
  "neck-side-tilt",
  "seated-twist",
  "shoulder-rolls",
  "tennis-ball-wall",
  "tennis-ball-floor",
  "fingertips-upper-back",
  "fingertips-neck",
  "heat-pack",
  "cold-pack",
] as const;
export type PoseName = (typeof POSES)[number];

/** A step as written in a file, after validation, with its duration in seconds. */
export interface Step {
  name: string;
  instruction?: string;
  kind: StepKind;
  /** null: a manual step that waits for Enter. */
  seconds: number | null;
  sides: boolean;
  area?: Area;
  /** The figure shown with the step. */
  pose?: PoseName;
  /** Repetitions paced inside the step, each at `tempo`; the step lasts reps × the tempo. */
  reps?: number;
  tempo?: Tempo;
}

/** The pace of one repetition: a hold then a rest, or a breath in then out (seconds). */
export type Tempo = { hold: number; rest: number } | { in: number; out: number };

export interface RepeatGroup {
  repeat: number;
  steps: StepItem[];
}

export interface Include {
  routine: string;
}

export type StepItem = Step | RepeatGroup | Include;

export interface Routine {
  id: string;
  name: string;
  summary: string;
  description: string;
  category: Category;
  areas: Area[];
  cautions: string[];
  sources: string[];
  steps: StepItem[];
}

export const isRepeat = (item: StepItem): item is RepeatGroup => "repeat" in item;
export const isInclude = (item: StepItem): item is Include => "routine" in item;
