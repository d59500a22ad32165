// Draws knot's pose catalogue as SVG for people to see before they start: one image per pose
// in docs/poses/, and docs/poses/README.md showing them all. The images come from the same
// data as the figures `knot show` draws; a test fails when they are out of date, so run
// `node scripts/pose-gallery.mjs` after changing a pose.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const { outputFiles } = await build({
  stdin: {
    contents: [
      'export { CATALOGUE } from "./src/poses/catalogue.ts";',
      'export { frameCount } from "./src/poses/figure.ts";',
      'export { galleryPage } from "./src/poses/gallery.ts";',
      'export { poseSvg } from "./src/poses/svg.ts";',
      'export { POSE_WORDS, writtenCaption } from "./src/text/poses.ts";',
      'export { POSES } from "./src/routine/vocabulary.ts";',
    ].join("\n"),
    resolveDir: new URL("..", import.meta.url).pathname,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  write: false,
});
const source = `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`;
const { CATALOGUE, POSES, POSE_WORDS, galleryPage, poseSvg, writtenCaption } = await import(source);

const dir = new URL("../docs/poses/", import.meta.url);
mkdirSync(dir, { recursive: true });
// A pose that was renamed or removed leaves no stale image behind.
for (const name of readdirSync(dir)) {
  if (name.endsWith(".svg") && !POSES.includes(name.slice(0, -4))) rmSync(new URL(name, dir));
}
for (const name of POSES) {
  writeFileSync(new URL(`${name}.svg`, dir), poseSvg(CATALOGUE[name], writtenCaption(name)));
}
writeFileSync(
  new URL("README.md", dir),
  galleryPage((pose) => POSE_WORDS[pose]),
);
console.log(`wrote ${POSES.length} poses and README.md to ${dir.pathname}`);
