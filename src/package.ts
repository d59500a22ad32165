import { readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";

// Every compiled file sits directly in dist/ (see scripts/build.mjs), so the package root is
// one folder up from here, wherever knot is installed. A folder, not a URL: the compiled code
// then needs no node:url (the build gives import.meta.dirname as CommonJS's __dirname).
const root = join(import.meta.dirname, "..");

/** The built-in routine files (ending with the separator). */
export const BUILT_IN_DIR = join(root, "routines") + sep;

/** The built-in routines, checked when knot was built (see routine/builtin-index.ts). */
export const BUILT_IN_INDEX = join(root, "dist", "routines-index.json");

/** knot's version, from its package.json. */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
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
