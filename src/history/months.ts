import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import type { SessionRecord } from "./record.js";
import { appendLines, appendRecord, forEachLine, parseLine, readHistoryFile } from "./store.js";

/**
 * The history as one append-only JSON-lines file per month, `history/2026-11.jsonl`, named by
 * the month (UTC) a session started in. A question reads only the months it needs, newest
 * first when that is the order it answers in: a session reads the last six weeks, `history |
 * head` the newest month, an export one month at a time. Each file keeps the guarantees of
 * ./store.ts: one flushed append per record, whole lines with concurrent writers, damaged
 * lines skipped and reported.
 */
export const historyDir = (dataDir: string): string => join(dataDir, "history");
/** The single file older versions kept, moved into months on first use. */
export const legacyFile = (dataDir: string): string => join(dataDir, "history.jsonl");
/** Derived, rebuildable data (which days had a session), kept out of the folder people sync. */
export const indexDir = (dataDir: string): string => join(dataDir, "index");

const MONTH_FILE = /^(\d{4})-(\d{2})\.jsonl$/;
/** The month a record belongs to: "2026-11", from its start time in UTC. */
export const monthOf = (startedAt: string): string => startedAt.slice(0, 7);
export const monthOfTime = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, "-");

export interface Damage {
  file: string;
  line: number;
  reason: string;
}

export interface StoreOptions {
  /** Called with each history file as it is opened; tests use it to see what was read. */
  onRead?: (file: string) => void;
  now?: () => number;
}

export class HistoryStore {
  readonly dir: string;
  readonly damaged: Damage[] = [];
  /** Set when this knot moved a single-file history into months: the backup's path. */
  migratedFrom: string | undefined;
  private ready = false;

  constructor(
    readonly dataDir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.dir = historyDir(dataDir);
  }

  fileOf(month: string): string {
    return join(this.dir, `${month}.jsonl`);
  }

  /** The months that have a file, oldest first. */
  months(): string[] {
    this.migrate();
    try {
      return readdirSync(this.dir)
        .filter((name) => MONTH_FILE.test(name))
        .map((name) => name.slice(0, 7))
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw unreadable(this.dir, error);
    }
  }

  /** One month's records, oldest first, one per session. */
  readMonth(month: string): SessionRecord[] {
    const file = this.fileOf(month);
    this.options.onRead?.(file);
    const { records, damaged } = readHistoryFile(file);
    for (const d of damaged) {
      if (!this.damaged.some((seen) => seen.file === file && seen.line === d.line)) {
        this.damaged.push({ file, ...d });
      }
    }
    return records;
  }

