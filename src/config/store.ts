import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type Conf from "conf";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, readRegularFile, writeFresh } from "../files.js";
import { isReminder, type Reminder } from "../remind/model.js";
import {
  CONFIG_KEY_NAMES,
  CONFIG_KEYS,
  type ConfigKey,
  type ConfigValue,
  confSchema,
  isValidValue,
} from "./keys.js";

/** Read-only access to the preferences: all a session needs. */
export interface Settings {
  get(key: ConfigKey): ConfigValue;
  /** State knot keeps beside the preferences, such as safety screening answers. */
  internal(key: string): unknown;
}

export interface ConfigStore extends Settings {
  readonly path: string;
  set(key: ConfigKey, value: ConfigValue): void;
  unset(key: ConfigKey): void;
  reset(): void;
  entries(): { key: ConfigKey; value: ConfigValue; isDefault: boolean }[];
  /** Internal state knot keeps beside the preferences (not settable with `knot config`). */
  raw: Conf<Record<string, unknown>>;
}

const isInvalidFile = (error: unknown): boolean => {
  const e = error as Error;
  return e?.name === "SyntaxError" || e?.message?.startsWith("Config schema violation");
};

/**
 * Opens the preferences file through `conf`. A file that is not valid JSON or breaks the schema
 * is moved aside to `config.json.bad-<timestamp>` (never deleted), reported through `warn`, and
 * knot carries on with the defaults.
 */
export async function openConfig(
  configDir: string,
  warn: (message: string) => void,
  now: () => Date = () => new Date(),
): Promise<ConfigStore> {
  const { default: ConfClass } = await import("conf");
  const path = join(configDir, "config.json");
  const open = () =>
    new ConfClass<Record<string, unknown>>({
      cwd: configDir,
      configName: "config",
      // the reminders are a list; each is checked by knot's reminder reader
      // (readReminderSettings), so one knot cannot use never moves the file aside
      schema: { ...confSchema(), reminders: { type: "array" } } as never,
      clearInvalidConfig: false,
    });

  let conf: Conf<Record<string, unknown>>;
  try {
    conf = open();
  } catch (error) {
    if (!isInvalidFile(error) || !existsSync(path)) throw unusable(path, error);
    const aside = `${path}.bad-${now().toISOString().replace(/[:.]/g, "-")}`;
    try {
      renameSync(path, aside);
      conf = open();
    } catch (second) {
      throw unusable(path, second);
    }
    // the reminders go on: their scheduler entries still run, and must find them
    const reminders = remindersIn(aside);
    if (reminders) conf.set("reminders", reminders);
    const reason = (error as Error).message.replace(/^Config schema violation: /, "");
    warn(
      `Your settings file could not be read (${reason.split("\n")[0]}).\n` +
        `It was moved to ${aside} and knot is using the default settings.`,
    );
  }

  const defaultOf = (key: ConfigKey): ConfigValue => CONFIG_KEYS[key].default;
  const get = (key: ConfigKey): ConfigValue =>
    (conf.get(key) as ConfigValue | undefined) ?? defaultOf(key);
  // Every change is written whole beside the file and renamed into place (conf); a link at
  // the file's place is refused rather than written through, and a failure says what was kept.
  const change = (what: () => void) => {
    refuseLinkedSettings(path);
    try {
      what();
    } catch (error) {
      throw new KnotError(`Could not save your settings to ${path}: ${describeFsError(error)}.`, {
        exitCode: ExitCode.failure,
        hint: "Nothing was changed. Check that you may write to the folder and that the disk has room.",
      });
    }
  };
  // A file from an older knot holds every default it was written from: cleaned once.
  const cleaned = withoutPinnedDefaults(conf.store);
  if (cleaned) {
    try {
      change(() => {
        conf.store = cleaned;
      });
    } catch {
      // read-only or a link: the values are the defaults anyway; cleaned on a later change
    }
  }
  return {
    path,
    raw: conf,
    get,
    internal: (key) => conf.get(key),
    set: (key, value) => change(() => conf.set(key, value)),
    // The key leaves the file: the default in force is knot's, now and after it changes.
    unset: (key) =>
      change(() => {
        conf.delete(key);
        const [group, leaf] = key.split(".");
        const rest = leaf === undefined ? undefined : conf.get(group!);
        if (rest && typeof rest === "object" && Object.keys(rest).length === 0) conf.delete(group!);
      }),
    // Preferences go back to the defaults; reminders stay (they have entries in the
    // system's scheduler, removed only by knot remind off).
    reset: () =>
      change(() => {
        const reminders = conf.get("reminders");
        conf.clear();
        if (reminders !== undefined) conf.set("reminders", reminders);
      }),
    entries: () =>
      CONFIG_KEY_NAMES.map((key) => {
        const value = get(key);
        return { key, value, isDefault: value === defaultOf(key) };
      }),
  };
}

