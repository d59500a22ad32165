import type { Side } from "../routine/vocabulary.js";
import { drawPose } from "./draw.js";
import { frameCount, type Pose } from "./figure.js";

/** Between the frames of a movement, on the figure's middle row. */
const ARROW = " → ";

/**
 * A pose ready to print beside text: its frames side by side, an arrow between them, blank
 * rows above and below trimmed away (a figure lying on the floor needs few). A single frame
 * gets the whole width; a movement shares it. Every line is `width` characters.
 */
export function poseBlock(
  pose: Pose,
  options: { width: number; height: number; side?: Side },
): string[] {
  const frames = frameCount(pose);
  const frameWidth = Math.floor((options.width - (frames - 1) * ARROW.length) / frames);
  const drawn = Array.from({ length: frames }, (_, frame) =>
    drawPose(pose, { width: frameWidth, height: options.height, frame, side: options.side }),
  );
  const blank = (row: number) => drawn.every((lines) => lines[row]!.trim() === "");
  let top = 0;
  let bottom = options.height - 1;
  while (top < bottom && blank(top)) top++;
  while (bottom > top && blank(bottom)) bottom--;
  const middle = Math.floor((top + bottom) / 2);
  const lines: string[] = [];
  for (let row = top; row <= bottom; row++) {
    const joint = row === middle ? ARROW : " ".repeat(ARROW.length);
    lines.push(
      drawn
        .map((frame) => frame[row]!)
        .join(joint)
        .padEnd(options.width),
    );
  }
  return lines;
}
