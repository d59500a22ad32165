import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describeFsError, readRegularFile, writeWhole } from "../files.js";
import { emptyPsfs, type PsfsStore } from "./psfs.js";

/**
 * The weekly function check's own file in knot's data folder (psfs.json), apart from the
 * session history: written whole to a temporary file and renamed into place, so a crash leaves
 * the old file or the new one, never half of either.
 */
export const psfsFile = (dataDir: string): string => join(dataDir, "psfs.json");

const MAX_BYTES = 4 * 1024 * 1024;

function isStore(value: unknown): value is PsfsStore {
  const v = value as PsfsStore;
  return (
    typeof v === "object" &&
    v !== null &&
    v.v === 1 &&
    Array.isArray(v.activities) &&
    Array.isArray(v.checks) &&
    v.activities.every((a) => typeof a?.id === "string" && typeof a?.name === "string") &&
    v.checks.every(
      (c) => typeof c?.at === "string" && typeof c?.ratings === "object" && c.ratings !== null,
    )
  );
}

/** The store, or an empty one when there is none yet; a damaged file is an error in words. */
export function readPsfs(dataDir: string): PsfsStore {
  const file = psfsFile(dataDir);
  let text: string;
  try {
    text = readRegularFile(file, MAX_BYTES).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyPsfs();
    throw new Error(`${file} could not be read: ${describeFsError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON`);
  }
  if (!isStore(parsed)) throw new Error(`${file} is not a weekly-check file knot can read`);
  return parsed;
}

export function writePsfs(dataDir: string, store: PsfsStore): void {
  mkdirSync(dataDir, { recursive: true });
  writeWhole(psfsFile(dataDir), `${JSON.stringify(store, null, 2)}\n`);
}
