import { CATALOGUE } from "../poses/catalogue.js";
import type { Area, PoseName } from "../routine/vocabulary.js";

/**
 * What a pose becomes as a step when a person picks it in `knot new`: its kind, a starting dose
 * inside the guidance (docs/health-guidance.md, the table of stretches and self-massage), and
 * whether it is done on each side. Poses that are only positions, packs or rest are not here:
 * the builder adds those itself.
 */
export interface PoseStep {
  kind: "hold" | "move" | "massage";
  seconds: number;
  reps: number;
  sides: boolean;
  area: Area;
}

export const POSE_STEPS: Partial<Record<PoseName, PoseStep>> = {
  "knee-to-chest": { kind: "hold", seconds: 20, reps: 2, sides: true, area: "lower-back" },
  "knee-rolls": { kind: "hold", seconds: 10, reps: 2, sides: true, area: "lower-back" },
  "pelvic-tilt": { kind: "move", seconds: 50, reps: 1, sides: false, area: "lower-back" },
  cat: { kind: "move", seconds: 40, reps: 1, sides: false, area: "mid-back" },
  "bottom-to-heels": { kind: "move", seconds: 60, reps: 1, sides: false, area: "lower-back" },
  "cross-body-shoulder": { kind: "hold", seconds: 20, reps: 2, sides: true, area: "shoulders" },
  "chest-opener": { kind: "hold", seconds: 20, reps: 2, sides: false, area: "shoulder-blades" },
  "neck-side-tilt": { kind: "hold", seconds: 15, reps: 2, sides: true, area: "neck" },
  "seated-twist": { kind: "move", seconds: 40, reps: 1, sides: false, area: "mid-back" },
  "shoulder-rolls": { kind: "move", seconds: 20, reps: 1, sides: false, area: "shoulders" },
  "tennis-ball-wall": { kind: "massage", seconds: 60, reps: 1, sides: true, area: "upper-back" },
  "tennis-ball-floor": { kind: "massage", seconds: 60, reps: 1, sides: true, area: "upper-back" },
  "fingertips-upper-back": {
    kind: "massage",
    seconds: 60,
    reps: 1,
    sides: true,
    area: "shoulder-blades",
  },
  "fingertips-neck": { kind: "massage", seconds: 30, reps: 1, sides: false, area: "neck" },
};

export const BUILDER_POSES = Object.keys(POSE_STEPS) as PoseName[];

/** "Knee to chest" and "On your back, hands behind one knee, the other foot down.": a pose's own words. */
export function poseWords(pose: PoseName): { name: string; instruction: string } {
  const [name = pose, ...rest] = CATALOGUE[pose].title.split(":");
  const how = rest.join(":").trim();
  const instruction = how ? `${how[0]!.toUpperCase()}${how.slice(1)}.` : name;
  return { name: name.trim(), instruction };
}