/**
 * The defaults older versions of knot wrote into the settings file, all of them, on first use
 * (even `knot config get`), and again for `unset`. A file holding every key of one of these
 * sets was written that way; the values in it equal to the defaults it was written from were
 * never chosen by the person, so they are dropped and knot's current defaults apply.
 */
const WRITTEN_DEFAULTS: readonly Record<string, ConfigValue>[] = [
  {
    leadIn: 5,
    sound: true,
    voice: false,
    notify: true,
    display: "full",
    "cold.minutes": 10,
    "cold.offMinutes": 15,
    "cold.rounds": 2,
    "massage.dailyLimitMinutes": 6,
    checkin: true,
  },
  {
    leadIn: 5,
    sound: true,
    voice: false,
    voiceWords: "instructions",
    notify: true,
    display: "full",
    "cold.minutes": 10,
    "cold.offMinutes": 15,
    "cold.rounds": 2,
    "massage.dailyLimitMinutes": 6,
    checkin: true,
  },
];

/** A value in a settings file as stored, by its dotted key ("massage.dailyLimitMinutes"). */
const valueAt = (stored: Record<string, unknown>, key: string): unknown =>
  key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], stored);

/**
 * The settings file without the defaults an older knot pinned in it (see WRITTEN_DEFAULTS),
 * or undefined when it holds none. Everything else (reminders, screening answers, values the
 * person chose) is kept as it is.
 */
export function withoutPinnedDefaults(
  stored: Record<string, unknown>,
): Record<string, unknown> | undefined {
  // the fullest set first: a file of the later version holds the earlier set's keys too
  const written = [...WRITTEN_DEFAULTS]
    .sort((a, b) => Object.keys(b).length - Object.keys(a).length)
    .find((set) => Object.keys(set).every((key) => valueAt(stored, key) !== undefined));
  if (!written) return undefined;
  const out: Record<string, unknown> = structuredClone(stored);
  for (const [key, value] of Object.entries(written)) {
    if (valueAt(out, key) !== value) continue;
    const [group, leaf] = key.split(".");
    if (leaf === undefined) delete out[key];
    else {
      const node = out[group!] as Record<string, unknown>;
      delete node[leaf];
      if (Object.keys(node).length === 0) delete out[group!];
    }
  }
  return out;
}

function refuseLinkedSettings(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  if (!link) return;
  throw new KnotError(
    `The settings file ${path} is a symbolic link; knot never writes through a link in its own folders.`,
    {
      exitCode: ExitCode.failure,
      hint: `Nothing was changed. Replace the link with a copy of the file it points to (cp --remove-destination "$(readlink -f ${path})" ${path}), then try again.`,
    },
  );
}

/** The reminders in a settings file moved aside, if it is JSON and holds a list of them. */
function remindersIn(file: string): unknown[] | undefined {
  try {
    const value = JSON.parse(readRegularFile(file, 1024 * 1024).toString("utf8"));
    return Array.isArray(value?.reminders) ? value.reminders : undefined;
  } catch {
    return undefined;
  }
}

function unusable(path: string, error: unknown): KnotError {
  const code = (error as NodeJS.ErrnoException)?.code;
  return new KnotError(
    `Could not open the settings file ${path}: ${code ?? (error as Error).message}`,
    {
      exitCode: ExitCode.failure,
      hint: "Check that the folder exists and that you can write to it.",
    },
  );
}

/**
 * Reads the preferences without loading `conf`: starting a session should not pay for conf and
 * its schema compiler (measured: about 0.15 s of CPU on a small machine, a third of the coach's
 * budget). The file is the JSON that `conf` writes, checked against the same key rules. Anything
 * unexpected (bad JSON, a bad value) goes through `openConfig`, which recovers and reports it.
 */
export async function readSettings(
  configDir: string,
  warn: (message: string) => void,
): Promise<Settings> {
  const read = readStored(configDir);
  if (read === undefined) return openConfig(configDir, warn);
  // defaults an older knot pinned in the file are knot's current defaults (see withoutPinnedDefaults)
  const stored = withoutPinnedDefaults(read) ?? read;
  const values = new Map<ConfigKey, ConfigValue>();
  for (const key of CONFIG_KEY_NAMES) {
    const value = valueAt(stored, key);
    if (value === undefined) continue;
    if (!isValidValue(key, value)) return openConfig(configDir, warn);
    values.set(key, value as ConfigValue);
  }
  // reminders are read by readReminderSettings, which never moves the file aside
  if (stored.reminders !== undefined && !Array.isArray(stored.reminders)) {
    return openConfig(configDir, warn);
  }
  return {
    get: (key) => values.get(key) ?? CONFIG_KEYS[key].default,
    internal: (key) => stored[key],
  };
}

