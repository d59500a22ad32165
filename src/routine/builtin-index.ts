import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The built-in routines, parsed and checked when knot is built (scripts/build.mjs writes
 * dist/routines-index.json), so a start reads one file instead of parsing and checking seven.
 *
 * A routine file changed since the build (in a clone, while editing) makes the index count for
 * nothing, and the files are read as usual. Each file's bytes are kept beside the index, in a
 * file of their own, and compared with the file (one comparison made by V8, far cheaper than
 * hashing in JavaScript). Not the files' times alone: npm gives every file of a package the
 * same time when it installs it. Once the bytes matched, the files' names, sizes, times and
 * inodes are kept (`BuiltInStamps`, in the person's routines cache): while they are the same,
 * a start compares those and reads neither the bytes nor the files.
 */
export interface BuiltInIndex<Entry extends { path: string }> {
  /** The routine files' names. */
  names: string[];
  /** Each entry's path is its file name in the routines folder. */
  entries: Entry[];
}

/** Where the stamp of the files last found to match the index is kept between runs. */
export interface BuiltInStamps {
  readonly builtIns: string | undefined;
  keepBuiltIns(stamp: string): void;
}

/** The routine files' names in a routines folder: every .json but the schema knot keeps there. */
export const routineFiles = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.endsWith(".json") && name !== "schema.json");

/** A file's bytes as a string, one character a byte (latin1: every byte kept as it is). */
const textOf = (path: string) => readFileSync(path, "latin1");

/** The file beside an index holding the routine files' bytes. */
const bytesFile = (indexFile: string) => indexFile.replace(/(\.json)?$/, ".files.json");

/** Writes the index of the routines in `dir`, made from their loaded entries, and their bytes. */
export function writeBuiltInIndex<Entry extends { path: string }>(
  indexFile: string,
  dir: string,
  entries: Entry[],
): void {
  const names = routineFiles(dir);
  const index: BuiltInIndex<Entry> = {
    names,
    entries: entries.map((e) => ({ ...e, path: basename(e.path) })),
  };
  writeFileSync(indexFile, JSON.stringify(index));
  const bytes = Object.fromEntries(names.map((name) => [name, textOf(join(dir, name))]));
  writeFileSync(bytesFile(indexFile), JSON.stringify(bytes));
}

/** The files as they are now: each one's name, size, time and inode, and the index's own. */
function stampOf(indexFile: string, dir: string, names: readonly string[]): string {
  const parts = [indexFile, ...names.map((name) => join(dir, name))].map((path) => {
    const s = statSync(path);
    return `${basename(path)} ${s.size} ${s.mtimeMs} ${s.ino}`;
  });
  return parts.join("\n");
}

/** Whether every file in `dir` has the bytes the index was made from. */
function bytesMatch(indexFile: string, dir: string, names: readonly string[]): boolean {
  const then = JSON.parse(readFileSync(bytesFile(indexFile), "utf8")) as Record<string, unknown>;
  if (Object.keys(then).length !== names.length) return false;
  return names.every((name) => {
    const kept = then[name];
    return typeof kept === "string" && kept === textOf(join(dir, name));
  });
}

/** The built-in entries from the index at `indexFile`, or undefined when it is missing or stale. */
export function readBuiltInIndex<Entry extends { path: string }>(
  indexFile: string,
  dir: string,
  stamps?: BuiltInStamps,
): Entry[] | undefined {
  try {
    const index = JSON.parse(readFileSync(indexFile, "utf8")) as BuiltInIndex<Entry>;
    const names = routineFiles(dir);
    if (!Array.isArray(index.names) || names.length !== index.names.length) return undefined;
    if (!names.every((name) => index.names.includes(name))) return undefined;
    const stamp = stamps && stampOf(indexFile, dir, names);
    if (stamp === undefined || stamp !== stamps?.builtIns) {
      if (!bytesMatch(indexFile, dir, names)) return undefined;
      if (stamp !== undefined) stamps?.keepBuiltIns(stamp);
    }
    return index.entries.map((e) => ({ ...e, path: join(dir, e.path) }));
  } catch {
    return undefined;
  }
}
