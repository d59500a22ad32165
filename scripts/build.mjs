// Builds dist/ from src/ with esbuild: one start-up file (dist/main.js) holding the command
// line and commander, plus a chunk per command loaded only when that command runs. Measured
// with `npm run bench`, one bundle starts `knot list` markedly faster than loading each
// compiled module and commander's CommonJS files one by one. Type-checking is `npm run typecheck`.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// commander loads node:child_process up front, only to run "git-style" executable subcommands,
// which knot does not have. Loading it costs about 8 ms of every start (measured with
// `npm run bench`), so commander gets it on first use instead.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "lazy" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents:
        'let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};

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
  external: ["chalk", "ora", "@inquirer/prompts", "@lydell/node-pty", "string-width"],
  // commander is CommonJS and requires Node's own modules.
  banner: {
    js: "import { createRequire as __knotRequire } from 'node:module'; const require = __knotRequire(import.meta.url);",
  },
  // Chunks sit beside main.js: src/package.ts finds the package root as "../" from any of them.
  chunkNames: "[name]-[hash]",
  plugins: [lazyChildProcess],
  logLevel: "warning",
});