/** The settings file as an object ({} when missing); undefined when it cannot be used. */
function readStored(configDir: string): Record<string, unknown> | undefined {
  const path = join(configDir, "config.json");
  let text: string;
  try {
    text = readRegularFile(path, 1024 * 1024).toString("utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return {};
    // Not something conf could read either (a pipe, a device, a huge file): say so.
    throw new KnotError(`Could not read the settings file ${path}: ${describeFsError(error)}.`, {
      exitCode: ExitCode.failure,
      hint: "Move it aside (knot starts again from the defaults), or see knot config path.",
    });
  }
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The settings as reminders need them, read without ever moving the file aside: a firing run
 * by the scheduler must not lose the person's reminders (or remove their entries) over one
 * value it cannot use. Preferences it cannot use fall back to their defaults; `problem` says
 * what is wrong, for the person to see (remind list, today, a notification).
 */
export interface ReminderSettings {
  settings: Settings;
  /** The reminders knot can use. */
  reminders: Reminder[];
  /** Ids in the file whose reminder knot cannot read (kept, never removed). */
  unreadable: string[];
  /** What is wrong with the file, if anything. */
  problem?: string;
  /** Whether the file as a whole can be changed (valid JSON, an object). */
  writable: boolean;
  /** Whether there is a settings file at all. */
  exists: boolean;
}

export function readReminderSettings(configDir: string): ReminderSettings {
  const path = join(configDir, "config.json");
  let stored: Record<string, unknown> = {};
  let problem: string | undefined;
  let writable = true;
  let exists = true;
  try {
    const value = JSON.parse(readRegularFile(path, 1024 * 1024).toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new SyntaxError("it is not a JSON object");
    }
    // defaults an older knot pinned in the file are knot's current defaults, as for settings
    stored = withoutPinnedDefaults(value) ?? value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") exists = false;
    else {
      writable = false;
      problem = `the settings file ${path} cannot be read (${
        error instanceof SyntaxError ? error.message : describeFsError(error)
      })`;
    }
  }
  const values = new Map<ConfigKey, ConfigValue>();
  const badKeys: string[] = [];
  for (const key of CONFIG_KEY_NAMES) {
    const value = valueAt(stored, key);
    if (value === undefined) continue;
    if (isValidValue(key, value)) values.set(key, value as ConfigValue);
    else badKeys.push(key);
  }
  const raw = stored.reminders;
  const list = Array.isArray(raw) ? raw : [];
  if (raw !== undefined && !Array.isArray(raw)) {
    problem ??= `"reminders" in ${path} is not a list`;
    writable = false;
  }
  const reminders = list.filter(isReminder);
  const unreadable = list
    .filter((r) => !isReminder(r))
    .map((r) => String((r as { id?: unknown })?.id ?? "?"));
  if (unreadable.length > 0) {
    problem ??= `reminder ${unreadable.join(", ")} in ${path} has a value knot cannot use`;
  }
  if (badKeys.length > 0) {
    problem ??= `${badKeys.join(", ")} in ${path} ${badKeys.length > 1 ? "have values" : "has a value"} knot cannot use (the default is used)`;
  }
  return {
    settings: {
      get: (key) => values.get(key) ?? CONFIG_KEYS[key].default,
      internal: (key) => stored[key],
    },
    reminders,
    unreadable,
    problem,
    writable,
    exists,
  };
}

/** Ids of reminders in settings files moved aside (config.json.bad-...): kept, never tidied away. */
export function remindersMovedAside(configDir: string): Set<string> {
  const ids = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(configDir).filter((f) => f.startsWith("config.json.bad-"));
  } catch {
    return ids;
  }
  for (const file of files) {
    for (const r of remindersIn(join(configDir, file)) ?? []) {
      const id = (r as { id?: unknown })?.id;
      if (typeof id === "string") ids.add(id);
    }
  }
  return ids;
}

/**
 * Writes the reminders into the settings file, keeping everything else in it as it was.
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
    throw new KnotError(`Reminders were not changed: ${current.problem}.`, {
      exitCode: ExitCode.failure,
      hint: "Fix the file (knot config path shows it), or move it aside to start afresh.",
    });
  }
  const path = join(configDir, "config.json");
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(readRegularFile(path, 1024 * 1024).toString("utf8"));
  } catch {
    // no file yet
  }
  // reminders knot cannot read stay as they were, beside the ones it writes
  const kept = (Array.isArray(stored.reminders) ? stored.reminders : []).filter(
    (r) => !isReminder(r) && drop !== "all" && !drop.includes(String((r as { id?: unknown })?.id)),
  );
  const next = [...kept, ...reminders];
  if (next.length === 0) delete stored.reminders;
  else stored.reminders = next;
  // Written whole beside the file (never through a link left at that name) and renamed into
  // place; a failure (a full disk, a read-only folder) leaves the file as it was, and says so.
  refuseLinkedSettings(path);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(configDir, { recursive: true });
    writeFresh(tmp, JSON.stringify(stored, undefined, "\t"));
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    throw new KnotError(`Could not save the reminders to ${path}: ${describeFsError(error)}.`, {
      exitCode: ExitCode.failure,
      hint: "The settings file is as it was. Check that you may write to the folder and that the disk has room.",
    });
  }
}
