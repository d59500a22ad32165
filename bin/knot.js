#!/usr/bin/env node
// CommonJS (bin/package.json says so), as is dist/: Node 20 starts it faster than ES modules.
// The two things typed or pressed most often skip the command line: `knot --version`, and the
// values shell completion asks for as the person presses TAB (dist/complete.cjs).
const { join } = require("node:path");

const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  const { readFileSync, writeSync } = require("node:fs");
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8"));
  // straight to the descriptor: process.stdout would load Node's stream modules for one line
  const line = Buffer.from(`${pkg.version}\n`);
  let done = 0;
  try {
    while (done < line.length) done += writeSync(1, line, done);
  } catch (error) {
    if (error.code === "EAGAIN") process.stdout.write(line.subarray(done));
    else if (error.code !== "EPIPE") throw error;
  }
} else if (first === "__complete") {
  require("../dist/complete.cjs").answerCompletion(rest, join(__dirname, "..", "routines"));
} else {
  // Node 22.1 and later keep compiled code between runs; on Node 20, knot does it itself, with
  // the loader's own class (module.constructor): node:module, which only adds to it, loads the
  // ES module loader and the source maps' modules with it, a cost every start would pay.
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 1)) require("node:module").enableCompileCache?.();
  else keepCompiledCode(module.constructor);
  // `knot list`, `show`, `start`, `today`, `stats` and `history` have an entry of their own,
  // which runs them when the words are certain (src/fast-path.ts) and otherwise leaves them to
  // the whole program.
  const argv = process.argv.slice(2);
  const command = argv.find((word) => word !== "--no-color");
  const hot = ["list", "show", "start", "today", "stats", "history"].includes(command);
  if (!hot || !require(`../dist/${command}.cjs`).run(argv)) require("../dist/main.js");
}

/**
 * Compiling dist/ is most of what a start costs on Node 20 beyond Node itself. V8 can save the
 * code it compiled and read it back next time, as Node 22's compile cache does: each file of
 * dist/ is compiled here with the code V8 saved for it, in knot's data folder
 * (cache/code/, the folder src/paths.ts names), and what a run compiled anew is saved as it
 * exits. An entry is named by its file's name, size and time (a build writes new ones); V8
 * itself refuses one from another Node. Anything that fails leaves the file compiled as usual.
 * dist/ has no import() of its own to keep (scripts/build.mjs sends them through
 * dist/import.cjs, loaded as usual), which code read back from V8's cache could not run.
 */
function keepCompiledCode(Module) {
  const fs = require("node:fs");
  const path = require("node:path");
  const vm = require("node:vm");
  const dist = path.join(__dirname, "..", "dist") + path.sep;
  // knot's data folder as src/paths.ts finds it (relative folders never count); where that
  // needs more than the environment (no HOME), the code is compiled as usual.
  const env = process.env;
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : "";
  const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : "";
  const data =
    process.platform === "win32"
      ? env.LOCALAPPDATA &&
        path.isAbsolute(env.LOCALAPPDATA) &&
        path.join(env.LOCALAPPDATA, "knot", "Data")
      : process.platform === "darwin"
        ? home && path.join(home, "Library", "Application Support", "knot")
        : (xdg || home) && path.join(xdg || path.join(home, ".local", "share"), "knot");
  if (!data) return;
  const folder = path.join(data, "cache", "code");
  const fresh = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(dist) || filename.endsWith("import.cjs")) {
      return compile.call(this, content, filename);
    }
    let script;
    let entry;
    try {
      const { size, mtimeMs } = fs.statSync(filename);
      entry = path.join(folder, `${path.basename(filename)}.${size}.${Math.trunc(mtimeMs)}.v8`);
      let cachedData;
      try {
        cachedData = fs.readFileSync(entry);
      } catch {
        // not kept yet
      }
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
      if (!cachedData || script.cachedDataRejected) fresh.push([script, entry]);
    } catch {
      return compile.call(this, content, filename);
    }
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.cache = Module._cache;
    require.main = process.mainModule;
    const run = script.runInThisContext({ displayErrors: true });
    return run.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    if (fresh.length === 0) return;
    try {
      fs.mkdirSync(folder, { recursive: true });
      // Entries for files this knot no longer has (an older build) go.
      for (const name of fs.readdirSync(folder)) {
        const [file, size, time] = name.split(/\.(?=\d+\.\d+\.v8$)|\.(?=\d+\.v8$)|\.v8$/);
        let stat;
        try {
          stat = fs.statSync(path.join(dist, file));
        } catch {}
        if (!stat || String(stat.size) !== size || String(Math.trunc(stat.mtimeMs)) !== time) {
          fs.rmSync(path.join(folder, name), { force: true });
        }
      }
      for (const [script, entry] of fresh) {
        const part = `${entry}.${process.pid}`;
        fs.writeFileSync(part, script.createCachedData());
        fs.renameSync(part, entry);
      }
    } catch {
      // a folder knot may not write to: compiled anew next time
    }
  });
}
