// Builds dist/ from src/ with esbuild: one start-up file (dist/main.js) holding the command
// line and commander, plus a chunk per command loaded only when that command runs. Measured
// with `npm run bench`, one bundle starts `knot list` markedly faster than loading each
// compiled module and commander's CommonJS files one by one. Type-checking is `npm run typecheck`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// esbuild is a dev dependency: a clone installed with --omit=dev cannot build. Say what works.
let build;
try {
  ({ build } = await import("esbuild"));
} catch {
  process.stderr.write(
    [
      "knot: building dist/ needs the dev dependencies (esbuild), which this install left out.",
      "  In a clone, run `npm install` (or `npm ci`) without --omit=dev, then `npm install -g .`;",
      "  or make a package with only what knot needs to run: `npm pack`, then",
      "  `npm install -g ./knot-<version>.tgz` (see Install in README.md).",
      "",
    ].join("\n"),
  );
  process.exit(1);
}

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
const result = await build({
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
  // Licence comments kept in the code go to dist/*.LEGAL.txt; the full notices are written below.
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
});

// The bundled packages' own licences, beside the code that carries them: every package whose
// files went into dist/ (commander, conf and what conf uses), with its licence text.
const bundled = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const at = input.lastIndexOf("node_modules/");
  if (at < 0) continue;
  const rest = input.slice(at + "node_modules/".length).split("/");
  const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  bundled.set(name, join(input.slice(0, at), "node_modules", name));
}
const notices = [...bundled]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, folder]) => {
    const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const licenceFile = readdirSync(folder).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    if (!licenceFile) throw new Error(`${name} has no licence file to ship with the bundle`);
    const text = readFileSync(join(folder, licenceFile), "utf8").trim();
    return `## ${name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
writeFileSync(
  new URL("../dist/THIRD-PARTY-NOTICES.md", import.meta.url),
  `# Third-party notices\n\nknot's dist/ bundles the following packages; each licence is reproduced below.\n\n${notices.join("\n")}`,
);
