import { KnotError } from "../errors.js";
import { MASSAGE_LIMIT_MINUTES, THERMAL_RULES } from "../health.js";
import { closestMatches } from "../suggest.js";
import { didYouMean } from "../text/routine.js";
import { settingsText } from "../text/settings.js";
import { quote } from "../ui/safe.js";

/**
 * The preferences a user can set with `knot config`. Each key's type, range and default are
 * here once; `store.ts` turns them into the schema `conf` checks the file against. Ranges follow
 * knot's health facts: cold at most 20 minutes, at least 10 off, at most 4 rounds; self-massage
 * at most 30 minutes per area a day.
 */
type KeySpec =
  | { type: "boolean"; default: boolean; description: string }
  | {
      type: "integer";
      default: number;
      minimum: number;
      maximum: number;
      description: string;
      /** What the health guidance says, shown when the value is changed from the default. */
      guidance?: string;
    }
  | { type: "enum"; default: string; values: readonly string[]; description: string };

export const CONFIG_KEYS = {
  leadIn: {
    type: "integer",
    default: 5,
    minimum: 0,
    maximum: 60,
    description: settingsText.described.leadIn,
  },
  sound: { type: "boolean", default: true, description: settingsText.described.sound },
  voice: { type: "boolean", default: false, description: settingsText.described.voice },
  voiceWords: {
    type: "enum",
    default: "instructions",
    values: ["instructions", "names"],
    description: settingsText.described.voiceWords,
  },
  notify: {
    type: "boolean",
    default: true,
    description: settingsText.described.notify,
  },
  display: {
    type: "enum",
    default: "full",
    values: ["full", "compact", "plain"],
    description: settingsText.described.display,
  },
  "cold.minutes": {
    type: "integer",
    default: 10,
    minimum: 1,
    maximum: THERMAL_RULES.maxApplicationSeconds / 60,
    description: settingsText.described["cold.minutes"],
  },
  "cold.offMinutes": {
    type: "integer",
    default: 15,
    minimum: 10,
    maximum: 240,
    description: settingsText.described["cold.offMinutes"],
  },
  "cold.rounds": {
    type: "integer",
    default: 2,
    minimum: 1,
    maximum: 4,
    description: settingsText.described["cold.rounds"],
  },
  "massage.dailyLimitMinutes": {
    type: "integer",
    default: MASSAGE_LIMIT_MINUTES.default,
    minimum: 1,
    maximum: MASSAGE_LIMIT_MINUTES.maximum,
    description: settingsText.described["massage.dailyLimitMinutes"],
    guidance: settingsText.guidance.massageLimit,
  },
  checkin: {
    type: "boolean",
    default: true,
    description: settingsText.described.checkin,
  },
} as const satisfies Record<string, KeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type ConfigValue = boolean | number | string;
export const CONFIG_KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKey[];

export function assertConfigKey(key: string): ConfigKey {
  if (Object.hasOwn(CONFIG_KEYS, key)) return key as ConfigKey;
  throw new KnotError(
    settingsText.notASetting(quote(key), didYouMean(closestMatches(key, CONFIG_KEY_NAMES))),
    { hint: settingsText.settings(CONFIG_KEY_NAMES.join(", ")) },
  );
}

const TRUE_WORDS = ["true", "on", "yes", "1"];
const FALSE_WORDS = ["false", "off", "no", "0"];

/** Turns the text typed after `knot config set <key>` into a checked value. */
export function parseConfigValue(key: ConfigKey, raw: string): ConfigValue {
  const spec: KeySpec = CONFIG_KEYS[key];
  const text = raw.trim().toLowerCase();
  switch (spec.type) {
    case "boolean":
      if (TRUE_WORDS.includes(text)) return true;
      if (FALSE_WORDS.includes(text)) return false;
      throw new KnotError(settingsText.notTrueFalse(key, quote(raw)));
    case "integer": {
      const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < spec.minimum || n > spec.maximum) {
        throw new KnotError(settingsText.notInRange(key, spec.minimum, spec.maximum, quote(raw)));
      }
      return n;
    }
    case "enum":
      if (spec.values.includes(text)) return text;
      throw new KnotError(
        settingsText.notOneOf(
          key,
          spec.values.join(", "),
          quote(raw),
          didYouMean(closestMatches(text, spec.values)),
        ),
      );
  }
}

/** Whether a value read from the settings file is one the key accepts. */
export function isValidValue(key: ConfigKey, value: unknown): boolean {
  const spec: KeySpec = CONFIG_KEYS[key];
  switch (spec.type) {
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return (
        Number.isInteger(value) &&
        (value as number) >= spec.minimum &&
        (value as number) <= spec.maximum
      );
    case "enum":
      return typeof value === "string" && spec.values.includes(value);
  }
}

/** Describes what a key accepts, for `knot config list` and the README. */
export function describeAccepted(key: ConfigKey): string {
  const spec: KeySpec = CONFIG_KEYS[key];
  if (spec.type === "boolean") return "true | false";
  if (spec.type === "integer") return `${spec.minimum}-${spec.maximum}`;
  return spec.values.join(" | ");
}

/** The JSON Schema properties `conf` validates the file with (dotted keys become nesting). */
export function confSchema(): Record<string, unknown> {
  const root: Record<string, Record<string, unknown>> = {};
  for (const key of CONFIG_KEY_NAMES) {
    const spec: KeySpec = CONFIG_KEYS[key];
    // No defaults here: conf would write every one into the file on first use, pinning them
    // there so that a later change of a default never reached the person. Defaults live in
    // CONFIG_KEYS; the file holds only what the person set.
    const schema =
      spec.type === "boolean"
        ? { type: "boolean" }
        : spec.type === "integer"
          ? { type: "integer", minimum: spec.minimum, maximum: spec.maximum }
          : { type: "string", enum: [...spec.values] };
    const [group, leaf] = key.split(".");
    if (leaf === undefined) {
      root[key] = schema;
    } else {
      const parent = root[group!] ?? { type: "object", properties: {} };
      root[group!] = parent;
      (parent.properties as Record<string, unknown>)[leaf] = schema;
    }
  }
  return root;
}
