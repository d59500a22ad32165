import type { ConfigValue } from "./keys.js";

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
export const valueAt = (stored: Record<string, unknown>, key: string): unknown =>
  key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], stored);

/**
 * The settings file without the defaults an older knot pinned in it (see WRITTEN_DEFAULTS),
 * or undefined when it holds none. Everything else (values the person chose, and what an
 * older knot kept beside them) is kept as it is.
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
