import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isSessionRecord, type SessionRecord } from "./record.js";
import { appendRecord } from "./store.js";

/**
 * A running session keeps a checkpoint (its record so far) beside the history, rewritten at
 * each step. When a session ends in any way knot sees, the record is appended and the
 * checkpoint removed. When knot itself dies (a crash, kill -9, power loss), the checkpoint is
 * left behind, and the next knot turns it into an "interrupted" record.
 */
export const checkpointDir = (dataDir: string) => join(dataDir, "running");

export function writeCheckpoint(dataDir: string, record: SessionRecord, pid = process.pid): void {
  const dir = checkpointDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${record.id}.json`);
  // Written beside, then renamed: a checkpoint is either the old one or the new one, never half.
  writeFileSync(`${file}.tmp`, JSON.stringify({ pid, record }));
  renameSync(`${file}.tmp`, file);
}

export function removeCheckpoint(dataDir: string, id: string): void {
  rmSync(join(checkpointDir(dataDir), `${id}.json`), { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Turns the checkpoints of sessions whose knot is gone into "interrupted" records. */
export function recoverCheckpoints(
  dataDir: string,
  historyPath: string,
  isAlive = alive,
): SessionRecord[] {
  let names: string[];
  try {
    names = readdirSync(checkpointDir(dataDir)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  const recovered: SessionRecord[] = [];
  for (const name of names) {
    const file = join(checkpointDir(dataDir), name);
    try {
      const { pid, record } = JSON.parse(readFileSync(file, "utf8"));
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
      if (isSessionRecord(record)) {
        const interrupted: SessionRecord = { ...record, ended: "interrupted" };
        appendRecord(historyPath, interrupted);
        recovered.push(interrupted);
      }
    } catch {
      // an unreadable checkpoint holds nothing worth keeping
    }
    rmSync(file, { force: true });
  }
  return recovered;
}
