import type { Side } from "../routine/vocabulary.js";
import { boundsOf, frameCount, type Point, type Pose, shapesOf } from "./figure.js";

/**
 * A pose as an SVG image, from the same data as the terminal drawing: every frame of a
 * movement in a row, an arrow between them. Dark strokes on a light card, so it reads on a
 * light or a dark page.
 */
export interface SvgOptions {
  side?: Side;
  /** Pixels for each unit of the pose (a standing figure is about 100 units tall). */
  scale?: number;
}

const INK = "#1f2328";
const PROP = "#57606a";
const CARD = "#ffffff";
const BODY_WIDTH = 3.2;
const PROP_WIDTH = 1.5;
const MARGIN = 6;
const GAP = 18;

const num = (n: number) => String(Math.round(n * 10) / 10);
const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `title`: what the figure shows, in words (the image's title, read out by screen readers). */
export function poseSvg(pose: Pose, title: string, options: SvgOptions = {}): string {
  const box = boundsOf(pose);
  const frameWidth = box.right - box.left + 2 * MARGIN;
  const frameHeight = box.bottom - box.top + 2 * MARGIN;
  const frames = frameCount(pose);
  const width = frames * frameWidth + (frames - 1) * GAP;
  const scale = options.scale ?? 1.6;
  const pixelsHigh = Math.round(frameHeight * scale);
  const pixelsWide = Math.round(width * scale);

  const parts: string[] = [];
  for (let frame = 0; frame < frames; frame++) {
    const shiftX = frame * (frameWidth + GAP) + MARGIN;
    const place = ([x, y]: Point): string => {
      const mirrored = options.side === "right" ? box.left + box.right - x : x;
      return `${num(mirrored - box.left + shiftX)} ${num(y - box.top + MARGIN)}`;
    };
    const shapes = shapesOf(pose, frame);
    parts.push(`<g class="frame" data-frame="${escapeXml(pose.frames?.[frame]?.name ?? "")}">`);
    for (const s of shapes.segments) {
      const look = s.thick
        ? `stroke="${INK}" stroke-width="${BODY_WIDTH}"`
        : `stroke="${PROP}" stroke-width="${PROP_WIDTH}"`;
      parts.push(`<path d="M ${place(s.from)} L ${place(s.to)}" ${look}/>`);
    }
    for (const p of shapes.polygons) {
      parts.push(
        `<path d="M ${p.map(place).join(" L ")} Z" fill="${PROP}" stroke="${INK}" stroke-width="${PROP_WIDTH}"/>`,
      );
    }
    for (const d of shapes.discs) {
      const [cx, cy] = place(d.at).split(" ");
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${num(d.r)}" fill="${INK}"/>`);
    }
    const [hx, hy] = place(shapes.head.at).split(" ");
    parts.push(
      `<circle cx="${hx}" cy="${hy}" r="${num(shapes.head.r)}" fill="${CARD}" stroke="${INK}" stroke-width="${BODY_WIDTH}"/>`,
    );
    parts.push("</g>");
    if (frame < frames - 1) {
      // An arrow from one frame to the next, in the gap between them.
      const x = (frame + 1) * (frameWidth + GAP) - GAP;
      const y = frameHeight / 2;
      parts.push(
        `<path class="next" d="M ${num(x + 4)} ${num(y)} L ${num(x + GAP - 4)} ${num(y)} M ${num(x + GAP - 8)} ${num(y - 4)} L ${num(x + GAP - 4)} ${num(y)} L ${num(x + GAP - 8)} ${num(y + 4)}" stroke="${PROP}" stroke-width="${PROP_WIDTH}"/>`,
      );
    }
  }
  const label = escapeXml(title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(frameHeight)}" width="${pixelsWide}" height="${pixelsHigh}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect width="100%" height="100%" rx="4" fill="${CARD}"/>`,
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round">`,
    ...parts,
    "</g>",
    "</svg>",
    "",
  ].join("\n");
}
