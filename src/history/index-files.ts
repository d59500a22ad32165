import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import { writeFresh } from "../files.js";
import { type DayRun, offsetAt } from "./analysis.js";
import type { RecordSummary } from "./record-types.js";
import type { LineProblem } from "./store.js";

/**
 * The index files as written and read back: a month's summaries, the days file, the streak
 * cache and the list of months, each checked whole when read (anything else counts as no
 * index), and written whole.
 */

/** A month the streak cache counted: its name, file size and time, and the offsets from UTC at its start and end. */
export type StreakMonth = [
  month: string,
  size: number,
  mtimeMs: number,
  start: number,
  end: number,
];

/** A folder's change time and inode: they change whenever a file in it comes, goes or is replaced. */
export type FolderStamp = [ctimeMs: number, ino: number];

export interface StreakFile {
  v: 2;
  top: string;
  from: string;
  run: DayRun;
  months: StreakMonth[];
  /** The history folder's, when every month above was last found as it is written here. */
  folder?: FolderStamp;
}

/** The offsets from UTC (as getTimezoneOffset gives them) at a month's first and last moment. */
export function offsetsOf(month: string): [number, number] {
  // sliced, not split and mapped: split(...).map(Number) costs several times more here
  const y = Number(month.slice(0, 4));
  const mo = Number(month.slice(5, 7));
  return [offsetAt(Date.UTC(y, mo - 1, 1)), offsetAt(Date.UTC(y, mo, 1) - 1)];
}

const MONTH = /^\d{4}-\d{2}$/;
/** The streak file as written, checked whole: anything else counts as no cache. */
export function readStreak(path: string): StreakFile | undefined {
  try {
    const kept = JSON.parse(readFileSync(path, "utf8"));
    const run = kept?.run;
    const ok =
      kept?.v === 2 &&
      typeof kept.top === "string" &&
      MONTH.test(kept.top) &&
      typeof kept.from === "string" &&
      MONTH.test(kept.from) &&
      [run?.newest, run?.count, run?.earliest].every(Number.isInteger) &&
      run.count > 0 &&
      run.newest >= run.earliest &&
      Array.isArray(kept.months) &&
      kept.months.every(
        (m: unknown) =>
          Array.isArray(m) &&
          m.length === 5 &&
          typeof m[0] === "string" &&
          typeof m[1] === "number" &&
          typeof m[2] === "number" &&
          typeof m[3] === "number" &&
          typeof m[4] === "number",
      ) &&
      (kept.folder === undefined ||
        (Array.isArray(kept.folder) &&
          kept.folder.length === 2 &&
          kept.folder.every((n: unknown) => typeof n === "number")));
    return ok ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** The history's months as listed, under the folder's change time and inode then. */
export type MonthsList = { ctimeMs: number; ino: number; months: string[] };

/** The list of months as written (see MonthList), checked whole: anything else counts as none. */
export function readMonthsList(path: string): MonthsList | undefined {
  try {
    const kept = JSON.parse(readFileSync(path, "utf8"));
    return typeof kept?.ctimeMs === "number" &&
      typeof kept.ino === "number" &&
      Array.isArray(kept.months) &&
      kept.months.every((m: unknown) => typeof m === "string" && MONTH.test(m))
      ? kept
      : undefined;
  } catch {
    return undefined;
  }
}

export interface MonthIndex {
  /** 5: each summary says whether the session put anything on the body (onBody). */
  v: 5;
  /** How much of the month's file it covers, and the file's time then (-1: check again). */
  size: number;
  mtimeMs: number;
  /** The last bytes it covers, to tell an append from a file replaced by another. */
  tail: string;
  lines: number;
  damaged: { line: number; reason: LineProblem }[];
  /** Each with where its line is in the month's file (offset and length in bytes). */
  summaries: Indexed[];
}

export type Indexed = RecordSummary & { o: number; b: number };

export const EMPTY_INDEX: MonthIndex = {
  v: 5,
  size: 0,
  mtimeMs: 0,
  tail: "",
  lines: 0,
  damaged: [],
  summaries: [],
};

export function readIndex(path: string): MonthIndex | undefined {
  try {
    const kept = JSON.parse(readFileSync(path, "utf8"));
    return kept?.v === 5 &&
      Number.isInteger(kept.size) &&
      typeof kept.tail === "string" &&
      Array.isArray(kept.summaries) &&
      Array.isArray(kept.damaged)
      ? kept
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeIndex(path: string, value: unknown): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFresh(tmp, JSON.stringify(value));
    renameSync(tmp, path);
  } catch {
    // the index only saves time; without it the month is read again next time
  }
}

export interface DaysEntry {
  size: number;
  mtimeMs: number;
  /** The first and last session's start, and the offset from UTC at each when counted. */
  first: number;
  last: number;
  offsets: [number, number];
  days: number[];
}

/** The days file as written; each entry is checked when it is used (see usable). */
export function readDays(path: string): Record<string, DaysEntry> {
  try {
    const kept = JSON.parse(readFileSync(path, "utf8"));
    if (kept && typeof kept === "object" && !Array.isArray(kept)) {
      return Object.assign(Object.create(null), kept);
    }
  } catch {
    // missing or unreadable: made again as months are asked for
  }
  return Object.create(null);
}

export const usable = (e: Partial<DaysEntry> | undefined): e is DaysEntry =>
  typeof e === "object" &&
  e !== null &&
  typeof e.size === "number" &&
  typeof e.mtimeMs === "number" &&
  typeof e.first === "number" &&
  typeof e.last === "number" &&
  Array.isArray(e.offsets) &&
  Array.isArray(e.days) &&
  e.days.every(Number.isInteger);

const TAIL = 64;
export function tailOf(file: string, end: number): string {
  const length = Math.min(TAIL, end);
  if (length === 0) return "";
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, length, end - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("base64");
}

export const tailMatches = (file: string, index: MonthIndex) => {
  try {
    return tailOf(file, index.size) === index.tail;
  } catch {
    return false;
  }
};
