import { lstatSync } from "node:fs";
import type Conf from "conf";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { answersFile, readAnswersFile } from "../safety/screening-answers.js";
import { settingsText } from "../text/settings.js";
import { moveSettingsAside } from "./aside.js";
import { readJsonObject, settingsFile } from "./json-file.js";
import {
  CONFIG_KEY_NAMES,
  CONFIG_KEYS,
  type ConfigKey,
  type ConfigValue,
  confSchema,
  isValidValue,
} from "./keys.js";
import { finishMove, holdsMovedKeys, MOVED_KEYS } from "./move.js";
import { valueAt, withoutPinnedDefaults } from "./pinned.js";

/**
 * The settings file, config.json in knot's settings folder: the preferences the person set,
 * and only those (defaults live in keys.ts). Reminders and screening answers have files of
 * their own (remind/reminders-file.ts, safety/screening-answers.ts).
 */

/** Read-only access to the preferences: all a session needs. */
export interface Settings {
  get(key: ConfigKey): ConfigValue;
  /**
   * A key as the settings file stores it (undefined when the person never set it), or
   * "screening": the answers an earlier knot kept (screening.json). Throws an error naming the
   * file when that file cannot be read.
   */
  internal(key: string): unknown;
}

export interface ConfigStore extends Settings {
  readonly path: string;
  set(key: ConfigKey, value: ConfigValue): void;
  unset(key: ConfigKey): void;
  /** The preferences back to their defaults; reminders and screening answers are elsewhere. */
  reset(): void;
  entries(): { key: ConfigKey; value: ConfigValue; isDefault: boolean }[];
}

export { settingsFile };

/** The keys in a settings file knot cannot use (a preference's value, a group that is not one). */
export function badKeys(stored: Record<string, unknown>): ConfigKey[] {
  return CONFIG_KEY_NAMES.filter((key) => {
    const [group, leaf] = key.split(".");
    const node = stored[group!];
    if (leaf !== undefined && node !== undefined && (typeof node !== "object" || node === null)) {
      return true;
    }
    const value = valueAt(stored, key);
    return value !== undefined && !isValidValue(key, value);
  });
}

/** The preferences of a stored file: a value knot cannot use gives way to the default. */
export function settingsFrom(configDir: string, stored: Record<string, unknown>): Settings {
  const bad = new Set(badKeys(stored));
  return {
    get: (key) =>
      bad.has(key)
        ? CONFIG_KEYS[key].default
        : ((valueAt(stored, key) as ConfigValue | undefined) ?? CONFIG_KEYS[key].default),
    internal: (key) => (key === "screening" ? keptAnswers(configDir, stored) : stored[key]),
  };
}

/** The answers in screening.json, or (a move not yet made) still in the settings file. */
function keptAnswers(configDir: string, stored: Record<string, unknown>): unknown {
  const read = readAnswersFile(configDir);
  if (read.state === "read") return read.value;
  if (read.state === "missing") return stored.screening;
  throw new Error(`${answersFile(configDir)}: ${read.reason}`);
}

/**
 * Makes the one-time move (move.ts) when the file still holds what moves; a move that cannot
 * be made is said, and the file is read as it is (nothing in it is lost).
 */
export function afterMove(
  configDir: string,
  stored: Record<string, unknown>,
  warn?: (message: string) => void,
): Record<string, unknown> {
  if (!holdsMovedKeys(stored)) return stored;
  try {
    return (
      finishMove(configDir, (moved) =>
        warn?.(settingsText.remindersRenamed(moved.map((m) => [m.from, m.to] as const))),
      ) ?? stored
    );
  } catch (error) {
    const why = error instanceof KnotError ? error.message : describeFsError(error);
    warn?.(settingsText.notMoved(settingsFile(configDir), why));
    return stored;
  }
}

type Loaded = { stored: Record<string, unknown> } | { reason: string };

/**
 * The settings file as an object ({} when missing), after the move and without the defaults
 * an older knot pinned in it; or why it cannot be used (not JSON, a value knot cannot use).
 * A file that cannot be read at all (a folder, a pipe, no permission) throws `unusable`.
 */
function load(
  configDir: string,
  warn: (message: string) => void,
  unusable: (error: unknown) => KnotError,
): Loaded {
  const read = readJsonObject(settingsFile(configDir));
  if (read.state === "missing") return { stored: {} };
  if (read.state === "unreadable") {
    if (read.error instanceof SyntaxError) return { reason: read.reason };
    throw unusable(read.error);
  }
  const moved = afterMove(configDir, read.value, warn);
  const stored = withoutPinnedDefaults(moved) ?? moved;
  const bad = badKeys(stored);
  if (bad.length > 0) return { reason: settingsText.badValues(bad.join(", ")) };
  if (stored.reminders !== undefined && !Array.isArray(stored.reminders)) {
    return { reason: settingsText.remindersNotList };
  }
  return { stored };
}

