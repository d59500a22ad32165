// Builds dist/ from src/ with esbuild: one start-up file (dist/main.js) holding the command
// line and commander, plus a chunk per command loaded only when that command runs. Measured
// with `npm run bench`, one bundle starts `knot list` markedly faster than loading each
// compiled module and commander's CommonJS files one by one. Type-checking is `npm run typecheck`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// esbuild is a dev dependency. Two installs leave it out, and the message says which and what
// works instead:
// - `npm install -g <git URL>`: npm clones knot and runs this build (the prepare script) after
//   an install in the clone that it makes global too, so the dev dependencies never reach the
//   clone, and what it links into the global folder is its own temporary clone (an npm
//   limitation: github.com/npm/cli/issues/8440). Installing them here was tried: the build
//   then passes and the install is still a link to a folder npm deletes.
// - `npm install --omit=dev` in a clone.
let build;
let transform;
try {
  ({ build, transform } = await import("esbuild"));
} catch {
  const fromGitUrl = process.env.npm_config_global === "true";
  process.stderr.write(
    [
      ...(fromGitUrl
        ? [
            "knot: `npm install -g` from a git URL cannot build knot: npm runs the build in its own",
            "  clone of knot without the dev dependencies (esbuild) and links that temporary clone",
            "  into the global folder (an npm limitation with `prepare` and -g: npm/cli#8440).",
          ]
        : [
            "knot: building dist/ needs the dev dependencies (esbuild), which this install left out.",
          ]),
      "  What works: in a clone, `npm install` (or `npm ci`) without --omit=dev, then",
      `  \`npm install -g .\`; or \`npm pack\` there and \`npm install -g ./${pkg.name}-<version>.tgz\``,
      "  (see Install in README.md).",
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
  // The run-time dependencies are loaded on demand by the commands that need them and installed
  // with knot, so they stay outside the bundle (node-pty is only for the tests' terminals).
  external: [...Object.keys(pkg.dependencies), "@lydell/node-pty"],
  // Chunks sit beside main.js: src/package.ts finds the package root as "../" from any of them.
  chunkNames: "[name]-[hash]",
  plugins: [lazyChildProcess],
  // Licence comments kept in the code go to dist/*.LEGAL.txt; the full notices are written below.
  legalComments: "linked",
  metafile: true,
  write: false,
  logLevel: "warning",
});

// The chunks are then turned into CommonJS (dist/package.json says so): Node 20 loads and links
// CommonJS files with less work than ES modules, about 10 ms of `knot list` and 25 ms of
// `knot start` (user+sys over many runs). esbuild splits only ES modules, hence two steps. A
// command's chunk is still loaded when it runs (a require inside a promise), the run-time
// packages, ES modules themselves, by import(); import.meta.url becomes the file's own URL.
mkdirSync(new URL("../dist/", import.meta.url), { recursive: true });
writeFileSync(new URL("../dist/package.json", import.meta.url), '{ "type": "commonjs" }\n');
for (const file of result.outputFiles) {
  if (!file.path.endsWith(".js")) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const code = file.text.replace(
    /\bimport\(\s*("\.\/[\w.-]+\.js")\s*\)/g,
    "Promise.resolve().then(() => require($1))",
  );
  const cjs = await transform(code, {
    format: "cjs",
    loader: "js",
    target: "node20",
    define: { "import.meta.url": "__knotModuleUrl", "import.meta.dirname": "__dirname" },
    legalComments: "inline",
  });
  // A file's own URL only where it is used: node:url costs every start that loads it.
  const url = cjs.code.includes("__knotModuleUrl")
    ? 'const __knotModuleUrl = require("node:url").pathToFileURL(__filename).href;\n'
    : "";
  writeFileSync(file.path, url + packagesThroughImportCjs(cjs.code));
}

/**
 * The run-time packages are ES modules, loaded by import() from one small file: bin/knot.js
 * compiles the rest of dist/ with the code V8 kept from the last run, and code read back that
 * way cannot run an import() of its own on Node 20.
 */
function packagesThroughImportCjs(code) {
  return code.replace(/\bimport\(\s*("[^".][^"]*")\s*\)/g, 'require("./import.cjs")($1)');
}
writeFileSync(
  new URL("../dist/import.cjs", import.meta.url),
  "// The run-time packages, ES modules, loaded for the rest of dist/ (see scripts/build.mjs).\nmodule.exports = (id) => import(id);\n",
);

// What shell completion asks as the person presses TAB (routine ids, reminder ids, a setting's
// values), answered by bin/knot.js from this one small file without loading the command line;
// CommonJS, which Node 20 loads faster than an ES module.
await build({
  entryPoints: { complete: "src/complete-main.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});

// The bundled packages' own licences, beside the code that carries them: every package whose
// files went into dist/ (commander), with its licence text.
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

// The built-in routines, parsed and checked now rather than at every start: knot reads
// dist/routines-index.json instead (src/routine/builtin-index.ts). A built-in routine with a
// problem stops the build here.
const indexer = new URL("../dist/index-builder.mjs", import.meta.url);
await build({
  stdin: {
    contents: [
      'export { loadLibrary } from "./src/routine/library.ts";',
      'export { writeBuiltInIndex } from "./src/routine/builtin-index.ts";',
      'export { BUILT_IN_DIR } from "./src/package.ts";',
    ].join("\n"),
    resolveDir: fileURLToPath(new URL("..", import.meta.url)),
    loader: "ts",
  },
  outfile: fileURLToPath(indexer),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
try {
  const { loadLibrary, writeBuiltInIndex, BUILT_IN_DIR } = await import(indexer.href);
  const library = loadLibrary({
    userDir: join(BUILT_IN_DIR, "no-such-folder"),
    builtInDir: BUILT_IN_DIR,
  });
  if (library.broken.length > 0) {
    for (const b of library.broken) {
      process.stderr.write(`${b.path}: ${b.issues.map((i) => i.message).join("; ")}\n`);
    }
    throw new Error("a built-in routine has problems (above)");
  }
  writeBuiltInIndex(
    fileURLToPath(new URL("../dist/routines-index.json", import.meta.url)),
    BUILT_IN_DIR,
    library.entries,
  );
} finally {
  rmSync(indexer, { force: true });
}

// Each hot command's options and how many words each takes, read from the program itself, for
// the fast path that runs `knot list`, `show`, `start`, `today`, `stats` and `history` without
// loading commander (src/fast-path.ts): the two read the same definitions, so they agree.
const tabler = new URL("../dist/table-builder.mjs", import.meta.url);
await build({
  stdin: {
    contents: [
      'export { buildProgram } from "./src/cli.ts";',
      'export { createContext } from "./src/context.ts";',
      'export { optionTable } from "./src/fast-path.ts";',
    ].join("\n"),
    resolveDir: fileURLToPath(new URL("..", import.meta.url)),
    loader: "ts",
  },
  outfile: fileURLToPath(tabler),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // commander is CommonJS and requires Node's modules, which an ES module does through this
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
  external: [...Object.keys(pkg.dependencies)],
  logLevel: "warning",
});
try {
  const { buildProgram, createContext, optionTable } = await import(tabler.href);
  const program = buildProgram(createContext(), () => {});
  writeFileSync(
    new URL("../dist/fast-options.json", import.meta.url),
    JSON.stringify(optionTable(program)),
  );
} finally {
  rmSync(tabler, { force: true });
}

// `knot list` and `knot show`, the commands looked at most, each get an entry of their own:
// one file holding the command and what it prints (the routines' index and cache, the layout),
// without the command line, the prompts or the settings' store, compiled once and kept by
// bin/knot.js's code cache as a whole. src/fast-path.ts's hotEntry runs it when certain of the
// words and otherwise hands them to dist/main.js.
const HOT_ENTRIES = {
  list: "(_, options, ctx) => list(options, ctx)",
  show: "([routine], options, ctx) => show(routine, options, ctx)",
  // the history's commands and the start of a session: each command's chunks, read as one file
  start: "([routine], options, ctx) => start(routine, options, ctx)",
  today: "(_, options, ctx) => today(options, ctx)",
  stats: "(_, options, ctx) => stats(options, ctx)",
  history: "(_, options, ctx) => history(options, ctx)",
};
// The settings' store (conf, with ajv and semver: 440 kB) is loaded only to write the settings
// file, which these commands do only when it needs cleaning; inlined in an entry, every start
// read and compiled it all the same (about 6 ms of CPU for knot show). The entries load it from
// a file of its own, dist/conf.cjs, when it is asked for.
await build({
  stdin: { contents: 'export { default } from "conf";', resolveDir: process.cwd(), loader: "js" },
  outfile: "dist/conf.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "inline",
  logLevel: "warning",
});
const confOnDemand = {
  name: "conf-on-demand",
  setup(b) {
    b.onResolve({ filter: /^conf$/ }, (args) =>
      args.kind === "dynamic-import" ? { path: "conf", namespace: "conf-on-demand" } : undefined,
    );
    b.onResolve({ filter: /^\.\/conf\.cjs$/ }, () => ({ path: "./conf.cjs", external: true }));
    b.onLoad({ filter: /.*/, namespace: "conf-on-demand" }, () => ({
      // import() of a CommonJS file gives its module.exports as the default, as Node does
      contents: 'module.exports = require("./conf.cjs").default;',
      loader: "js",
    }));
  },
};
// In these entries, node:child_process (speech, sounds, notifications) and node:readline (keys
// at a terminal, questions) are loaded on first use rather than when the session's modules are
// set up: a session that never speaks or reads a terminal's keys never loads them (in a
// start that has already made its standard streams, the two cost about 4.5 million
// instructions, some 1.5 to 2 ms of CPU, measured with callgrind; child_process brings dgram
// and the socket list with it). Each stands in as a module of functions that call the real
// one's; a name it does not have fails the build.
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    b.onResolve({ filter: /^(node:)?(child_process|readline)$/ }, (args) =>
      args.namespace === "lazy-builtin"
        ? undefined
        : { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => {
      const real = (await import(`node:${args.path}`)).default;
      const names = Object.keys(real).filter((name) => typeof real[name] === "function");
      return {
        contents: [
          `let real; const load = () => (real ??= require("node:${args.path}"));`,
          ...names.map((name) => `export function ${name}(...a) { return load().${name}(...a); }`),
        ].join("\n"),
        loader: "js",
      };
    });
  },
};
for (const [command, action] of Object.entries(HOT_ENTRIES)) {
  const entry = await build({
    stdin: {
      contents: [
        'import { hotEntry } from "./src/fast-path.ts";',
        `import { ${command} } from "./src/commands/${command}.ts";`,
        `export const run = hotEntry("${command}", ${action});`,
      ].join("\n"),
      resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      loader: "ts",
    },
    outfile: `dist/${command}.cjs`,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: [...Object.keys(pkg.dependencies), "@lydell/node-pty"],
    define: { "import.meta.dirname": "__dirname" },
    plugins: [confOnDemand, lazyBuiltins],
    legalComments: "inline",
    write: false,
    logLevel: "warning",
  });
  for (const file of entry.outputFiles) {
    if (file.text.includes("import.meta")) throw new Error(`${command}: import.meta left in`);
    writeFileSync(file.path, packagesThroughImportCjs(file.text));
  }
}

// Every file of code in dist/ is plain ASCII: a character beyond it anywhere in a file (a dash in
// a pattern, an arrow in a comment) makes Node read the whole file as UTF-8 into a string of two
// bytes a character, twice the memory, which V8 then scans more slowly: about 1.5 ms of
// `knot start`'s 460 kB (measured reading and compiling it). esbuild escapes strings but not
// patterns or comments; written as \uXXXX escapes, a pattern, a string or a name means the same.
for (const name of readdirSync(new URL("../dist/", import.meta.url))) {
  if (!/\.c?js$/.test(name)) continue;
  const path = new URL(`../dist/${name}`, import.meta.url);
  const code = readFileSync(path, "utf8");
  if (!/[\u0080-\uffff]/.test(code)) continue;
  // one escaped (a pattern's \–) would become a backslash and letters: stop here instead
  if (/\\[\u0080-\uffff]/.test(code)) throw new Error(`${name}: an escaped non-ASCII character`);
  writeFileSync(
    path,
    code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
}
