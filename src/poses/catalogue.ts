// Long: one table of data, read whole: a figure for every pose name, each a few lines of points.
import {
  ABOVE_BODY,
  ALL_FOURS_BODY,
  arrow,
  box,
  closed,
  FLOOR,
  FRONT_BODY,
  fromAbove,
  LYING_BODY,
  lyingOnBack,
  lyingOnFront,
  MAT,
  onAllFours,
  PACK,
  ring,
  SEATED_TRUNK,
  STOOL,
  seatedFront,
} from "./bodies.js";
import type { Catalogue, Point, Pose } from "./figure.js";

/**
 * The figures knot draws beside its steps, one for every name in `POSES` (vocabulary.ts).
 * Side views face right; front views and views from above face the viewer. Each is the
 * person's left side; knot mirrors it for the right.
 */

export const CATALOGUE: Catalogue = {
  rest: {
    points: lyingOnBack,
    head: { at: "head", r: 6 },
    body: LYING_BODY,
    props: [FLOOR],
  },
  "sit-tall": {
    points: {
      head: [38, 14],
      neck: [37, 24],
      back: [36, 42],
      hip: [36, 58],
      knee: [60, 58],
      foot: [61, 98],
      toe: [68, 99],
      elbow: [40, 43],
      hand: [53, 53],
    },
    head: { at: "head", r: 6 },
    body: [
      ["neck", "back", "hip", "knee", "foot", "toe"],
      ["neck", "elbow", "hand"],
    ],
    props: [
      [
        [28, 34],
        [28, 99],
      ],
      [
        [28, 62],
        [56, 62],
        [56, 99],
      ],
      FLOOR,
    ],
  },
  "all-fours": {
    points: onAllFours,
    head: { at: "head", r: 6 },
    body: ALL_FOURS_BODY,
    props: [FLOOR],
  },
  "knee-to-chest": {
    points: {
      ...lyingOnBack,
      kneeA: [41, 73],
      footA: [60, 66],
      elbow: [25, 82],
      hand: [38, 76],
      knee: [66, 77],
      foot: [78, 98],
      toe: [84, 99],
    },
    head: { at: "head", r: 6 },
    body: [...LYING_BODY, ["hip", "kneeA", "footA"]],
    props: [FLOOR],
  },
  "knee-rolls": {
    points: {
      ...fromAbove,
      elbowL: [75, 27],
      handL: [90, 28],
      elbowR: [25, 27],
      handR: [10, 28],
      kneeL: [55, 72],
      kneeR: [45, 72],
      footL: [55, 86],
      footR: [45, 86],
    },
    frames: [
      { name: "knees up", moves: {} },
      {
        name: "rolled",
        moves: { kneeL: [74, 64], footL: [61, 80], kneeR: [71, 71], footR: [57, 85] },
      },
    ],
    head: { at: "head", r: 7 },
    body: [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"], ["shoulderR", "elbowR", "handR"]],
    props: [closed(box(4, 1, 96, 99))],
  },
  "pelvic-tilt": {
    points: { ...lyingOnBack, back: [40, 89], elbow: [32, 99], hand: [45, 99] },
    frames: [
      { name: "relaxed", moves: {} },
      { name: "flattened", moves: { back: [40, 97], hip: [50, 97] } },
    ],
    head: { at: "head", r: 6 },
    body: LYING_BODY,
    props: [FLOOR],
  },
  cat: {
    points: { ...onAllFours, low: [45, 64], back: [56, 59], high: [67, 62], head: [76, 80] },
    frames: [
      { name: "round", moves: {} },
      { name: "sag", moves: { low: [47, 79], back: [56, 81], high: [65, 78], head: [81, 62] } },
    ],
    head: { at: "head", r: 6 },
    body: ALL_FOURS_BODY,
    props: [FLOOR],
  },
  "bottom-to-heels": {
    points: onAllFours,
    frames: [
      { name: "on all fours", moves: {} },
      {
        name: "back to heels",
        moves: {
          hip: [21, 85],
          low: [29, 83],
          back: [37, 83],
          high: [46, 84],
          neck: [54, 85],
          head: [62, 92],
          elbow: [63, 93],
        },
      },
    ],
    head: { at: "head", r: 6 },
    body: ALL_FOURS_BODY,
    props: [FLOOR],
  },
  "cross-body-shoulder": {
    points: {
      ...seatedFront,
      elbowL: [46, 33],
      handL: [31, 33],
      elbowR: [36, 43],
      handR: [51, 32],
    },
    head: { at: "head", r: 7 },
    body: [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"], ["shoulderR", "elbowR", "handR"]],
    props: STOOL,
  },
  "chest-opener": {
    points: {
      ...seatedFront,
      elbowL: [77, 17],
      handL: [57, 9],
      elbowR: [23, 17],
      handR: [43, 9],
    },
    head: { at: "head", r: 7 },
    body: [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"], ["shoulderR", "elbowR", "handR"]],
    props: STOOL,
  },
  "neck-side-tilt": {
    points: { ...seatedFront, head: [58, 16] },
    head: { at: "head", r: 7 },
    body: [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"], ["shoulderR", "elbowR", "handR"]],
    props: STOOL,
  },
  "seated-twist": {
    points: {
      ...seatedFront,
      head: [52, 12],
      nose: [60, 14],
      elbowL: [57, 40],
      handL: [40, 31],
      elbowR: [43, 40],
      handR: [60, 31],
    },
    head: { at: "head", r: 7 },
    body: [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"], ["shoulderR", "elbowR", "handR"]],
    props: [...STOOL, ["head", "nose"], ...arrow([30, 46], [40, 51], [50, 52], [60, 51], [72, 45])],
  },
  "shoulder-rolls": {
    points: seatedFront,
    frames: [
      { name: "down", moves: {} },
      { name: "up", moves: { shoulderL: [61, 19], shoulderR: [39, 19] } },
    ],
    head: { at: "head", r: 7 },
    body: [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"], ["shoulderR", "elbowR", "handR"]],
    props: [...STOOL, ring(72, 14, 6, true), ring(28, 14, 6, false)],
  },
  "tennis-ball-wall": {
    points: {
      head: [32, 12],
      neck: [30, 21],
      back: [29, 38],
      hip: [31, 55],
      knee: [40, 77],
      foot: [37, 98],
      toe: [44, 99],
      elbow: [35, 36],
      hand: [46, 28],
    },
    frames: [
      { name: "up", moves: {} },
      {
        name: "down",
        moves: {
          head: [32, 20],
          neck: [30, 29],
          back: [29, 46],
          hip: [31, 63],
          knee: [47, 78],
          elbow: [35, 44],
          hand: [46, 36],
        },
      },
    ],
    head: { at: "head", r: 6 },
    body: [
      ["neck", "back", "hip", "knee", "foot", "toe"],
      ["neck", "elbow", "hand"],
    ],
    props: [
      [
        [20, 0],
        [20, 100],
      ],
      FLOOR,
    ],
    solids: [{ circle: [25, 35], r: 5 }],
  },
  "tennis-ball-floor": {
    points: {
      ...lyingOnBack,
      head: [11, 90],
      neck: [20, 91],
      back: [33, 92],
      hip: [50, 95],
      elbow: [28, 83],
      hand: [38, 87],
    },
    head: { at: "head", r: 6 },
    body: LYING_BODY,
    props: [FLOOR],
    solids: [{ circle: [30, 96.5], r: 3.5 }],
  },
  "fingertips-upper-back": {
    points: { ...fromAbove, elbowR: [44, 38], handR: [60, 22] },
    head: { at: "head", r: 7 },
    body: [...ABOVE_BODY, ["shoulderR", "elbowR", "handR"]],
    props: MAT,
  },
  "fingertips-neck": {
    points: { ...fromAbove, elbowR: [27, 16], handR: [47, 20] },
    head: { at: "head", r: 7 },
    body: [...ABOVE_BODY, ["shoulderR", "elbowR", "handR"]],
    props: MAT,
  },
  "heat-pack": {
    points: lyingOnFront,
    head: { at: "head", r: 6 },
    body: FRONT_BODY,
    props: [
      FLOOR,
      ...[53, 59, 65].map((x): Point[] => [
        [x, 85],
        [x + 2, 81],
        [x, 77],
        [x + 2, 73],
        [x, 69],
      ]),
    ],
    solids: [PACK],
  },
  "cold-pack": {
    points: lyingOnFront,
    head: { at: "head", r: 6 },
    body: FRONT_BODY,
    props: [
      FLOOR,
      [
        [52, 77],
        [66, 77],
      ],
      [
        [55.5, 71],
        [62.5, 83],
      ],
      [
        [62.5, 71],
        [55.5, 83],
      ],
    ],
    solids: [PACK],
  },
};

/** A pose by name, or undefined: names come from routine files, checked against `POSES`. */
export const poseNamed = (name: string): Pose | undefined =>
  Object.hasOwn(CATALOGUE, name) ? CATALOGUE[name as keyof Catalogue] : undefined;
