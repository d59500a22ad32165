import type { PoseName } from "../routine/vocabulary.js";

/** x grows to the right, y downwards; the floor of a figure on the floor is at y = 100. */
export type Point = readonly [x: number, y: number];
/** A point by its name in the pose's `points`, which frames may move, or fixed coordinates. */
export type PointRef = string | Point;

/**
 * A figure as data: named joints, the strokes between them and a few props. The drawing of a
 * person's left side; the right side is its mirror image. Front views face the viewer, so the
 * person's left is on the viewer's right.
 */
export interface Pose {
  points: Readonly<Record<string, Point>>;
  /** The head, a circle round a point. */
  head: { at: string; r: number };
  /** The body's strokes: chains of points, drawn as segments between neighbours. */
  body: readonly (readonly PointRef[])[];
  /** Thinner strokes: the floor, a wall, a chair, a mat, arrows, heat waves. */
  props?: readonly (readonly PointRef[])[];
  /** Filled shapes: a ball (a circle) or a pack (a closed chain). */
  solids?: readonly Solid[];
  /** A movement: each frame's name and the points it moves from `points` (the first moves none). */
  frames?: readonly { name: string; moves: Readonly<Record<string, Point>> }[];
}

export type Solid = { circle: PointRef; r: number } | { polygon: readonly PointRef[] };

export type Catalogue = Readonly<Record<PoseName, Pose>>;

/** One frame of a pose, resolved to coordinates: what both the terminal and SVG drawings draw. */
export interface Shapes {
  head: { at: Point; r: number };
  /** Each segment once, `thick` for the body. */
  segments: { from: Point; to: Point; thick: boolean }[];
  discs: { at: Point; r: number }[];
  polygons: Point[][];
}

export const frameCount = (pose: Pose): number => pose.frames?.length ?? 1;

export function shapesOf(pose: Pose, frame = 0): Shapes {
  const moves = pose.frames?.[frame]?.moves ?? {};
  const at = (ref: PointRef): Point => {
    if (typeof ref !== "string") return ref;
    const point = moves[ref] ?? pose.points[ref];
    if (!point) throw new Error(`a pose names a point it does not have: "${ref}"`);
    return point;
  };
  const segments: Shapes["segments"] = [];
  const chain = (refs: readonly PointRef[], thick: boolean) => {
    for (let i = 1; i < refs.length; i++) {
      segments.push({ from: at(refs[i - 1]!), to: at(refs[i]!), thick });
    }
  };
  for (const refs of pose.body) chain(refs, true);
  for (const refs of pose.props ?? []) chain(refs, false);
  // The neck: from the edge of the head to the point called "neck", when there is a gap.
  const head = at(pose.head.at);
  const neck = moves.neck ?? pose.points.neck;
  if (neck) {
    const gap = Math.hypot(neck[0] - head[0], neck[1] - head[1]);
    if (gap > pose.head.r) {
      const t = pose.head.r / gap;
      const edge: Point = [head[0] + (neck[0] - head[0]) * t, head[1] + (neck[1] - head[1]) * t];
      segments.push({ from: edge, to: neck, thick: true });
    }
  }
  const discs: Shapes["discs"] = [];
  const polygons: Shapes["polygons"] = [];
  for (const solid of pose.solids ?? []) {
    if ("circle" in solid) discs.push({ at: at(solid.circle), r: solid.r });
    else polygons.push(solid.polygon.map(at));
  }
  return { head: { at: head, r: pose.head.r }, segments, discs, polygons };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box round every frame of a pose, so the frames of a movement line up. */
export function boundsOf(pose: Pose): Box {
  const box: Box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const add = ([x, y]: Point, r = 0) => {
    box.left = Math.min(box.left, x - r);
    box.right = Math.max(box.right, x + r);
    box.top = Math.min(box.top, y - r);
    box.bottom = Math.max(box.bottom, y + r);
  };
  for (let frame = 0; frame < frameCount(pose); frame++) {
    const shapes = shapesOf(pose, frame);
    add(shapes.head.at, shapes.head.r);
    for (const s of shapes.segments) {
      add(s.from);
      add(s.to);
    }
    for (const d of shapes.discs) add(d.at, d.r);
    for (const p of shapes.polygons) for (const point of p) add(point);
  }
  return box;
}
