import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_KEYS } from "./config/keys.js";

/**
 * The values shell completion asks knot for as the person types: routine ids, reminder ids,
 * a setting's values. Read straight from the files, without the command line or the routine
 * checks, so a TAB costs little more than Node's own start (bundled alone as dist/complete.js).
 * Anything unreadable simply offers nothing.
 * (`config`: knot's settings folder; it may throw, when HOME is unset.)
 */
export function dynamicCandidates(
  source: string,
  key: string | undefined,
  builtInDir: string,
  config: () => string,
): string[] {
  try {
    if (source === "routines") {
      const ids = new Set([...routineIds(builtInDir), ...routineIds(join(config(), "routines"))]);
      return [...ids].sort();
    }
    if (source === "reminders") {
      // reminders.json, and config.json where an older knot kept them (until knot moves them)
      const ids = ["reminders.json", "config.json"].flatMap((f) => reminderIds(join(config(), f)));
      return [...new Set(ids)];
    }
    if (source === "config-value" && key && Object.hasOwn(CONFIG_KEYS, key)) {
      const spec = CONFIG_KEYS[key as keyof typeof CONFIG_KEYS] as {
        type: string;
        values?: readonly string[];
      };
      if (spec.type === "boolean") return ["true", "false"];
      if (spec.type === "enum") return [...(spec.values ?? [])];
    }
  } catch {
    // a folder knot cannot tell (HOME unset): no candidates
  }
  return [];
}

/** An id the shell can take as one word (a file's broken id is left to validate to report). */
const ID = /^[\w.-]{1,64}$/;

/** The ids of the routine files in a folder (each file's own "id"). */
function routineIds(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "schema.json");
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const id = JSON.parse(readFileSync(join(dir, name), "utf8"))?.id;
      return typeof id === "string" && ID.test(id) ? [id] : [];
    } catch {
      return [];
    }
  });
}

/** The ids of the person's reminders in a file of the settings folder. */
function reminderIds(file: string): string[] {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(stored.reminders)
      ? stored.reminders.flatMap((r: { id?: unknown }) =>
          typeof r?.id === "string" && /^r\d{1,4}$/.test(r.id) ? [r.id] : [],
        )
      : [];
  } catch {
    return [];
  }
}
