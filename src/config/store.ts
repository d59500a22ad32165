import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import type Conf from "conf";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, readRegularFile } from "../files.js";
import { isReminder, REMINDERS_SCHEMA } from "../remind/model.js";
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
