import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, fileError, refuseLink } from "../files.js";
import { filesText } from "../text/files.js";
import { type LineProblem, recordProblem } from "./record-check.js";
import type { SessionRecord } from "./record-types.js";

export type { LineProblem } from "./record-check.js";

/**
 * The file-level guarantees of the history, used by the store over months (./months.ts):
 * appends that land whole, and reads that skip damaged lines.
 *
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
  appendLines(file, [JSON.stringify(record)], write);
}

/** Appends lines in one write, with the same guarantees (an import adds many at once). */
export function appendLines(
  file: string,
  lines: readonly string[],
  write: (fd: number, data: Buffer) => number = writeSync,
): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  // never through a link: a month file, the screening record are knot's own (O_NOFOLLOW)
  let fd: number;
  try {
    fd = openSync(
      file,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0),
      0o644,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") refuseLink(file);
    throw error;
  }
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
    const line = Buffer.from(`${prefix}${lines.join("\n")}\n`);
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
  damaged: { line: number; reason: LineProblem }[];
}

/**
 * Calls `each` with every line of a file from byte `from` (the start of a line), read in
 * pieces, so a file of any size is read in bounded memory. Only regular files are read.
 * Returns the file's size as read, which is where the next reading can carry on. `each` also
 * gets where the line starts in the file and its length in bytes, to read it again alone.
 */
export function forEachLine(
  file: string,
  each: (line: string, number: number, offset: number, bytes: number) => void,
  from = 0,
): number {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw fileError(file, "EISDIR", "is a folder");
    if (!stat.isFile()) throw fileError(file, "ENOTREG", "is not a regular file");
    // One buffer for the whole file: the start of an unfinished line is moved to its front and
    // the next piece read in behind it, so reading a month makes no garbage but the lines
    // themselves (a copy of each piece, as before, made ~50 MB of buffers for the collector
    // over 22,000 sessions and raised the peak memory of an index rebuild by about as much).
    const pooled = spare.pop() ?? Buffer.allocUnsafe(CHUNK);
    let buffer = pooled;
    try {
      let kept = 0; // bytes at the front: the start of a line not yet ended
      let number = 0;
      let skipping = false;
      let position = from;
      for (;;) {
        if (kept === buffer.length) {
          // a line longer than the buffer: a larger one for it (up to MAX_LINE, see below)
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, kept);
          buffer = larger;
        }
        const n = readSync(fd, buffer, kept, buffer.length - kept, position);
        if (n <= 0) break;
        // where the buffer starts in the file: the kept part came before this read
        const base = position - kept;
        position += n;
        const end = kept + n;
        let start = 0;
        if (skipping) {
          // the rest of a line too long to keep, up to its end
          const nl = buffer.indexOf(0x0a);
          if (nl < 0 || nl >= end) continue;
          start = nl + 1;
          skipping = false;
        }
        for (
          let nl = buffer.indexOf(0x0a, start);
          nl >= 0 && nl < end;
          nl = buffer.indexOf(0x0a, start)
        ) {
          // a line longer than MAX_LINE that the larger buffer held whole is still too long
          const line = nl - start > MAX_LINE ? LINE_TOO_LONG : buffer.toString("utf8", start, nl);
          each(line, ++number, base + start, nl - start);
          start = nl + 1;
        }
        kept = end - start;
        if (kept > MAX_LINE) {
          // a "line" of megabytes is no record: passed on as one that is, and skipped past
          each(LINE_TOO_LONG, ++number, position - kept, kept);
          kept = 0;
          skipping = true;
        } else if (start > 0 && kept > 0) {
          buffer.copyWithin(0, start, end);
        }
      }
      if (kept > 0) {
        each(buffer.toString("utf8", 0, kept), ++number, position - kept, kept);
      }
      return position;
    } finally {
      spare.push(pooled);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reading buffers, kept for the next file: reading years of months one after another would
 * otherwise leave a buffer per month for the garbage collector (and the process's memory).
 * A pool, not one buffer, as a reading can start inside another (an import checks ids).
 */
const CHUNK = 256 * 1024;
const spare: Buffer[] = [];

/** The longest line read: a record of 10,000 steps fits well inside it. */
const MAX_LINE = 8 * 1024 * 1024;
/** What forEachLine passes for a line longer than that. */
export const LINE_TOO_LONG = "\u0000line too long";

const TOO_LONG: LineProblem = Object.freeze({ code: "tooLong", bytes: MAX_LINE });
const NOT_JSON: LineProblem = Object.freeze({ code: "notJson" });

/** Whether what parseLine gave is a damaged line's problem rather than a record. */
export const isLineProblem = (parsed: SessionRecord | LineProblem): parsed is LineProblem =>
  "code" in parsed;

/** Parses one line of a history file: a record, why it is damaged, or nothing (blank). */
export function parseLine(line: string): SessionRecord | LineProblem | undefined {
  if (line === LINE_TOO_LONG) return TOO_LONG;
  if (line.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return NOT_JSON;
  }
  return recordProblem(value) ?? (value as SessionRecord);
}

/**
 * Reads every record of one file, oldest first, one per id; damaged lines are reported. With
 * `since` (an ISO time), lines of sessions that started earlier are passed over unparsed:
 * knot writes `startedAt` as a top-level key, found without parsing the line.
 */
export function readHistoryFile(file: string, since?: string): History {
  const records: SessionRecord[] = [];
  const damaged: History["damaged"] = [];
  try {
    forEachLine(file, (line, number) => {
      if (since !== undefined && startedBefore(line, since)) return;
      const parsed = parseLine(line);
      if (parsed === undefined) return;
      if (isLineProblem(parsed)) damaged.push({ line: number, reason: parsed });
      else records.push(parsed);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], damaged: [] };
    throw historyReadError(file, error);
  }
  records.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  return { records: latestById(records), damaged };
}

/** The month a record belongs to: "2026-11", from its start time in UTC (names its file). */
export const monthOf = (startedAt: string): string => monthOfTime(Date.parse(startedAt));
export const monthOfTime = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** What knot says when a history file or folder cannot be read. */
export const historyReadError = (path: string, error: unknown): KnotError =>
  new KnotError(
    filesText.historyUnreadable(!path.endsWith(".jsonl"), path, describeFsError(error)),
    { exitCode: ExitCode.failure, hint: filesText.historyRegularHint },
  );

const STARTED = '"startedAt":"';
/** Whether a line's start time is certainly before `since`; unsure lines are parsed. */
function startedBefore(line: string, since: string): boolean {
  const at = line.indexOf(STARTED);
  if (at < 0 || line.indexOf(STARTED, at + 1) >= 0) return false;
  const value = line.slice(at + STARTED.length, at + STARTED.length + 24);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && value < since;
}

/**
 * One record per session: if knot died between saving a session and removing its checkpoint,
 * the next knot recovers the checkpoint too, and the record that ended later is the true one.
 */
export function latestById<T extends { id: string; endedAt: string }>(records: T[]): T[] {
  const byId = new Map<string, T>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (!seen || Date.parse(r.endedAt) >= Date.parse(seen.endedAt)) byId.set(r.id, r);
  }
  return byId.size === records.length ? records : records.filter((r) => byId.get(r.id) === r);
}
