import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/poses/catalogue.js";
import { drawPose } from "../../src/poses/draw.js";
import { frameCount } from "../../src/poses/figure.js";
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
