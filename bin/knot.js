#!/usr/bin/env node
// CommonJS (bin/package.json says so), as is dist/: Node 20 starts it faster than ES modules.
// The two things typed or pressed most often skip the command line: `knot --version`, and the
// values shell completion asks for as the person presses TAB (dist/complete.cjs).
const { join } = require("node:path");

const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  const { readFileSync } = require("node:fs");
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else if (first === "__complete") {
  require("../dist/complete.cjs").answerCompletion(rest, join(__dirname, "..", "routines"));
} else {
  // Node 22.1 and later keep compiled code between runs (nothing on Node 20).
  require("node:module").enableCompileCache?.();
  require("../dist/main.js");
}
