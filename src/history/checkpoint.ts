import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readRegularFile, writeFresh } from "../files.js";
import { processStart } from "../process-start.js";
import type { HistoryStore } from "./months.js";
import { isSessionRecord } from "./record-check.js";
import type { SessionRecord } from "./record-types.js";

export { processStart };

/**
 * A running session keeps a checkpoint (its record so far) beside the history, rewritten at
 * each step. When a session ends in any way knot sees, the record is appended and the
 * checkpoint removed. When knot itself dies (a crash, kill -9, power loss), the checkpoint is
 * left behind, and the next knot turns it into an "interrupted" record.
 */
export const checkpointDir = (dataDir: string) => join(dataDir, "running");

export function writeCheckpoint(
  dataDir: string,
  record: SessionRecord,
  pid = process.pid,
  started = processStart(pid),
): void {
  const dir = checkpointDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${record.id}.json`);
  // Written beside, then renamed: a checkpoint is either the old one or the new one, never half.
  try {
    writeFresh(`${file}.tmp`, JSON.stringify({ pid, started, record }));
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    rmSync(`${file}.tmp`, { force: true });
    throw error;
  }
}

export function removeCheckpoint(dataDir: string, id: string): void {
  rmSync(join(checkpointDir(dataDir), `${id}.json`), { force: true });
}

/** Whether the knot that wrote a checkpoint still runs: its process id, started when it was. */
const alive = (pid: number, started: unknown): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (typeof started !== "string") return true;
  const now = processStart(pid);
  return now === undefined || now === started;
};

/**
 * Turns the checkpoints of sessions whose knot is gone into "interrupted" records. Several
 * knots may start at once: each first claims a checkpoint by renaming it (only one rename of
 * a file succeeds), so each is recovered once.
 */
export function recoverCheckpoints(
  dataDir: string,
  store: Pick<HistoryStore, "append">,
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
    let checkpoint: { pid?: unknown; started?: unknown; record?: unknown };
    try {
      checkpoint = JSON.parse(readRegularFile(file, 1024 * 1024).toString("utf8"));
    } catch {
      rmSync(file, { force: true }); // an unreadable checkpoint holds nothing worth keeping
      continue;
    }
    const { pid, started, record } = checkpoint;
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid as number, started)) continue;
    const claimed = `${file}.recovering-${process.pid}`;
    try {
      renameSync(file, claimed);
    } catch {
      continue; // another knot claimed it first
    }
    if (isSessionRecord(record)) {
      const interrupted: SessionRecord = { ...record, ended: "interrupted" };
      store.append(interrupted);
      recovered.push(interrupted);
    }
    rmSync(claimed, { force: true });
  }
  return recovered;
}

/**
 * The records so far of sessions running now in other knots (their checkpoints), so that the
 * safety rules see a pack that is on in another terminal. Nothing is claimed or removed.
 */
export function liveSessions(dataDir: string, isAlive = alive): SessionRecord[] {
  let names: string[];
  try {
    names = readdirSync(checkpointDir(dataDir)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  const live: SessionRecord[] = [];
  for (const name of names) {
    try {
      const { pid, started, record } = JSON.parse(
        readRegularFile(join(checkpointDir(dataDir), name), 1024 * 1024).toString("utf8"),
      );
      if (!Number.isInteger(pid) || pid === process.pid || !isAlive(pid, started)) continue;
      if (isSessionRecord(record)) live.push(record);
    } catch {
      // being rewritten or unreadable: the next look will see it
    }
  }
  return live;
}
