import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import type Conf from "conf";
import { ExitCode, KnotError } from "../errors.js";
import {
  CONFIG_KEY_NAMES,
  CONFIG_KEYS,
  type ConfigKey,
  type ConfigValue,
  confSchema,
} from "./keys.js";

export interface ConfigStore {
  readonly path: string;
  get(key: ConfigKey): ConfigValue;
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
      schema: confSchema() as never,
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
    set: (key, value) => conf.set(key, value),
    unset: (key) => conf.set(key, defaultOf(key)),
    reset: () => conf.clear(),
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
