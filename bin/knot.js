#!/usr/bin/env node
// `knot --version` is typed often and needs nothing else, so it skips loading the CLI.
const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else {
  await import("../dist/main.js");
}
