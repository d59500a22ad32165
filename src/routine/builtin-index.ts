import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The built-in routines, parsed and checked when knot is built (scripts/build.mjs writes
 * dist/routines-index.json), so a start reads one file instead of parsing and checking seven.
 * Each file's size and a fingerprint of its bytes are kept with it: a routine file changed
 * since the build (in a clone, while editing) makes the index count for nothing, and the files
 * are read as usual. Not the files' times: npm gives every file of a package the same time.
 */
export interface BuiltInIndex<Entry extends { path: string }> {
  files: Record<string, { size: number; fingerprint: number }>;
  /** Each entry's path is its file name in the routines folder. */
  entries: Entry[];
}

/** The routine files' names in a routines folder: every .json but the schema knot keeps there. */
export const routineFiles = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.endsWith(".json") && name !== "schema.json");

/** FNV-1a over a file's bytes: a few microseconds for a routine file, no hashing library. */
function fingerprint(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

const stamp = (path: string) => {
  const bytes = readFileSync(path);
  return { size: bytes.length, fingerprint: fingerprint(bytes) };
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
      if (!then || then.size !== now.size || then.fingerprint !== now.fingerprint) return undefined;
    }
    return index.entries.map((e) => ({ ...e, path: join(dir, e.path) }));
  } catch {
    return undefined;
  }
}
