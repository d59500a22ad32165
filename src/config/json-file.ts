import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describeFsError, readRegularFile, writeWhole } from "../files.js";

/**
 * The JSON files knot keeps in its settings folder (config.json, reminders.json,
 * screening.json): each an object, read whole (a regular file of at most 1 MB), and written
 * whole through writeWhole (a link refused, a temporary file renamed into place).
 */
export type JsonRead =
  | { state: "missing" }
  | { state: "read"; value: Record<string, unknown> }
  | { state: "unreadable"; error: unknown; reason: string };

const MAX_BYTES = 1024 * 1024;

/** The settings file: the preferences the person set (config/settings.ts reads it). */
export const settingsFile = (configDir: string) => join(configDir, "config.json");

export function readJsonObject(path: string): JsonRead {
  let text: string;
  try {
    text = readRegularFile(path, MAX_BYTES).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "missing" };
    return { state: "unreadable", error, reason: describeFsError(error) };
  }
  try {
    const value = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return { state: "read", value };
    }
    const error = new SyntaxError("it is not a JSON object");
    return { state: "unreadable", error, reason: error.message };
  } catch (error) {
    return { state: "unreadable", error, reason: (error as Error).message };
  }
}

/** Writes one of the settings folder's files whole; throws the file system's error. */
export function writeJsonObject(path: string, value: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeWhole(path, JSON.stringify(value, undefined, "\t"));
}
