// Writes routines/schema.json from the one description of the format in src/routine/schema.ts.
// A test fails when the published file is out of date: run `npm run schema` after a change.
import { writeFileSync } from "node:fs";
import { build } from "esbuild";

const { outputFiles } = await build({
  entryPoints: ["src/routine/schema.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  write: false,
});
const source = `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`;
const { toJsonSchema } = await import(source);
const target = new URL("../routines/schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(toJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
