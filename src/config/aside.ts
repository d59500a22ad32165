import { readFileSync, renameSync } from "node:fs";
import type { KnotError } from "../errors.js";
import { readRemindersFile, remindersFile, writeRemindersFile } from "../remind/reminders-file.js";
import { settingsText } from "../text/settings.js";
import { readJsonObject, settingsFile } from "./json-file.js";

/**
 * A settings file knot cannot use (not JSON, a value knot cannot use, for `reason`) is moved
 * aside to `config.json.bad-<timestamp>`, never deleted, and reported through `warn`; the
 * reminders in it go on (reminders.json). A file that cannot be moved throws `unusable`.
 */
export function moveSettingsAside(
  configDir: string,
  reason: string,
  now: Date,
  warn: (message: string) => void,
  unusable: (error: unknown) => KnotError,
): void {
  const path = settingsFile(configDir);
  const aside = `${path}.bad-${now.toISOString().replace(/[:.]/g, "-")}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    throw unusable(error);
  }
  const left = !keepRemindersOf(configDir, aside);
  warn(
    settingsText.movedAside(reason.split("\n")[0] ?? "", aside) +
      (left ? `\n${settingsText.remindersLeftAside(aside, remindersFile(configDir))}` : ""),
  );
}

/**
 * The reminders in a settings file moved aside go on: their scheduler entries still run.
 * False when the file names reminders that could not be carried over (it is not JSON, or
 * the reminders file could not be written): they are only in the file aside.
 */
function keepRemindersOf(configDir: string, aside: string): boolean {
  const read = readJsonObject(aside);
  if (read.state !== "read") return !namesReminders(aside);
  const list = read.value.reminders;
  if (!Array.isArray(list) || readRemindersFile(configDir).state !== "missing") return true;
  try {
    writeRemindersFile(configDir, { reminders: list });
    return true;
  } catch {
    // still recognised in the file aside (remind/store.ts remindersMovedAside)
    return false;
  }
}

const namesReminders = (path: string): boolean => {
  try {
    return readFileSync(path, "utf8").includes('"reminders"');
  } catch {
    return false;
  }
};
