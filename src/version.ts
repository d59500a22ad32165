import { readFileSync } from "node:fs";

/** knot's version, read from its package.json (two folders up from the compiled file). */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.version as string;
}
