import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/poses/catalogue.js";
import { galleryPage } from "../../src/poses/gallery.js";
import { poseSvg } from "../../src/poses/svg.js";
import { POSES } from "../../src/routine/vocabulary.js";
import { POSE_WORDS, writtenCaption } from "../../src/text/poses.js";

const dir = new URL("../../docs/poses/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

describe("the pose gallery in docs/poses (run `node scripts/pose-gallery.mjs` after changing a pose)", () => {
  it("has an up-to-date picture of every pose, and no other", () => {
    const svgs = readdirSync(dir).filter((name) => name.endsWith(".svg"));
    expect(svgs.sort()).toEqual(POSES.map((name) => `${name}.svg`).sort());
    for (const name of POSES)
      expect(read(`${name}.svg`), name).toBe(poseSvg(CATALOGUE[name], writtenCaption(name)));
  });

  it("shows every pose by name on its page", () => {
    const page = read("README.md");
    expect(page).toBe(galleryPage((pose) => POSE_WORDS[pose]));
    for (const name of POSES) expect(page).toContain(`| \`${name}\` | ![`);
  });

  it("is linked from the README's routine format", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain("](docs/poses/README.md)");
  });
});
