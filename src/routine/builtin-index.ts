import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The built-in routines, parsed and checked when knot is built (scripts/build.mjs writes
 * dist/routines-index.json), so a start reads one file instead of parsing and checking seven.
 * Each file's size and time are kept with it: a routine file changed since the build (in a
 * clone, while editing) makes the index count for nothing, and the files are read as usual.
 */
export interface BuiltInIndex<Entry extends { path: string }> {
  files: Record<string, { size: number; mtimeMs: number }>;
  /** Each entry's path is its file name in the routines folder. */
  entries: Entry[];
}

const routineFiles = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.endsWith(".json") && name !== "schema.json");

const stamp = (path: string) => {
  const s = statSync(path);
  return { size: s.size, mtimeMs: s.mtimeMs };
};

/** The index of the routines in `dir`, made from their loaded entries. */
export function makeBuiltInIndex<Entry extends { path: string }>(
  dir: string,
  entries: Entry[],
): BuiltInIndex<Entry> {
  const files = Object.fromEntries(routineFiles(dir).map((name) => [name, stamp(join(dir, name))]));
  return { files, entries: entries.map((e) => ({ ...e, path: basename(e.path) })) };
}

/** The built-in entries from the index at `indexFile`, or undefined when it is missing or stale. */
export function readBuiltInIndex<Entry extends { path: string }>(
  indexFile: string,
  dir: string,
): Entry[] | undefined {
  try {
    const index = JSON.parse(readFileSync(indexFile, "utf8")) as BuiltInIndex<Entry>;
    const names = routineFiles(dir);
    if (names.length !== Object.keys(index.files).length) return undefined;
    for (const name of names) {
      const now = stamp(join(dir, name));
      const then = index.files[name];
      if (!then || then.size !== now.size || then.mtimeMs !== now.mtimeMs) return undefined;
    }
    return index.entries.map((e) => ({ ...e, path: join(dir, e.path) }));
  } catch {
    return undefined;
  }
}
