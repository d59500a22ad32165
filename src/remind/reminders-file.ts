import { join } from "node:path";
import { type JsonRead, readJsonObject, writeJsonObject } from "../config/json-file.js";

/**
 * The reminders the person set, in the settings folder, in a file of their own:
 * `{"reminders": [...]}`. Reminders knot cannot read stay in it as they are. (What knot
 * remembers of each reminder between runs is elsewhere: remind/state.ts, in the data folder.)
 */
export const remindersFile = (configDir: string) => join(configDir, "reminders.json");

export const readRemindersFile = (configDir: string): JsonRead =>
  readJsonObject(remindersFile(configDir));

export const writeRemindersFile = (configDir: string, stored: Record<string, unknown>): void =>
  writeJsonObject(remindersFile(configDir), stored);

const idOf = (r: unknown) => (r as { id?: unknown } | null)?.id;

/** A reminder given a new id because its own was taken: `from` in the old file is `to` now. */
export interface Renamed {
  from: string;
  to: string;
}

/**
 * One list of reminders from two: every one of `kept`, then each of `more` not already in it
 * (the same entry, by its text): nothing lost, nothing twice. One of `more` whose id is taken
 * by a different reminder is kept under a new id (the next free `rN`), listed in `renamed`.
 */
export function mergeReminders(
  kept: readonly unknown[],
  more: readonly unknown[],
): { merged: unknown[]; renamed: Renamed[] } {
  const ids = new Set(kept.map(idOf).filter((id) => id !== undefined));
  const texts = new Set(kept.map((r) => JSON.stringify(r)));
  // a move killed after writing the renamed one, made again, finds it under its new id
  const sansId = (r: unknown) =>
    typeof r === "object" && r !== null ? JSON.stringify({ ...r, id: undefined }) : "";
  const bodies = new Set(kept.map(sansId));
  const numbers = [...kept, ...more]
    .map(idOf)
    .map((id) => (typeof id === "string" && /^r\d+$/.test(id) ? Number(id.slice(1)) : 0));
  let last = Math.max(0, ...numbers);
  const merged = [...kept];
  const renamed: Renamed[] = [];
  for (const r of more) {
    if (texts.has(JSON.stringify(r))) continue;
    const id = idOf(r);
    if (id !== undefined && ids.has(id) && typeof r === "object" && r !== null) {
      if (bodies.has(sansId(r))) continue;
      const to = `r${++last}`;
      renamed.push({ from: String(id), to });
      merged.push({ ...r, id: to });
      ids.add(to);
    } else {
      merged.push(r);
      if (id !== undefined) ids.add(id);
    }
    texts.add(JSON.stringify(r));
    bodies.add(sansId(r));
  }
  return { merged, renamed };
}
