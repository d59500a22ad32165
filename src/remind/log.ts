import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import type { Said } from "../text/remind.js";
import { remindFiles } from "./profile.js";
import { keptSaid } from "./state.js";

/**
 * knot's own small log of firings: one JSON line each (when, which reminder, what happened
 * and why), kept to the last few hundred, shown by `knot remind log`.
 */
export type Outcome = "reminded" | "advised" | "quiet" | "waiting" | "failed" | "problem";

export interface LogEntry {
  at: string;
  id: string;
  outcome: Outcome;
  /** Kept as a message's id and values, worded when shown (older entries hold words). */
  why?: Said | string;
}

const KEEP = 300;

export function logFiring(dataDir: string, entry: LogEntry): void {
  const file = remindFiles(dataDir).log;
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
    if (statSync(file).size > KEEP * 400) {
      const kept = readLog(dataDir).slice(-KEEP);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, kept.map((e) => `${JSON.stringify(e)}\n`).join(""));
      renameSync(tmp, file);
    }
  } catch {
    // the log is a convenience: a full disk must not stop a reminder
  }
}

export function readLog(dataDir: string): LogEntry[] {
  let text = "";
  try {
    text = readFileSync(remindFiles(dataDir).log, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").flatMap((line) => {
    try {
      const e = JSON.parse(line) as LogEntry;
      if (typeof e.at !== "string" || typeof e.id !== "string" || typeof e.outcome !== "string") {
        return [];
      }
      // why as knot can word it: words, or a message's id and values (anything else left out)
      const why = e.why === undefined ? undefined : keptSaid(e.why);
      return [{ at: e.at, id: e.id, outcome: e.outcome, ...(why === undefined ? {} : { why }) }];
    } catch {
      return [];
    }
  });
}
