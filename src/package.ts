import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Every compiled file sits directly in dist/ (see scripts/build.mjs), so the package root is
// one folder up from here, wherever knot is installed.
const root = new URL("../", import.meta.url);

/** The built-in routine files. */
export const BUILT_IN_DIR = fileURLToPath(new URL("routines/", root));

/** The built-in routines, checked when knot was built (see routine/builtin-index.ts). */
export const BUILT_IN_INDEX = fileURLToPath(new URL("dist/routines-index.json", root));

/** knot's version, from its package.json. */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
  return pkg.version as string;
}

/** This knot: its version and, when built, the time of its build (caches made by another knot count for nothing). */
export function knotStamp(): string {
  let built = "source";
  try {
    built = String(statSync(BUILT_IN_INDEX).mtimeMs);
  } catch {
    // not built (run from the sources, in the tests)
  }
  return `${readVersion()} ${built}`;
}
