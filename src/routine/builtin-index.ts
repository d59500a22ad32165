import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The built-in routines, parsed and checked when knot is built (scripts/build.mjs writes
 * dist/routines-index.json), so a start reads one file instead of parsing and checking seven.
 * Each file's bytes are kept with it and compared at a start (one comparison made by V8, far
 * cheaper than hashing the bytes in JavaScript): a routine file changed since the build (in a
 * clone, while editing) makes the index count for nothing, and the files are read as usual.
 * Not the files' times: npm gives every file of a package the same time.
 */
export interface BuiltInIndex<Entry extends { path: string }> {
  files: Record<string, string>;
  /** Each entry's path is its file name in the routines folder. */
  entries: Entry[];
}

/** The routine files' names in a routines folder: every .json but the schema knot keeps there. */
export const routineFiles = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.endsWith(".json") && name !== "schema.json");

/** A file's bytes as a string, one character a byte (latin1: every byte kept as it is). */
const textOf = (path: string) => readFileSync(path, "latin1");

/** The index of the routines in `dir`, made from their loaded entries. */
export function makeBuiltInIndex<Entry extends { path: string }>(
  dir: string,
  entries: Entry[],
): BuiltInIndex<Entry> {
  const files = Object.fromEntries(
    routineFiles(dir).map((name) => [name, textOf(join(dir, name))]),
  );
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
      const then = index.files[name];
      if (typeof then !== "string" || then !== textOf(join(dir, name))) return undefined;
    }
    return index.entries.map((e) => ({ ...e, path: join(dir, e.path) }));
  } catch {
    return undefined;
  }
}
