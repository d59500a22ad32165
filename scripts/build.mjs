// Builds dist/ from src/ with esbuild: one start-up file (dist/main.js) holding the command
// line and commander, plus a chunk per command loaded only when that command runs. Measured
// with `npm run bench`, one bundle starts `knot list` markedly faster than loading each
// compiled module and commander's CommonJS files one by one. Type-checking is `npm run typecheck`.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync(new URL("../dist/", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Loaded on demand by the commands that need them; left as ordinary dependencies.
  external: ["chalk", "ora", "@inquirer/prompts", "node-pty"],
  // commander is CommonJS and requires Node's own modules.
  banner: {
    js: "import { createRequire as __knotRequire } from 'node:module'; const require = __knotRequire(import.meta.url);",
  },
  // Chunks sit beside main.js: src/package.ts finds the package root as "../" from any of them.
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
});
