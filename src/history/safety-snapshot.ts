import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { writeFresh } from "../files.js";
import type { KeptReason } from "../safety/trend.js";
import { isSessionRecord } from "./record-check.js";
import type { SessionRecord } from "./record-types.js";

/**
 * What the safety rules must keep when the history goes: the whole records of the last day
 * (applications of cold and heat, massage minutes, ratings that stop a routine) and advice to
 * see a doctor that was in force. `history --clear` writes it; the allowance reads it beside
 * the history, so clearing the history never clears a limit.
 */
export interface SafetySnapshot {
  v: 1;
  savedAt: number;
  records: SessionRecord[];
  /** Its reasons: rules and figures (words from an older knot); the safety rules read them. */
  advice?: { since: number; reasons: KeptReason[] };
}

export const snapshotPath = (dataDir: string): string => join(dataDir, "safety-snapshot.json");

/** The snapshot, or nothing when there is none or it cannot be used. */
export function readSnapshot(dataDir: string): SafetySnapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(snapshotPath(dataDir), "utf8"));
  } catch {
    return undefined;
  }
  const s = value as Partial<SafetySnapshot> | null;
  if (typeof s !== "object" || s === null || s.v !== 1 || typeof s.savedAt !== "number")
    return undefined;
  const records = Array.isArray(s.records) ? s.records.filter(isSessionRecord) : [];
  const advice =
    s.advice &&
    typeof s.advice.since === "number" &&
    Array.isArray(s.advice.reasons) &&
    s.advice.reasons.every((r) => typeof r === "string" || (typeof r === "object" && r !== null))
      ? { since: s.advice.since, reasons: s.advice.reasons }
      : undefined;
  return { v: 1, savedAt: s.savedAt, records, ...(advice ? { advice } : {}) };
}

/** Written beside, then renamed: the snapshot is the old one or the new one, never half. */
export function writeSnapshot(dataDir: string, snapshot: SafetySnapshot): void {
  mkdirSync(dataDir, { recursive: true });
  const path = snapshotPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFresh(tmp, JSON.stringify(snapshot));
  renameSync(tmp, path);
}
