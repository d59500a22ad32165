import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, readRegularFile } from "../files.js";
import { isSessionRecord, type SessionRecord } from "./record.js";

export const historyFile = (dataDir: string): string => join(dataDir, "history.jsonl");

/**
 * Appends one record as one line. A single write to a file opened for appending lands whole
 * at the end even with another knot writing at the same moment; fsync makes it durable before
 * knot says it is saved. If an earlier write was cut short (power cut, full disk), the new
 * record starts on a fresh line, so only the damaged line is lost.
 */
export function appendRecord(
  file: string,
  record: SessionRecord,
  /** The write itself; tests hand in one that fails part-way, as a full disk does. */
  write: (fd: number, data: Buffer) => number = writeSync,
): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, "a");
  let size = 0;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw Object.assign(new Error(`${file} is not a regular file`), { code: "ENOTREG" });
    }
    size = stat.size;
    let prefix = "";
    if (size > 0) {
      const last = Buffer.alloc(1);
      const read = openSync(file, "r");
      try {
        readSync(read, last, 0, 1, size - 1);
      } finally {
        closeSync(read);
      }
      if (last[0] !== 0x0a) prefix = "\n";
    }
    const line = Buffer.from(`${prefix}${JSON.stringify(record)}\n`);
    const written = write(fd, line);
    if (written !== line.length) {
      throw Object.assign(new Error("the record was written short"), { code: "ENOSPC" });
    }
    fsyncSync(fd);
  } catch (error) {
    // A record written in part (a full disk) is taken back, so the store is as it was.
    if ((error as NodeJS.ErrnoException).code !== "ENOTREG") rollBack(fd, size);
    throw error;
  } finally {
    closeSync(fd);
  }
}

function rollBack(fd: number, size: number): void {
  try {
    if (fstatSync(fd).size > size) {
      ftruncateSync(fd, size);
      fsyncSync(fd);
    }
  } catch {
    // nothing more can be done: the reader skips a damaged last line
  }
}

export interface History {
  records: SessionRecord[];
  /** Lines that could not be read, 1-based, with why. */
  damaged: { line: number; reason: string }[];
}

/** Reads every record, oldest first. Damaged lines are skipped and reported, never fatal. */
export function readHistory(file: string): History {
  let text: string;
  try {
    text = readRegularFile(file).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], damaged: [] };
    throw new KnotError(`Could not read the history file ${file}: ${describeFsError(error)}.`, {
      exitCode: ExitCode.failure,
      hint: "knot keeps its history in a regular file; move this one aside to start a new one.",
    });
  }
  const records: SessionRecord[] = [];
  const damaged: History["damaged"] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const value = JSON.parse(line);
      if (isSessionRecord(value)) records.push(value);
      else damaged.push({ line: i + 1, reason: "not a session record" });
    } catch {
      damaged.push({ line: i + 1, reason: "not valid JSON (cut short?)" });
    }
  });
  records.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  return { records: latestById(records), damaged };
}

/**
 * One record per session: if knot died between saving a session and removing its checkpoint,
 * the next knot recovers the checkpoint too, and the record that ended later is the true one.
 */
function latestById(records: SessionRecord[]): SessionRecord[] {
  const byId = new Map<string, SessionRecord>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (!seen || Date.parse(r.endedAt) >= Date.parse(seen.endedAt)) byId.set(r.id, r);
  }
  return byId.size === records.length ? records : records.filter((r) => byId.get(r.id) === r);
}

/** One warning naming the damaged lines, or nothing. */
export function damagedWarning(file: string, history: History): string | undefined {
  const { damaged } = history;
  if (damaged.length === 0) return undefined;
  const lines = damaged.map((d) => d.line);
  const shown = lines.slice(0, 5).join(", ") + (lines.length > 5 ? ", ..." : "");
  return `${damaged.length === 1 ? "A damaged line" : `${damaged.length} damaged lines`} in ${file} (line ${shown}) ${damaged.length === 1 ? "was" : "were"} skipped; everything else was read.`;
}

/** Moves the history aside as a backup (never deletes it) and returns the backup's path. */
export function clearHistory(file: string, now: number): string | undefined {
  const backup = `${file}.bak-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
  try {
    renameSync(file, backup);
    return backup;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
