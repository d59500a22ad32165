import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readJsonObject } from "../config/json-file.js";
import { withoutPinnedDefaults } from "../config/pinned.js";
import {
  afterMove,
  badKeys,
  type Settings,
  settingsFile,
  settingsFrom,
} from "../config/settings.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { remindText, type Said, said, say } from "../text/remind.js";
import { settingsText } from "../text/settings.js";
import { isReminder, type Reminder } from "./model.js";
import { readRemindersFile, remindersFile, writeRemindersFile } from "./reminders-file.js";

/**
 * The reminders as knot's reminder commands need them, read without ever moving a file
 * aside: a firing run by the scheduler must not lose the person's reminders (or remove their
 * entries) over one value it cannot use. Preferences it cannot use fall back to their
 * defaults; `problem` says what is wrong, for the person to see (remind list, today, a
 * notification).
 */
export interface ReminderSettings {
  settings: Settings;
  /** The reminders knot can use. */
  reminders: Reminder[];
  /** Ids in the file whose reminder knot cannot read (kept, never removed). */
  unreadable: string[];
  /** What is wrong with the files, if anything: a message's id and values, worded when shown. */
  problem?: Said;
  /** Whether the reminders file can be changed (valid JSON, an object with a list). */
  writable: boolean;
  /** Whether there is a reminders file at all. */
  exists: boolean;
  /**
   * Set when the reminders file cannot be read (not JSON, not a list, a link, a folder):
   * what to say, naming the file, why and what to do. Commands that show or rewrite the
   * reminders stop on it rather than show none.
   */
  damaged?: KnotError;
}

/** The settings read leniently: a value knot cannot use gives way to its default, said. */
function lenientSettings(configDir: string): {
  settings: Settings;
  problem?: Said;
  old?: unknown;
} {
  const path = settingsFile(configDir);
  const read = readJsonObject(path);
  if (read.state === "missing") return { settings: settingsFrom(configDir, {}) };
  if (read.state === "unreadable") {
    return {
      settings: settingsFrom(configDir, {}),
      problem: say("settingsUnreadable", path, read.reason),
    };
  }
  const notes: string[] = [];
  const moved = afterMove(configDir, read.value, (note) => notes.push(note));
  // defaults an older knot pinned in the file are knot's current defaults, as for settings
  const stored = withoutPinnedDefaults(moved) ?? moved;
  const bad = badKeys(stored);
  return {
    settings: settingsFrom(configDir, stored),
    // a move that could not be made leaves the reminders in the settings file
    old: stored.reminders,
    ...(bad.length > 0
      ? {
          problem: say("settingsBadValues", bad.join(", "), path, bad.length),
        }
      : notes.length > 0
        ? { problem: say("settingsNotes", notes.join(" ").replace(/\.$/, "")) }
        : {}),
  };
}

export function readReminderSettings(configDir: string): ReminderSettings {
  const { settings, problem: settingsProblem, old } = lenientSettings(configDir);
  const path = remindersFile(configDir);
  const read = readRemindersFile(configDir);
  let problem: Said | undefined;
  let writable = true;
  let exists = true;
  let raw: unknown;
  let damaged: KnotError | undefined;
  if (read.state === "read") raw = read.value.reminders;
  else if (read.state === "missing" && old !== undefined) {
    // still in the settings file: used there, changed once they have moved
    raw = old;
    writable = false;
    problem = say("remindersNotMoved", settingsFile(configDir), path);
  } else if (read.state === "missing") exists = false;
  else {
    writable = false;
    problem = say("remindersUnreadable", path, read.reason);
    damaged = remindersDamaged(path, read.reason);
  }
  const list = Array.isArray(raw) ? raw : [];
  if (raw !== undefined && !Array.isArray(raw)) {
    problem ??= say("notAList", path);
    damaged ??= remindersDamaged(path, settingsText.remindersNotList);
    writable = false;
  }
  if (!exists) {
    // an older knot's settings file that could not be read, moved aside with reminders in it
    const aside = asideHoldingReminders(configDir);
    if (aside) problem = say("remindersAside", aside, path);
  }
  const reminders = list.filter(isReminder);
  const unreadable = list
    .filter((r) => !isReminder(r))
    .map((r) => String((r as { id?: unknown })?.id ?? "?"));
  if (unreadable.length > 0) {
    problem ??= say("unreadableReminder", unreadable.join(", "), path);
  }
  problem ??= settingsProblem;
  return {
    settings,
    reminders,
    unreadable,
    problem,
    writable,
    exists,
    ...(damaged ? { damaged } : {}),
  };
}

