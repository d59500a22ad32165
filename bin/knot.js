#!/usr/bin/env node
// The two things typed or pressed most often skip loading the command line: `knot --version`,
// and the values shell completion asks for as the person presses TAB (dist/complete.js).
const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else if (first === "__complete") {
  await import("../dist/complete.js");
} else {
  await import("../dist/main.js");
}
