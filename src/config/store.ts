import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type Conf from "conf";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, readRegularFile } from "../files.js";
import { isReminder, REMINDERS_SCHEMA, type Reminder } from "../remind/model.js";
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
      // knot's own state beside the preferences is checked too: the reminders
      schema: { ...confSchema(), reminders: REMINDERS_SCHEMA } as never,
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
    const reason = (error as Error).message.replace(/^Config schema violation: /, "");
    warn(
      `Your settings file could not be read (${reason.split("\n")[0]}).\n` +
        `It was moved to ${aside} and knot is using the default settings.`,
    );
  }

  const defaultOf = (key: ConfigKey): ConfigValue => CONFIG_KEYS[key].default;
  const get = (key: ConfigKey): ConfigValue =>
    (conf.get(key) as ConfigValue | undefined) ?? defaultOf(key);
  return {
    path,
    raw: conf,
    get,
    internal: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    unset: (key) => conf.set(key, defaultOf(key)),
    // Preferences go back to the defaults; reminders stay (they have entries in the
    // system's scheduler, removed only by knot remind off).
    reset: () => {
      const reminders = conf.get("reminders");
      conf.clear();
      if (reminders !== undefined) conf.set("reminders", reminders);
    },
    entries: () =>
      CONFIG_KEY_NAMES.map((key) => {
        const value = get(key);
        return { key, value, isDefault: value === defaultOf(key) };
      }),
  };
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
  const stored = readStored(configDir);
  if (stored === undefined) return openConfig(configDir, warn);
  const values = new Map<ConfigKey, ConfigValue>();
  for (const key of CONFIG_KEY_NAMES) {
    const value = key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        stored,
      );
    if (value === undefined) continue;
    if (!isValidValue(key, value)) return openConfig(configDir, warn);
    values.set(key, value as ConfigValue);
  }
  const reminders = stored.reminders;
  if (
    reminders !== undefined &&
    (!Array.isArray(reminders) ||
      reminders.length > REMINDERS_SCHEMA.maxItems ||
      !reminders.every(isReminder))
  ) {
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
}

export function readReminderSettings(configDir: string): ReminderSettings {
  const path = join(configDir, "config.json");
  let stored: Record<string, unknown> = {};
  let problem: string | undefined;
  let writable = true;
  try {
    const value = JSON.parse(readRegularFile(path, 1024 * 1024).toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new SyntaxError("it is not a JSON object");
    }
    stored = value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      writable = false;
      problem = `the settings file ${path} cannot be read (${
        error instanceof SyntaxError ? error.message : describeFsError(error)
      })`;
    }
  }
  const values = new Map<ConfigKey, ConfigValue>();
  const badKeys: string[] = [];
  for (const key of CONFIG_KEY_NAMES) {
    const value = key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        stored,
      );
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
  };
}

/**
 * Writes the reminders into the settings file, keeping everything else in it as it was.
 * Refuses (never moves aside or overwrites) a file it cannot read.
 */
export function writeReminderList(configDir: string, reminders: readonly Reminder[]): void {
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
    (r) => !isReminder(r),
  );
  const next = [...kept, ...reminders];
  if (next.length === 0) delete stored.reminders;
  else stored.reminders = next;
  mkdirSync(configDir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(stored, undefined, "\t"));
  renameSync(tmp, path);
}
