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

/**
 * One list of reminders from two: every one of `kept`, then each of `more` whose id is not in
 * it (nor an identical entry without an id): nothing lost, nothing twice.
 */
export function mergeReminders(kept: readonly unknown[], more: readonly unknown[]): unknown[] {
  const ids = new Set(kept.map(idOf).filter((id) => id !== undefined));
  const texts = new Set(kept.map((r) => JSON.stringify(r)));
  return [
    ...kept,
    ...more.filter((r) => {
      const id = idOf(r);
      return id === undefined ? !texts.has(JSON.stringify(r)) : !ids.has(id);
    }),
  ];
}