/**
 * Opens the settings to change them. A file that is not valid JSON or holds a value knot
 * cannot use is moved aside to `config.json.bad-<timestamp>` (never deleted), reported through
 * `warn`, and knot carries on with the defaults; reminders in it go on (reminders.json).
 */
export async function openConfig(
  configDir: string,
  warn: (message: string) => void,
  now: () => Date = () => new Date(),
  /**
   * "read" for a command that only shows the settings: conf is then loaded only if the file
   * needs cleaning, and the store refuses changes.
   */
  purpose: "change" | "read" = "change",
): Promise<ConfigStore> {
  const path = settingsFile(configDir);
  const unusable = (error: unknown) =>
    new KnotError(settingsText.couldNotOpen(path, describeFsError(error)), {
      exitCode: ExitCode.failure,
      hint: settingsText.couldNotOpenHint,
    });
  const loaded = load(configDir, warn, unusable);
  let stored: Record<string, unknown>;
  if ("stored" in loaded) stored = loaded.stored;
  else {
    stored = {};
    moveSettingsAside(configDir, loaded.reason, now(), warn, unusable);
  }

  // Written through conf, whole beside the file and renamed into place; a link at the file's
  // place is refused rather than written through, and a failure says what was kept. conf (and
  // its schema's compiling) is made at the first write: reading needs none of it.
  const read = readJsonObject(path);
  const unclean = read.state === "read" && JSON.stringify(read.value) !== JSON.stringify(stored);
  const ConfClass = purpose === "change" || unclean ? (await import("conf")).default : undefined;
  let conf: Conf<Record<string, unknown>> | undefined;
  const write = (next: Record<string, unknown>) => {
    if (!ConfClass) throw new Error("the settings were opened for reading");
    refuseLinkedSettings(path);
    try {
      conf ??= new ConfClass<Record<string, unknown>>({
        cwd: configDir,
        configName: "config",
        // no defaults in it: conf would write them all into the file (see keys.ts confSchema)
        schema: settingsSchema() as never,
        clearInvalidConfig: false,
      });
      conf.store = next;
    } catch (error) {
      throw new KnotError(settingsText.couldNotSave(path, describeFsError(error)), {
        exitCode: ExitCode.failure,
        hint: settingsText.couldNotSaveHint,
      });
    }
    stored = next;
  };
  // A file from an older knot holds every default it was written from: cleaned once.
  if (unclean) {
    try {
      write(stored);
    } catch {
      // read-only or a link: the values are the defaults anyway; cleaned on a later change
    }
  }
  const settings = () => settingsFrom(configDir, stored);
  const change = (key: ConfigKey, value: ConfigValue | undefined) => {
    const next: Record<string, unknown> = structuredClone(stored);
    const [group, leaf] = key.split(".");
    if (leaf === undefined) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    } else {
      const node = { ...((next[group!] as Record<string, unknown> | undefined) ?? {}) };
      if (value === undefined) delete node[leaf];
      else node[leaf] = value;
      if (Object.keys(node).length === 0) delete next[group!];
      else next[group!] = node;
    }
    write(next);
  };
  return {
    path,
    get: (key) => settings().get(key),
    internal: (key) => settings().internal(key),
    set: (key, value) => change(key, value),
    // The key leaves the file: the default in force is knot's, now and after it changes.
    unset: (key) => change(key, undefined),
    // Only what a move could not take away stays beside the (now default) preferences.
    reset: () =>
      write(Object.fromEntries(MOVED_KEYS.flatMap((k) => (k in stored ? [[k, stored[k]]] : [])))),
    entries: () =>
      CONFIG_KEY_NAMES.map((key) => {
        const value = settings().get(key);
        return { key, value, isDefault: value === CONFIG_KEYS[key].default };
      }),
  };
}

/**
 * Reads the preferences for commands that never change them: the same checks as openConfig,
 * without writing; anything unexpected (bad JSON, a bad value) goes through `openConfig`,
 * which moves the file aside and reports it.
 */
export async function readSettings(
  configDir: string,
  warn: (message: string) => void,
): Promise<Settings> {
  const path = settingsFile(configDir);
  const loaded = load(configDir, warn, (error) => {
    // Not something knot can read (a pipe, a device, a huge file): say so.
    return new KnotError(settingsText.couldNotRead(path, describeFsError(error)), {
      exitCode: ExitCode.failure,
      hint: settingsText.couldNotReadHint,
    });
  });
  if ("reason" in loaded) return openConfig(configDir, warn, undefined, "read");
  return settingsFrom(configDir, loaded.stored);
}

/**
 * The settings file's schema for conf: the preferences (keys.ts), and what a move could not
 * take away (reminders, screening answers) as they were kept.
 */
const settingsSchema = () => ({
  ...confSchema(),
  reminders: { type: "array" },
  screening: { type: "object" },
});

function refuseLinkedSettings(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  if (!link) return;
  throw new KnotError(settingsText.isLink(path), {
    exitCode: ExitCode.failure,
    hint: settingsText.isLinkHint(path),
  });
}
