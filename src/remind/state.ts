import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeWhole } from "../files.js";
import type { Said, SaidPart } from "../text/remind.js";
import type { ReminderState } from "./decide.js";
import { withLock } from "./lock.js";
import { remindFiles } from "./profile.js";

/**
 * What knot remembers of its reminders between runs (when each last fired, a snooze, its last
 * failure, why it is waiting; the last id given; when the advice was last given): changes
 * every time, so it lives in the data folder, not the settings. Changed only under the
 * reminders' lock. Losing it is harmless: the next due time reminds once.
 */
export interface Failure {
  at: number;
  /** Kept as a message's id and values, worded when shown (older entries hold words). */
  reason: Said | string;
  fix: Said | string;
}

export interface KeptState extends ReminderState {
  /** The last firing that could not reach the person (cleared by the next that does). */
  failure?: Failure;
  /** Due, but held back: the screen is locked, the person away, notifications paused. */
  waiting?: { since: number; why: Said | string };
}

export interface RemindState {
  reminders: Record<string, KeptState>;
  /** The highest id number ever given, so ids are never reused. */
  lastId: number;
  /** When the advice to see a doctor was last given, by any reminder (once a day in all). */
  adviceAt?: number;
}

export const stateFile = (dataDir: string) => remindFiles(dataDir).state;

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
/** A kept message as read back from a file: words (older entries) or a message's id and values. */
export function keptSaid(v: unknown, depth = 0): Said | string | undefined {
  if (typeof v === "string") return v.slice(0, 500);
  if (depth > 4 || v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  const { say: key, with: values } = v as Record<string, unknown>;
  if (typeof key !== "string" || key.length > 100) return undefined;
  if (values === undefined) return { say: key };
  if (!Array.isArray(values) || values.length > 10) return undefined;
  const parts: SaidPart[] = [];
  for (const value of values) {
    const part = typeof value === "number" || value === null ? value : keptSaid(value, depth + 1);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return { say: key, with: parts };
}

function keptOf(raw: unknown): KeptState | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const s = raw as Record<string, unknown>;
  const f = s.failure as Record<string, unknown> | undefined;
  const w = s.waiting as Record<string, unknown> | undefined;
  const failure =
    f && num(f.at) !== undefined && keptSaid(f.reason) !== undefined
      ? { at: num(f.at)!, reason: keptSaid(f.reason)!, fix: keptSaid(f.fix) ?? "" }
      : undefined;
  const waiting =
    w && num(w.since) !== undefined && keptSaid(w.why) !== undefined
      ? { since: num(w.since)!, why: keptSaid(w.why)! }
      : undefined;
  return {
    lastFiredAt: num(s.lastFiredAt),
    snoozedUntil: num(s.snoozedUntil),
    lastAdviceAt: num(s.lastAdviceAt),
    ...(failure ? { failure } : {}),
    ...(waiting ? { waiting } : {}),
  };
}

export function readRemindState(dataDir: string): RemindState {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(readFileSync(stateFile(dataDir), "utf8"));
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not kept");
  } catch {
    return { reminders: {}, lastId: 0 };
  }
  // the first form of the file was the reminders alone, by id
  const byId = (value.v === 2 ? value.reminders : value) as Record<string, unknown>;
  const reminders: Record<string, KeptState> = {};
  for (const [id, raw] of Object.entries(byId ?? {})) {
    const kept = keptOf(raw);
    if (/^r\d{1,4}$/.test(id) && kept) reminders[id] = kept;
  }
  const ids = Object.keys(reminders).map((id) => Number(id.slice(1)));
  const lastAdvice = Math.max(-1, ...Object.values(reminders).map((r) => r.lastAdviceAt ?? -1));
  return {
    reminders,
    lastId: Math.max(num(value.lastId) ?? 0, ...ids, 0),
    adviceAt: num(value.adviceAt) ?? (lastAdvice >= 0 ? lastAdvice : undefined),
  };
}

/** Each reminder's state, by id. */
export const readStates = (dataDir: string) => readRemindState(dataDir).reminders;

/** Written whole through knot's one atomic writer (a link at its name refused). */
function writeRemindState(dataDir: string, state: RemindState): void {
  const file = stateFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  writeWhole(file, JSON.stringify({ v: 2, ...state }));
}

/** Reads, changes and writes the state under the reminders' lock; returns what `change` does. */
export function changeRemindState<T>(dataDir: string, change: (state: RemindState) => T): T {
  return withLock(remindFiles(dataDir).lock, () => {
    const state = readRemindState(dataDir);
    const out = change(state);
    writeRemindState(dataDir, state);
    return out;
  });
}

export function updateState(
  dataDir: string,
  id: string,
  change: (state: KeptState) => KeptState,
): void {
  changeRemindState(dataDir, (all) => {
    all.reminders[id] = change(all.reminders[id] ?? {});
  });
}

/** Forgets reminders' state; the last id given is kept, so an id is never given twice. */
export function forgetStates(dataDir: string, ids: readonly string[] | "all"): void {
  changeRemindState(dataDir, (all) => {
    for (const id of ids === "all" ? Object.keys(all.reminders) : ids) delete all.reminders[id];
  });
}
