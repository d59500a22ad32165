import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ReminderState } from "./decide.js";

/**
 * What knot remembers of each reminder between runs (when it last fired, a snooze): changes
 * every time, so it lives in the data folder, not the settings. Losing it is harmless: the
 * next due time reminds once.
 */
export const stateFile = (dataDir: string) => join(dataDir, "reminders.json");

export function readStates(dataDir: string): Record<string, ReminderState> {
  try {
    const value = JSON.parse(readFileSync(stateFile(dataDir), "utf8"));
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const out: Record<string, ReminderState> = {};
    for (const [id, raw] of Object.entries(value)) {
      const s = raw as Record<string, unknown>;
      const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
      if (!/^r\d{1,4}$/.test(id) || !s || typeof s !== "object") continue;
      out[id] = {
        lastFiredAt: num(s.lastFiredAt),
        snoozedUntil: num(s.snoozedUntil),
        lastAdviceAt: num(s.lastAdviceAt),
      };
    }
    return out;
  } catch {
    return {};
  }
}

export function writeStates(dataDir: string, states: Record<string, ReminderState>): void {
  const file = stateFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(states));
  renameSync(tmp, file);
}

export function updateState(
  dataDir: string,
  id: string,
  change: (state: ReminderState) => ReminderState,
): void {
  const states = readStates(dataDir);
  states[id] = change(states[id] ?? {});
  writeStates(dataDir, states);
}

export function forgetStates(dataDir: string, ids: readonly string[] | "all"): void {
  if (ids === "all") {
    rmSync(stateFile(dataDir), { force: true });
    return;
  }
  const states = readStates(dataDir);
  for (const id of ids) delete states[id];
  writeStates(dataDir, states);
}
