import type { Side } from "../routine/vocabulary.js";
import { boundsOf, type Point, type Pose, shapesOf } from "./figure.js";

/**
 * Draws a pose as text: Unicode braille, each character a cell of 2 × 4 dots, so a figure in a
 * box of 20 × 10 characters has 40 × 40 dots. Pure: the same pose and size give the same lines.
 */
export interface DrawOptions {
  /** Characters across and lines down. */
  width: number;
  height: number;
  /** "right" mirrors the figure (the catalogue draws the left side). */
  side?: Side;
  /** Which frame of a movement; the first when left out. */
  frame?: number;
}

/** A grid of dots, row by row. */
export interface Dots {
  width: number;
  height: number;
  on: Uint8Array;
}

const BRAILLE_BASE = 0x2800;
// The bit of each dot in a braille cell, by [row][column].
const BRAILLE_BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
] as const;

/** The pose's dots for a box of `width` × `height` characters. */
export function poseDots(pose: Pose, options: DrawOptions): Dots {
  const width = Math.max(1, Math.floor(options.width)) * 2;
  const height = Math.max(1, Math.floor(options.height)) * 4;
  const dots: Dots = { width, height, on: new Uint8Array(width * height) };
  const box = boundsOf(pose);
  const spanX = Math.max(1, box.right - box.left);
  const spanY = Math.max(1, box.bottom - box.top);
  const scaleFor = (margin: number) =>
    Math.max(0, Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY));
  // Strokes thicken as the figure grows, so a large figure still reads from across the room.
  const thick = Math.max(1, Math.round(scaleFor(1) * 2.2));
  const thin = Math.max(1, Math.round(thick / 2));
  const scale = scaleFor(thick / 2 + 0.5);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const place = ([x, y]: Point): Point => [
    offsetX + (x - box.left) * scale,
    offsetY + (y - box.top) * scale,
  ];

  // Run once for each figure drawn, over many thousands of dots: plain numbers and loops
  // clipped to the grid, no point arrays made on the way (the dots are the same).
  const on = dots.on;
  const set = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) on[y * width + x] = 1;
  };
  /** Every dot whose centre is within `r` of (x, y). */
  const round = (x: number, y: number, r: number) => {
    const grid = on;
    const across = width;
    const rr = r * r;
    const top = Math.max(0, Math.floor(y - r));
    const bottom = Math.min(height - 1, Math.ceil(y + r));
    const left = Math.max(0, Math.floor(x - r));
    const right = Math.min(across - 1, Math.ceil(x + r));
    for (let j = top; j <= bottom; j++) {
      const dy = j + 0.5 - y;
      const dy2 = dy * dy;
      const row = j * across;
      for (let i = left; i <= right; i++) {
        const dx = i + 0.5 - x;
        if (dx * dx + dy2 <= rr) grid[row + i] = 1;
      }
    }
  };
  const stamp = (x: number, y: number, size: number) => {
    if (size <= 1) set(Math.floor(x), Math.floor(y));
    else round(x, y, size / 2);
  };
  const line = (from: Point, to: Point, size: number) => {
    const [x0, y0] = from;
    const dx = to[0] - x0;
    const dy = to[1] - y0;
    const steps = Math.ceil(Math.hypot(dx, dy) * 3) + 1;
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      stamp(x0 + dx * t, y0 + dy * t, size);
    }
  };
  const disc = ([x, y]: Point, r: number) => round(x, y, r);
  const polygon = (points: Point[]) => {
    const ys = points.map((p) => p[1]);
    const xs = points.map((p) => p[0]);
    for (let j = Math.floor(Math.min(...ys)); j <= Math.ceil(Math.max(...ys)); j++) {
      for (let i = Math.floor(Math.min(...xs)); i <= Math.ceil(Math.max(...xs)); i++) {
        if (inside([i + 0.5, j + 0.5], points)) set(i, j);
      }
    }
    for (const [k, p] of points.entries()) line(p, points[(k + 1) % points.length]!, thin);
  };

  const shapes = shapesOf(pose, options.frame ?? 0);
  for (const s of shapes.segments) line(place(s.from), place(s.to), s.thick ? thick : thin);
  for (const d of shapes.discs) disc(place(d.at), Math.max(1, d.r * scale));
  for (const p of shapes.polygons) polygon(p.map(place));
  const head = place(shapes.head.at);
  const r = shapes.head.r * scale;
  if (r < 3.5) disc(head, Math.max(1, r));
  else {
    const steps = Math.ceil(2 * Math.PI * r * 3);
    for (let k = 0; k < steps; k++) {
      const angle = (k / steps) * 2 * Math.PI;
      stamp(head[0] + r * Math.cos(angle), head[1] + r * Math.sin(angle), thick);
    }
  }
  return options.side === "right" ? mirrorDots(dots) : dots;
}

/** Even-odd rule: whether a point is inside a closed polygon. */
function inside([x, y]: Point, points: Point[]): boolean {
  let result = false;
  for (let k = 0, prev = points.length - 1; k < points.length; prev = k++) {
    const [xi, yi] = points[k]!;
    const [xj, yj] = points[prev]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** The dots flipped left to right. */
export function mirrorDots(dots: Dots): Dots {
  const on = new Uint8Array(dots.on.length);
  for (let y = 0; y < dots.height; y++) {
    for (let x = 0; x < dots.width; x++) {
      on[y * dots.width + (dots.width - 1 - x)] = dots.on[y * dots.width + x]!;
    }
  }
  return { ...dots, on };
}

/** Dots as braille text: `height / 4` lines of `width / 2` characters, blank cells as spaces. */
export function brailleLines(dots: Dots): string[] {
  const { width, on } = dots;
  const lines: string[] = [];
  // A cell's eight dots read at once, each line made from its character codes in one go.
  const codes: number[] = [];
  for (let row = 0; row < dots.height / 4; row++) {
    codes.length = 0;
    const r0 = row * 4 * width;
    const r1 = r0 + width;
    const r2 = r1 + width;
    const r3 = r2 + width;
    for (let x = 0; x < width; x += 2) {
      const bits =
        (on[r0 + x] ? BRAILLE_BITS[0][0] : 0) |
        (on[r0 + x + 1] ? BRAILLE_BITS[0][1] : 0) |
        (on[r1 + x] ? BRAILLE_BITS[1][0] : 0) |
        (on[r1 + x + 1] ? BRAILLE_BITS[1][1] : 0) |
        (on[r2 + x] ? BRAILLE_BITS[2][0] : 0) |
        (on[r2 + x + 1] ? BRAILLE_BITS[2][1] : 0) |
        (on[r3 + x] ? BRAILLE_BITS[3][0] : 0) |
        (on[r3 + x + 1] ? BRAILLE_BITS[3][1] : 0);
      codes.push(bits === 0 ? 0x20 : BRAILLE_BASE + bits);
    }
    lines.push(String.fromCharCode(...codes));
  }
  return lines;
}

/** A pose as `height` lines of `width` characters each. */
export const drawPose = (pose: Pose, options: DrawOptions): string[] =>
  brailleLines(poseDots(pose, options));
