import { POSES } from "../routine/vocabulary.js";
import { CATALOGUE } from "./catalogue.js";
import { frameCount } from "./figure.js";

/** docs/poses/README.md: every pose's picture, name and caption (scripts/pose-gallery.mjs). */
export function galleryPage(): string {
  const rows = POSES.map((name) => {
    const pose = CATALOGUE[name];
    const [what, how] = splitTitle(pose.title);
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

/** "Cat: on hands and knees, …" as its name and the rest. */
function splitTitle(title: string): [string, string] {
  const colon = title.indexOf(": ");
  return colon < 0 ? [title, ""] : [title.slice(0, colon), title.slice(colon + 2)];
}
