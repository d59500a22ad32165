import type { Point, PointRef } from "./figure.js";

/**
 * The bodies and props the catalogue's figures are drawn from: each way of lying, kneeling or
 * sitting as named points, the lines joining them, and the floor, stool, mat, pack and arrows.
 */

export const FLOOR: PointRef[] = [
  [0, 100],
  [100, 100],
];

/** A closed rectangle, for a mat seen from above or a pack. */
export const box = (left: number, top: number, right: number, bottom: number): Point[] => [
  [left, top],
  [right, top],
  [right, bottom],
  [left, bottom],
];
export const closed = (points: Point[]): Point[] => [...points, points[0]!];

/** An arrow along the points, with its head at the last one. */
export function arrow(...points: Point[]): PointRef[][] {
  const [x, y] = points.at(-1)!;
  const [px, py] = points.at(-2)!;
  const length = Math.hypot(x - px, y - py);
  const [ux, uy] = [(x - px) / length, (y - py) / length];
  const barb = (turn: number): Point => [
    x - 4 * (ux * Math.cos(turn) - uy * Math.sin(turn)),
    y - 4 * (ux * Math.sin(turn) + uy * Math.cos(turn)),
  ];
  return [points, [barb(0.6), [x, y], barb(-0.6)]];
}

/** Lying on the back, knees bent, feet flat; head to the left. */
export const lyingOnBack: Record<string, Point> = {
  head: [11, 92],
  neck: [20, 95],
  back: [36, 96],
  hip: [50, 96],
  knee: [63, 77],
  foot: [75, 98],
  toe: [81, 99],
  elbow: [29, 99],
  hand: [40, 92],
};
export const LYING_BODY = [
  ["neck", "back", "hip", "knee", "foot", "toe"],
  ["neck", "elbow", "hand"],
];

/** On hands and knees, facing right. */
export const onAllFours: Record<string, Point> = {
  head: [81, 65],
  neck: [72, 70],
  high: [64, 71],
  back: [56, 72],
  low: [48, 73],
  hip: [40, 74],
  knee: [40, 99],
  foot: [17, 99],
  elbow: [72, 85],
  hand: [72, 99],
};
export const ALL_FOURS_BODY = [
  ["neck", "high", "back", "low", "hip", "knee", "foot"],
  ["neck", "elbow", "hand"],
];

/** Sitting on a stool, facing the viewer: the person's left is on the right. */
export const seatedFront: Record<string, Point> = {
  head: [50, 12],
  neck: [50, 22],
  shoulderL: [61, 25],
  shoulderR: [39, 25],
  elbowL: [64, 42],
  elbowR: [36, 42],
  handL: [59, 57],
  handR: [41, 57],
  pelvis: [50, 56],
  hipL: [56, 58],
  hipR: [44, 58],
  kneeL: [60, 66],
  kneeR: [40, 66],
  footL: [61, 97],
  footR: [39, 97],
};
export const SEATED_TRUNK = [
  ["shoulderR", "neck", "shoulderL"],
  ["neck", "pelvis"],
  ["hipR", "pelvis", "hipL"],
  ["hipL", "kneeL", "footL"],
  ["hipR", "kneeR", "footR"],
];
/** The seat, without its legs: at a small size they hide the person's. */
export const STOOL: PointRef[][] = [
  [
    [30, 61],
    [70, 61],
  ],
  FLOOR,
];

/** Lying on the back, seen from above: head at the top, knees bent up toward the viewer. */
export const fromAbove: Record<string, Point> = {
  ...seatedFront,
  elbowL: [65, 40],
  elbowR: [35, 40],
  handL: [66, 54],
  handR: [34, 54],
  kneeL: [58, 74],
  kneeR: [42, 74],
  footL: [58, 88],
  footR: [42, 88],
};
export const ABOVE_BODY = [...SEATED_TRUNK, ["shoulderL", "elbowL", "handL"]];
export const MAT = [closed(box(20, 1, 80, 99))];

/** Lying face down, head to the right on folded arms. */
export const lyingOnFront: Record<string, Point> = {
  head: [86, 91],
  neck: [77, 95],
  back: [60, 96],
  hip: [43, 96],
  knee: [25, 97],
  foot: [8, 97],
  toe: [5, 100],
  elbow: [92, 99],
  hand: [84, 99],
};
export const FRONT_BODY = [
  ["neck", "back", "hip", "knee", "foot", "toe"],
  ["neck", "elbow", "hand"],
];
export const PACK = { polygon: box(50, 88, 68, 93) };

/** Small circles round each shoulder, for shoulder rolls. */
export const ring = (cx: number, cy: number, r: number, clockwise: boolean): Point[] =>
  Array.from({ length: 8 }, (_, i) => {
    const angle = ((clockwise ? 1 : -1) * (i * Math.PI * 2)) / 9 - Math.PI / 2;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