/** The reminders file cannot be read: which file, why, and what to do. */
function remindersDamaged(path: string, why: string): KnotError {
  return new KnotError(settingsText.remindersDamaged(path, why), {
    exitCode: ExitCode.failure,
    hint: settingsText.remindersUnreadableHint(path),
  });
}

/**
 * A settings file moved aside (config.json.bad-...) whose text names reminders, when knot
 * could not carry them over (the file was not JSON): the newest such file, or undefined.
 */
export function asideHoldingReminders(configDir: string): string | undefined {
  let files: string[] = [];
  try {
    files = readdirSync(configDir)
      .filter((f) => f.startsWith("config.json.bad-"))
      .sort()
      .reverse();
  } catch {
    return undefined;
  }
  for (const file of files) {
    const path = join(configDir, file);
    const read = readJsonObject(path);
    if (read.state === "read") {
      if (Array.isArray(read.value.reminders) && read.value.reminders.length > 0) return path;
      continue;
    }
    try {
      if (readFileSync(path, "utf8").includes('"reminders"')) return path;
    } catch {
      // unreadable: nothing to point at
    }
  }
  return undefined;
}

/**
 * Ids of reminders in files moved aside (config.json.bad-... of a knot that kept them in the
 * settings): kept, never tidied away.
 */
export function remindersMovedAside(configDir: string): Set<string> {
  const ids = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(configDir).filter((f) => f.startsWith("config.json.bad-"));
  } catch {
    return ids;
  }
  for (const file of files) {
    const read = readJsonObject(join(configDir, file));
    const list = read.state === "read" ? read.value.reminders : undefined;
    for (const r of Array.isArray(list) ? list : []) {
      const id = (r as { id?: unknown })?.id;
      if (typeof id === "string") ids.add(id);
    }
  }
  return ids;
}

/**
 * Writes the reminders into reminders.json, keeping everything else in it as it was.
 * Refuses (never moves aside or overwrites) a file it cannot read.
 */
export function writeReminderList(
  configDir: string,
  reminders: readonly Reminder[],
  /** Reminders knot cannot read that go too (`remind off` of one, or of all). */
  drop: readonly string[] | "all" = [],
): void {
  const current = readReminderSettings(configDir);
  if (!current.writable) {
    throw new KnotError(remindText.notChanged(current.problem && said(current.problem)), {
      exitCode: ExitCode.failure,
      hint: current.damaged?.hint ?? settingsText.remindersFixHint,
    });
  }
  const path = remindersFile(configDir);
  const read = readRemindersFile(configDir);
  const stored = read.state === "read" ? { ...read.value } : {};
  // reminders knot cannot read stay as they were, beside the ones it writes
  const kept = (Array.isArray(stored.reminders) ? stored.reminders : []).filter(
    (r) => !isReminder(r) && drop !== "all" && !drop.includes(String((r as { id?: unknown })?.id)),
  );
  const next = [...kept, ...reminders];
  if (next.length === 0) delete stored.reminders;
  else stored.reminders = next;
  // Written whole beside the file and renamed into place (a link refused); a failure (a full
  // disk, a read-only folder) leaves the file as it was, and says so.
  try {
    writeRemindersFile(configDir, stored);
  } catch (error) {
    throw new KnotError(remindText.couldNotSave(path, describeFsError(error)), {
      exitCode: ExitCode.failure,
      hint:
        (error as NodeJS.ErrnoException)?.code === "ESYMLINK"
          ? settingsText.remindersLinkHint(path)
          : remindText.couldNotSaveHint,
    });
  }
}
