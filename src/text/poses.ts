import { POSE_STEPS } from "../builder/poses.js";
import type { PoseName } from "../routine/vocabulary.js";
import { localized } from "./locale.js";

/** A pose in words: its name, and how it is done (what its figure shows). */
export interface PoseWords {
  name: string;
  how: string;
}

/**
 * Each pose's words, by its id (src/poses/catalogue.ts keeps its figure): the caption under
 * knot new's list of poses and the title of its picture in docs/poses, and the name and
 * instruction a step picked in knot new starts from. As written here they go where knot writes
 * English for files (a routine's steps, the gallery); `poseText` gives them in the language
 * knot speaks.
 */
export const POSE_WORDS: Readonly<Record<PoseName, PoseWords>> = {
  rest: { name: "Rest", how: "lying on your back, knees bent, hands on your tummy" },
  "sit-tall": { name: "Sit tall", how: "on a chair, feet flat, shoulders dropped" },
  "all-fours": {
    name: "All fours",
    how: "on hands and knees, hands under shoulders, knees under hips",
  },
  "knee-to-chest": {
    name: "Knee to chest",
    how: "on your back, hands behind one knee, the other foot down",
  },
  "knee-rolls": {
    name: "Knee rolls",
    how: "on your back, arms wide, knees together rolled to one side",
  },
  "pelvic-tilt": {
    name: "Pelvic tilt",
    how: "on your back, flatten the lower back into the floor, then relax",
  },
  cat: { name: "Cat", how: "on hands and knees, round the back up, then let it sag" },
  "bottom-to-heels": {
    name: "Bottom to heels",
    how: "from hands and knees, ease your bottom back toward your heels",
  },
  "cross-body-shoulder": {
    name: "Cross-body shoulder",
    how: "one arm across the chest, the other hand above its elbow",
  },
  "chest-opener": { name: "Chest opener", how: "fingertips behind your head, elbows wide" },
  "neck-side-tilt": { name: "Neck side tilt", how: "one ear toward its shoulder, shoulders down" },
  "seated-twist": { name: "Seated twist", how: "arms crossed, hips forward, turn to one side" },
  "shoulder-rolls": {
    name: "Shoulder rolls",
    how: "slow, wide circles with the shoulders, arms loose",
  },
  "tennis-ball-wall": {
    name: "Tennis ball against a wall",
    how: "the ball beside the spine, roll by bending your knees",
  },
  "tennis-ball-floor": {
    name: "Tennis ball on the floor",
    how: "lying on the ball, beside the spine, knees bent",
  },
  "fingertips-upper-back": {
    name: "Fingertips on the upper back",
    how: "lying down, one hand over the top of the other shoulder",
  },
  "fingertips-neck": {
    name: "Fingertips on the back of the neck",
    how: "lying down, one hand behind the neck",
  },
  "heat-pack": {
    name: "Heat pack",
    how: "lying on your front, the wrapped heat on the tight area",
  },
  "cold-pack": { name: "Cold pack", how: "lying on your front, the wrapped pack on the sore spot" },
};

/** "Cat: on hands and knees, round the back up, then let it sag": a pose's name and how. */
const caption = (name: string, how: string) => `${name}: ${how}`;

export const poseText = localized({
  poses: POSE_WORDS,
  caption,
});

/** A pose's caption in the language knot speaks: knot new's words under its list of poses. */
export const poseCaption = (pose: PoseName): string =>
  poseText.caption(poseText.poses[pose].name, poseText.poses[pose].how);

/** A pose's caption as written, for the files knot writes (the gallery's pictures). */
export const writtenCaption = (pose: PoseName): string =>
  caption(POSE_WORDS[pose].name, POSE_WORDS[pose].how);

/**
 * "Knee to chest" and "On your back, hands behind one knee, the other foot down.": what a step
 * picked in knot new is called and told, as written into the routine (its figure's caption,
 * unless the builder says it shorter).
 */
export function poseWords(pose: PoseName): { name: string; instruction: string } {
  const { name, how } = POSE_WORDS[pose];
  const instruction = POSE_STEPS[pose]?.instruction ?? `${how[0]!.toUpperCase()}${how.slice(1)}.`;
  return { name, instruction };
}
