import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/poses/catalogue.js";
import { brailleLines, drawPose, mirrorDots } from "../../src/poses/draw.js";
import { boundsOf, frameCount, type Point, type Pose, shapesOf } from "../../src/poses/figure.js";
import { POSES } from "../../src/routine/vocabulary.js";

/** The dots of braille lines, row by row: the inverse of the drawing's encoding. */
function dotsOf(lines: string[]): boolean[][] {
  const bits = [
    [0x01, 0x08],
    [0x02, 0x10],
    [0x04, 0x20],
    [0x40, 0x80],
  ];
  return lines.flatMap((line) =>
    bits.map((row) =>
      [...line].flatMap((ch) => {
        const cell = ch === " " ? 0 : ch.codePointAt(0)! - 0x2800;
        return row.map((bit) => (cell & bit) !== 0);
      }),
    ),
  );
}
const inked = (lines: string[]) => dotsOf(lines).flat().filter(Boolean).length;

const SIZES = [
  [20, 10],
  [60, 24],
] as const;
const CASES = POSES.flatMap((name) => SIZES.map(([w, h]) => [name, w, h] as const));

describe("drawPose", () => {
  it.each(CASES)(
    "draws %s in a box of %i × %i characters, and nothing outside it",
    (name, w, h) => {
      const pose = CATALOGUE[name];
      for (let frame = 0; frame < frameCount(pose); frame++) {
        for (const side of ["left", "right"] as const) {
          const lines = drawPose(pose, { width: w, height: h, side, frame });
          expect(lines).toHaveLength(h);
          for (const line of lines) {
            expect([...line]).toHaveLength(w);
            // Braille cells and spaces only: no escape sequences, no colour, one column each.
            expect(line).toMatch(/^[\u2800-\u28ff ]*$/u);
          }
          // A figure, not a speck: at least a few dots for each character across.
          expect(inked(lines)).toBeGreaterThan(w);
        }
      }
    },
  );

  it.each(POSES.map((name) => [name]))("mirrors %s exactly for the right side", (name) => {
    const pose = CATALOGUE[name];
    const left = dotsOf(drawPose(pose, { width: 30, height: 12 }));
    const right = dotsOf(drawPose(pose, { width: 30, height: 12, side: "right" }));
    expect(right).not.toEqual(left);
    expect(right).toEqual(left.map((row) => [...row].reverse()));
  });

  it.each(POSES.filter((name) => frameCount(CATALOGUE[name]) > 1).map((name) => [name]))(
    "draws each frame of the movement %s differently",
    (name) => {
      const pose = CATALOGUE[name];
      const frames = Array.from({ length: frameCount(pose) }, (_, frame) =>
        drawPose(pose, { width: 30, height: 12, frame }).join("\n"),
      );
      expect(new Set(frames).size).toBe(frames.length);
    },
  );

  it("grows with the box: more dots in a larger box", () => {
    for (const name of POSES) {
      const pose = CATALOGUE[name];
      expect(inked(drawPose(pose, { width: 60, height: 24 })), name).toBeGreaterThan(
        inked(drawPose(pose, { width: 20, height: 10 })),
      );
    }
  });

  it("gives the same lines for the same pose and size", () => {
    const pose = CATALOGUE.cat;
    expect(drawPose(pose, { width: 24, height: 8, frame: 1 })).toEqual(
      drawPose(pose, { width: 24, height: 8, frame: 1 }),
    );
  });
});

/**
 * The figure's dots by the plain rule, cell by cell and slowly: every dot whose centre lies
 * within half a stroke of a point stamped along each segment (three stamps a dot), the discs,
 * the filled polygons and the head, as the drawing is specified; drawPose computes the same
 * dots faster.
 */
function plainDots(pose: Pose, w: number, h: number, side: "left" | "right", frame: number) {
  const width = w * 2;
  const height = h * 4;
  const on = new Uint8Array(width * height);
  const box = boundsOf(pose);
  const spanX = Math.max(1, box.right - box.left);
  const spanY = Math.max(1, box.bottom - box.top);
  const scaleFor = (m: number) =>
    Math.max(0, Math.min((width - 2 * m) / spanX, (height - 2 * m) / spanY));
  const thick = Math.max(1, Math.round(scaleFor(1) * 2.2));
  const thin = Math.max(1, Math.round(thick / 2));
  const scale = scaleFor(thick / 2 + 0.5);
  const ox = (width - spanX * scale) / 2;
  const oy = (height - spanY * scale) / 2;
  const place = ([x, y]: Point): Point => [ox + (x - box.left) * scale, oy + (y - box.top) * scale];
  const set = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) on[y * width + x] = 1;
  };
  const disc = ([x, y]: Point, r: number) => {
    for (let j = Math.floor(y - r); j <= Math.ceil(y + r); j++)
      for (let i = Math.floor(x - r); i <= Math.ceil(x + r); i++)
        if ((i + 0.5 - x) ** 2 + (j + 0.5 - y) ** 2 <= r * r) set(i, j);
  };
  const stamp = (p: Point, size: number) =>
    size <= 1 ? set(Math.floor(p[0]), Math.floor(p[1])) : disc(p, size / 2);
  const line = (a: Point, b: Point, size: number) => {
    const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) * 3) + 1;
    for (let k = 0; k <= steps; k++)
      stamp([a[0] + (b[0] - a[0]) * (k / steps), a[1] + (b[1] - a[1]) * (k / steps)], size);
  };
  const shapes = shapesOf(pose, frame);
  for (const s of shapes.segments) line(place(s.from), place(s.to), s.thick ? thick : thin);
  for (const d of shapes.discs) disc(place(d.at), Math.max(1, d.r * scale));
  const head = place(shapes.head.at);
  const r = shapes.head.r * scale;
  if (r < 3.5) disc(head, Math.max(1, r));
  else {
    const steps = Math.ceil(2 * Math.PI * r * 3);
    for (let k = 0; k < steps; k++) {
      const angle = (k / steps) * 2 * Math.PI;
      stamp([head[0] + r * Math.cos(angle), head[1] + r * Math.sin(angle)], thick);
    }
  }
  return { width, height, on, polygons: shapes.polygons.length, side };
}

describe("drawPose, against the plain rule", () => {
  // The mat view's sizes (the figure beside the clock at 160 × 45 and 100 × 30) and knot show's.
  const sizes = [
    [111, 30],
    [52, 18],
    [30, 12],
    [7, 3],
  ] as const;
  it.each(POSES.map((name) => [name]))("draws %s with the very dots of the plain rule", (name) => {
    const pose = CATALOGUE[name];
    for (const [w, h] of sizes) {
      for (let frame = 0; frame < frameCount(pose); frame++) {
        const plain = plainDots(pose, w, h, "left", frame);
        // Polygons (props) are filled by one rule in both: figures with none are compared whole.
        if (plain.polygons > 0) continue;
        const drawn = drawPose(pose, { width: w, height: h, frame });
        expect(drawn).toEqual(brailleLines(plain));
        expect(drawPose(pose, { width: w, height: h, frame, side: "right" })).toEqual(
          brailleLines(mirrorDots(plain)),
        );
      }
    }
  });
});
