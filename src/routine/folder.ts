import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Context } from "../context.js";
import { readRegularFile } from "../files.js";
import { BUILT_IN_DIR } from "../package.js";
import { type Library, loadLibrary } from "./library.js";
import { SCHEMA_ID } from "./schema.js";

/** The person's routines folder, beside their settings. */
export const userRoutinesDir = (ctx: Context): string => join(ctx.paths.config, "routines");

/** The routines knot can run: the built-in ones and the person's own. */
export const openLibrary = (ctx: Context): Library => {
  const userDir = userRoutinesDir(ctx);
  keepSchemaCopy(userDir);
  return loadLibrary({ userDir, cacheFile: routineCacheFile(ctx) });
};

/** Where what the person's routine files gave is kept between runs (none without a data folder). */
function routineCacheFile(ctx: Context): string | undefined {
  try {
    return join(ctx.paths.data, "cache", "routines.json");
  } catch {
    return undefined;
  }
}

/**
 * Keeps a current copy of the routine format's schema in the person's routines folder, so
 * `"$schema": "./schema.json"` works for their own files in an editor. Only where the folder
 * exists, and quietly: a folder knot may not write to simply gets no copy.
 */
function keepSchemaCopy(userDir: string): void {
  const target = join(userDir, "schema.json");
  try {
    if (!statSync(userDir).isDirectory()) return;
    const current = readFileSync(join(BUILT_IN_DIR, "schema.json"), "utf8");
    if (existsSync(target) && readSmall(target) === current) return;
    if (existsSync(target) && !isKnotSchema(target)) return; // someone else's file: left alone
    writeFileSync(target, current);
  } catch {
    // no folder, or not writable: nothing to keep
  }
}

/** A small regular file's text: never waits on a FIFO or reads a device. */
const readSmall = (path: string) => readRegularFile(path, 256 * 1024).toString("utf8");

/** Whether a file is knot's routine schema (by its $id), which is not a routine. */
export function isKnotSchema(path: string): boolean {
  if (basename(path) !== "schema.json") return false;
  try {
    return JSON.parse(readSmall(path)).$id === SCHEMA_ID;
  } catch {
    return false;
  }
}
