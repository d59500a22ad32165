import type { Area, PoseName, Tempo } from "../routine/vocabulary.js";

/**
 * What a pose becomes as a step when a person picks it in `knot new`: its kind, a starting dose
 * inside the guidance (docs/health-guidance.md, the table of stretches and self-massage), and
 * whether it is done on each side; a movement's repetitions are paced inside its step. Poses that are only positions, packs or rest are not here:
 * the builder adds those itself.
 */
export interface PoseStep {
  kind: "hold" | "move" | "massage";
  seconds: number;
  reps: number;
  sides: boolean;
  area: Area;
  /**
   * Safety words said with the step whatever instruction the person writes: the osteoporosis
   * and pregnancy cautions belong in the steps that bend, twist or lie flat, where they are
   * heard, and self-massage keeps off the spine and the front of the neck (health guidance).
   */
  note?: string;
  /**
   * A movement done as paced repetitions inside the step (`reps` of them, counted by the coach):
   * a hold and a rest, or a breath in and out, in seconds. `seconds` is then reps × the tempo.
   */
  tempo?: Tempo;
  /** Knot's words for the step where the figure's own are too long to say within its default hold. */
  instruction?: string;
}

const PREGNANT_ON_BACK = "Pregnant past 16 weeks? Do it lying on your side or seated.";
const BALL =
  "Keep the ball 2-3 cm to one side of the spine, never on it; stop at once if it hurts.";

export const POSE_STEPS: Partial<Record<PoseName, PoseStep>> = {
  "knee-to-chest": {
    kind: "hold",
    seconds: 20,
    reps: 2,
    sides: true,
    area: "lower-back",
    note: `With osteoporosis, skip this one. ${PREGNANT_ON_BACK}`,
  },
  "knee-rolls": {
    kind: "hold",
    seconds: 10,
    reps: 2,
    sides: true,
    area: "lower-back",
    instruction: "Roll both knees gently to one side.",
    note: "With osteoporosis, roll only part way. Pregnant past 16 weeks? Twist seated instead.",
  },
  "pelvic-tilt": {
    kind: "move",
    seconds: 50,
    reps: 5,
    tempo: { hold: 5, rest: 5 },
    sides: false,
    area: "lower-back",
    note: "Pregnant past 16 weeks? Do them standing against a wall.",
  },
  cat: {
    kind: "move",
    seconds: 40,
    reps: 5,
    tempo: { in: 4, out: 4 },
    sides: false,
    area: "mid-back",
    note: "With osteoporosis, round your back only gently.",
  },
  "bottom-to-heels": {
    kind: "move",
    seconds: 60,
    reps: 10,
    tempo: { in: 3, out: 3 },
    sides: false,
    area: "lower-back",
    note: "With osteoporosis, go back only part way and keep your back long.",
  },
  "cross-body-shoulder": { kind: "hold", seconds: 20, reps: 2, sides: true, area: "shoulders" },
  "chest-opener": { kind: "hold", seconds: 20, reps: 2, sides: false, area: "shoulder-blades" },
  "neck-side-tilt": { kind: "hold", seconds: 15, reps: 2, sides: true, area: "neck" },
  "seated-twist": {
    kind: "move",
    seconds: 40,
    reps: 4,
    tempo: { hold: 10, rest: 0 },
    sides: false,
    area: "mid-back",
    note: "With osteoporosis, twist only gently, not to the end of the range.",
  },
  "shoulder-rolls": { kind: "move", seconds: 20, reps: 1, sides: false, area: "shoulders" },
  "tennis-ball-wall": {
    kind: "massage",
    seconds: 60,
    reps: 1,
    sides: true,
    area: "upper-back",
    note: BALL,
  },
  "tennis-ball-floor": {
    kind: "massage",
    seconds: 60,
    reps: 1,
    sides: true,
    area: "upper-back",
    note: `${BALL} Pregnant past 16 weeks? Use a wall instead.`,
  },
  "fingertips-upper-back": {
    kind: "massage",
    seconds: 60,
    reps: 1,
    sides: true,
    area: "shoulder-blades",
  },
  "fingertips-neck": {
    kind: "massage",
    seconds: 30,
    reps: 1,
    sides: false,
    area: "neck",
    note: "Only the back of the neck: keep away from its front and sides, where the pulse can be felt.",
  },
};

export const BUILDER_POSES = Object.keys(POSE_STEPS) as PoseName[];