  /** The records that started at or after `from` (every one without it), oldest first. */
  read(from?: number): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const batch of this.oldestFirst(from)) out.push(...batch);
    return out;
  }

  /** Month by month from `from` (or the first), oldest first. */
  *oldestFirst(from?: number): Generator<SessionRecord[]> {
    const first = from === undefined ? "" : monthOfTime(from);
    for (const month of this.months()) {
      if (month < first) continue;
      yield this.readMonth(month).filter((r) => from === undefined || startOf(r) >= from);
    }
  }

  /** Month by month back to `from` (or the first), newest first, each month newest first. */
  *newestFirst(from?: number): Generator<SessionRecord[]> {
    const first = from === undefined ? "" : monthOfTime(from);
    for (const month of this.months().reverse()) {
      if (month < first) return;
      yield this.readMonth(month)
        .filter((r) => from === undefined || startOf(r) >= from)
        .reverse();
    }
  }

  /** Saves one record: one flushed append to its month's file. */
  append(record: SessionRecord): void {
    this.migrate();
    appendRecord(this.fileOf(monthOf(record.startedAt)), record);
  }

  /**
   * Adds records from elsewhere (an export from another computer, a backup), one at a time,
   * skipping those already kept (by id) and repeated ones. Lines are gathered per month and
   * written in large appends; `finish` writes the rest.
   */
  merger(): { add(record: SessionRecord): void; finish(): void; added: number; skipped: number } {
    this.migrate();
    const known = new Map<string, Set<string>>();
    const pending = new Map<string, string[]>();
    const write = (month: string) => {
      appendLines(this.fileOf(month), pending.get(month) ?? []);
      pending.delete(month);
    };
    const merge = {
      added: 0,
      skipped: 0,
      add: (record: SessionRecord) => {
        const month = monthOf(record.startedAt);
        let ids = known.get(month);
        if (!ids) {
          ids = new Set(this.readMonth(month).map((r) => r.id));
          known.set(month, ids);
        }
        if (ids.has(record.id)) {
          merge.skipped++;
          return;
        }
        ids.add(record.id);
        const lines = pending.get(month) ?? [];
        lines.push(JSON.stringify(record));
        pending.set(month, lines);
        merge.added++;
        if (lines.length >= 2000) write(month);
      },
      finish: () => {
        for (const month of [...pending.keys()]) write(month);
      },
    };
    return merge;
  }

  /** One warning naming the damaged lines read so far, or nothing. */
  warning(): string | undefined {
    const { damaged } = this;
    if (damaged.length === 0) return undefined;
    const files = [...new Set(damaged.map((d) => d.file))];
    const where = files
      .map((file) => {
        const lines = damaged.filter((d) => d.file === file).map((d) => d.line);
        return `${file} (line ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", ..." : ""})`;
      })
      .join(", ");
    const one = damaged.length === 1;
    return `${one ? "A damaged line" : `${damaged.length} damaged lines`} in ${where} ${one ? "was" : "were"} skipped; everything else was read.`;
  }

  /** Moves the whole history aside as a backup (never deletes it); returns the backup's path. */
  clear(now: number): string | undefined {
    this.migrate();
    const backup = `${this.dir}.bak-${stamp(now)}`;
    try {
      renameSync(this.dir, backup);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    rmSync(indexDir(this.dataDir), { recursive: true, force: true });
    return backup;
  }

  /**
   * The start times (to the quarter hour, so any time zone's days can be told) of the sessions
   * in a month that did something, oldest first. Kept in index/ and rebuilt when the month's
   * file changes, so a streak of years reads a few bytes a month instead of every record.
   */
  activeQuarters(month: string): number[] {
    const file = this.fileOf(month);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      return [];
    }
    const cache = join(indexDir(this.dataDir), `${month}.json`);
    try {
      const kept = JSON.parse(readFileSync(cache, "utf8"));
      if (kept.size === size && kept.mtimeMs === mtimeMs && Array.isArray(kept.quarters)) {
        return kept.quarters;
      }
    } catch {
      // missing or unreadable: rebuilt below
    }
    const quarters = [
      ...new Set(
        this.readMonth(month)
          .filter((r) => r.doneSeconds > 0)
          .map((r) => Math.floor(startOf(r) / QUARTER)),
      ),
    ].sort((a, b) => a - b);
    try {
      mkdirSync(indexDir(this.dataDir), { recursive: true });
      const tmp = `${cache}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ size, mtimeMs, quarters }));
      renameSync(tmp, cache);
    } catch {
      // the index only saves time; without it the month is read again next time
    }
    return quarters;
  }

  /**
   * Moves a single-file history (older versions) into months, once. The months are written in
   * a folder of this knot's own and renamed into place in one step, so two knots starting at
   * the same moment cannot both do it or mix their work; the old file is kept as a backup.
   */
  migrate(): void {
    if (this.ready) return;
    this.ready = true;
    const legacy = legacyFile(this.dataDir);
    try {
      statSync(legacy);
    } catch {
      return; // nothing to move (the usual case: one stat)
    }
    try {
      if (!exists(this.dir)) this.moveIntoMonths(legacy);
      // Whoever moved it, the old file now goes aside (once: the rename moves it away).
      const backup = `${legacy}.bak-${stamp(this.options.now?.() ?? Date.now())}`;
      renameSync(legacy, backup);
      this.migratedFrom = backup;
      for (const d of this.damaged) if (d.file === legacy) d.file = backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      if (error instanceof KnotError) throw error;
      throw new KnotError(
        `Could not move the history in ${legacy} into monthly files: ${describeFsError(error)}.`,
        {
          exitCode: ExitCode.failure,
          hint: "The file is unchanged. Free some space or fix the folder's permissions, then run knot again.",
        },
      );
    }
  }

  private moveIntoMonths(legacy: string): void {
    const work = `${this.dir}.moving-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const buffers = new Map<string, string[]>();
    let bytes = 0;
    const flush = () => {
      for (const [month, lines] of buffers) appendLines(join(work, `${month}.jsonl`), lines);
      buffers.clear();
      bytes = 0;
    };
    try {
      forEachLine(legacy, (line, number) => {
        const parsed = parseLine(line);
        if (typeof parsed === "string") {
          this.damaged.push({ file: legacy, line: number, reason: parsed });
          return;
        }
        if (!parsed) return;
        const month = monthOf(parsed.startedAt);
        const lines = buffers.get(month) ?? [];
        lines.push(line.trim());
        buffers.set(month, lines);
        bytes += line.length;
        if (bytes > 4 << 20) flush();
      });
      flush();
      syncFolder(work);
      renameSync(work, this.dir);
      syncFolder(this.dataDir);
    } catch (error) {
      rmSync(work, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // Another knot moved it first: its folder is in place, and this one's work is not needed.
      if ((code === "ENOTEMPTY" || code === "EEXIST") && exists(this.dir)) return;
      if (code === "ENOTREG" || code === "EISDIR") {
        throw new KnotError(`The history file ${legacy} is not a regular file.`, {
          exitCode: ExitCode.failure,
          hint: "knot keeps its history in regular files; move this one aside to start a new one.",
        });
      }
      throw error;
    }
  }
}

const QUARTER = 15 * 60 * 1000;

/**
 * Whether a session that did something started in [from, to), from the months' indexes: what
 * the streak asks of every day it walks back over, months loaded only as the walk reaches them.
 */
export function activityOf(store: HistoryStore): (from: number, to: number) => boolean {
  const loaded = new Map<string, number[]>();
  const quartersOf = (month: string) => {
    let quarters = loaded.get(month);
    if (!quarters) {
      quarters = store.activeQuarters(month);
      loaded.set(month, quarters);
    }
    return quarters;
  };
  return (from, to) => {
    for (const month of new Set([monthOfTime(from), monthOfTime(to - 1)])) {
      const quarters = quartersOf(month);
      // the first quarter at or after `from`, by halving
      let lo = 0;
      let hi = quarters.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (quarters[mid]! * QUARTER < from) lo = mid + 1;
        else hi = mid;
      }
      if (lo < quarters.length && quarters[lo]! * QUARTER < to) return true;
    }
    return false;
  };
}

/** When the first month with a file began, or undefined for an empty history. */
export function firstMonthStart(store: HistoryStore): number | undefined {
  const first = store.months()[0];
  return first === undefined ? undefined : Date.parse(`${first}-01T00:00:00Z`);
}
const startOf = (r: SessionRecord) => Date.parse(r.startedAt);

const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Flushes a folder's entries (a rename into it) to disk where the system allows it. */
function syncFolder(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not possible everywhere (Windows); the files themselves were flushed
  }
}

const unreadable = (path: string, error: unknown) =>
  new KnotError(`Could not read the history folder ${path}: ${describeFsError(error)}.`, {
    exitCode: ExitCode.failure,
  });
