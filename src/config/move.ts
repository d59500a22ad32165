import { join } from "node:path";
import { withLock } from "../remind/lock.js";
import {
  mergeReminders,
  type Renamed,
  readRemindersFile,
  writeRemindersFile,
} from "../remind/reminders-file.js";
import { mergeAnswers, readAnswersFile, writeAnswersFile } from "../safety/screening-answers.js";
import { readJsonObject, settingsFile, writeJsonObject } from "./json-file.js";

/**
 * Earlier versions of knot kept the reminders and the screening answers in config.json,
 * beside the settings. They move once into files of their own (reminders.json,
 * screening.json), the first time any knot reads the folder:
 * 1. each new file is written whole (merged with one already there: nothing lost, nothing twice);
 * 2. then config.json is written again without the moved keys.
 * A reminder whose id reminders.json already gives to another is kept under a new id, and
 * `renamed` hears of it: its scheduler entry still names the old id until `knot remind repair`.
 * A knot killed between the two leaves both; the next knot sees the keys still in config.json
 * and finishes the move. Two knots moving at once take turns under a lock in the folder.
 */
export const MOVED_KEYS = ["reminders", "screening"] as const;

export const holdsMovedKeys = (stored: Record<string, unknown>): boolean =>
  MOVED_KEYS.some((key) => Object.hasOwn(stored, key));

const moveLock = (configDir: string) => join(configDir, "config.json.lock");

/**
 * Finishes the move if config.json still holds what moves. Returns config.json as it is after
 * (the settings alone; a key that could not be moved stays in it), or undefined when there is
 * no config.json or it is not a JSON object. Throws the file system's error when a file cannot
 * be written: every file is then as it was, and the next knot tries again.
 */
export function finishMove(
  configDir: string,
  renamed: (moved: Renamed[]) => void = () => {},
): Record<string, unknown> | undefined {
  const path = settingsFile(configDir);
  return withLock(moveLock(configDir), () => {
    const read = readJsonObject(path);
    if (read.state !== "read") return undefined;
    const stored = read.value;
    if (!holdsMovedKeys(stored)) return stored;
    const rest = { ...stored };
    if (Object.hasOwn(stored, "reminders") && moveReminders(configDir, stored.reminders, renamed)) {
      delete rest.reminders;
    }
    if (Object.hasOwn(stored, "screening") && moveAnswers(configDir, stored.screening)) {
      delete rest.screening;
    }
    if (Object.keys(rest).length !== Object.keys(stored).length) writeJsonObject(path, rest);
    return rest;
  });
}

/** Writes the old list into reminders.json; false when it has to stay where it is. */
function moveReminders(
  configDir: string,
  old: unknown,
  renamed: (moved: Renamed[]) => void,
): boolean {
  const current = readRemindersFile(configDir);
  if (current.state === "missing") {
    writeRemindersFile(configDir, { reminders: old });
    return true;
  }
  // a damaged reminders.json is never written over; a list that is not one is not merged
  if (current.state === "unreadable" || !Array.isArray(old)) return false;
  const list = current.value.reminders;
  if (list !== undefined && !Array.isArray(list)) return false;
  const { merged, renamed: moved } = mergeReminders(list ?? [], old);
  if (merged.length !== (list ?? []).length) {
    writeRemindersFile(configDir, { ...current.value, reminders: merged });
  }
  if (moved.length > 0) renamed(moved);
  return true;
}

/** Writes the old answers into screening.json; false when they have to stay where they are. */
function moveAnswers(configDir: string, old: unknown): boolean {
  // answers that are not an object were never read as answers: nothing to keep
  if (typeof old !== "object" || old === null || Array.isArray(old)) return true;
  const answers = old as Record<string, unknown>;
  const current = readAnswersFile(configDir);
  if (current.state === "missing") {
    writeAnswersFile(configDir, answers);
    return true;
  }
  if (current.state === "unreadable") return false;
  const merged = mergeAnswers(current.value, answers);
  if (JSON.stringify(merged) !== JSON.stringify(current.value)) writeAnswersFile(configDir, merged);
  return true;
}
