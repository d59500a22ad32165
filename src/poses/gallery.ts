import { POSES, type PoseName } from "../routine/vocabulary.js";
import { CATALOGUE } from "./catalogue.js";
import { frameCount } from "./figure.js";

/**
 * docs/poses/README.md: every pose's picture, name and caption (scripts/pose-gallery.mjs), with
 * each pose's words (its name, and how it is done) as `words` gives them.
 */
export function galleryPage(words: (pose: PoseName) => { name: string; how: string }): string {
  const rows = POSES.map((name) => {
    const pose = CATALOGUE[name];
    const { name: what, how } = words(name);
    const frames = pose.frames ? ` (${pose.frames.map((f) => f.name).join(" → ")})` : "";
    return `| \`${name}\` | ![${what}](${name}.svg) | **${what}**${how ? `: ${how}` : ""}${frameCount(pose) > 1 ? frames : ""} |`;
  });
  return [
    "# Poses",
    "",
    "The figures knot draws beside a routine's steps (`knot show` at a terminal about 100",
    "columns wide or more). A step names one with `pose`; these are all the names there are.",
    "Each shows the left side; knot mirrors it for the right. A movement shows its frames in",
    "order. Side views face right; front views face you, so the person's left is on your right.",
    "",
    "These images are drawn from the same data as the terminal figures, by",
    "`node scripts/pose-gallery.mjs`.",
    "",
    "| pose | figure | what it shows |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
