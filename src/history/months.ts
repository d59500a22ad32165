import { readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { filesText } from "../text/files.js";
import type { DayRun } from "./analysis.js";
import { type HistoryLock, lockHistory } from "./lock.js";
import { exists, moveIntoMonths } from "./migrate.js";
import { indexDir, MonthIndexes } from "./month-index.js";
import type { RecordSummary, SessionRecord } from "./record.js";
import {
  appendLines,
  appendRecord,
  historyReadError,
  isLineProblem,
  type LineProblem,
  monthOf,
  monthOfTime,
  parseLine,
  readHistoryFile,
  readLinesAt,
} from "./store.js";

export { activeDays, indexDir } from "./month-index.js";
export { monthOf, monthOfTime } from "./store.js";

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

const MONTH_FILE = /^(\d{4})-(\d{2})\.jsonl$/;
const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, "-");

export interface Damage {
  file: string;
  line: number;
  reason: LineProblem;
}

/** An import in progress (see HistoryStore.merger). */
export interface Merger {
  add(record: SessionRecord): void;
  /** Writes what is gathered and lets go of the history's lock (call it in every case). */
  finish(): void;
  /** Sessions written (or about to be), and those skipped as already kept. */
  added: number;
  skipped: number;
  /** Set when writing failed: the file and the error (nothing more is written). */
  writeFailed?: { file: string; error: unknown };
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
  private readonly indexes: MonthIndexes;
  /** The months as last listed, under the folder's time then (see months). */
  private listed: { mtimeMs: number; ino: number; months: string[] } | undefined;

  constructor(
    readonly dataDir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.dir = historyDir(dataDir);
    this.indexes = new MonthIndexes(dataDir, (month) => this.fileOf(month), options.onRead);
  }

  fileOf(month: string): string {
    // joined by hand: a streak of decades asks for hundreds (path.join normalises each time)
    return `${this.dir}${sep}${month}.jsonl`;
  }

  /** The months that have a file, oldest first. */
  months(): string[] {
    this.migrate();
    try {
      // A command asks several times (its window, the rules' weeks, the streak): the folder is
      // listed again only when a file has come or gone since, which changes its time. A folder
      // changed in the last second is listed every time: its time is kept in steps of a few
      // milliseconds, so a file added within the same step would not change it.
      const folder = statSync(this.dir);
      const listed = this.listed;
      if (listed && listed.mtimeMs === folder.mtimeMs && listed.ino === folder.ino) {
        return listed.months.slice();
      }
      const months = readdirSync(this.dir)
        .filter((name) => MONTH_FILE.test(name))
        .map((name) => name.slice(0, 7))
        .sort();
      const settled = Date.now() - folder.mtimeMs > 1000;
      this.listed = settled ? { mtimeMs: folder.mtimeMs, ino: folder.ino, months } : undefined;
      return months.slice();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw historyReadError(this.dir, error);
    }
  }

  /**
   * One month's records, oldest first, one per session. With `from`, only the sessions that
   * started then or later are read: their places come from the month's index, so the last day
   * of a month costs a few small reads, not the whole file.
   */
  readMonth(month: string, from?: number): SessionRecord[] {
    const file = this.fileOf(month);
    if (from !== undefined) {
      const index = this.indexes.get(month);
      this.noteDamage(file, index.damaged);
      const wanted = index.summaries.filter((r) => startOf(r) >= from);
      let lines: string[];
      if (wanted.length > 0) this.options.onRead?.(file);
      try {
        lines = readLinesAt(
          file,
          wanted.map((r) => ({ offset: r.o, bytes: r.b })),
        );
      } catch (error) {
        throw historyReadError(file, error);
      }
      const records = lines.map(parseLine);
      // The file changed under the index (another knot writing): read it whole instead.
      if (records.every((r, i) => r !== undefined && !isLineProblem(r) && r.id === wanted[i]!.id)) {
        return records as SessionRecord[];
      }
    }
    this.options.onRead?.(file);
    const { records, damaged } = readHistoryFile(file);
    this.noteDamage(file, damaged);
    return from === undefined ? records : records.filter((r) => startOf(r) >= from);
  }

  /** The records that started at or after `from` (every one without it), oldest first. */
  read(from?: number): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const batch of this.oldestFirst(from)) out.push(...batch);
    return out;
  }

  /** Month by month from `from` (or the first), oldest first. */
  *oldestFirst(from?: number): Generator<SessionRecord[]> {
    for (const month of this.monthsSince(from)) yield this.readMonth(month, from);
  }

  /** Month by month back to `from` (or the first), newest first, each month newest first. */
  *newestFirst(from?: number): Generator<SessionRecord[]> {
    for (const month of this.monthsSince(from).reverse()) {
      yield this.readMonth(month, from).reverse();
    }
  }

  /** The months holding sessions that started at or after `from` (all without it), oldest first. */
  private monthsSince(from: number | undefined): string[] {
    const first = from === undefined ? "" : monthOfTime(from);
    return this.months().filter((month) => month >= first);
  }

  /** Saves one record: one flushed append to its month's file. */
  append(record: SessionRecord): void {
    this.migrate();
    const month = monthOf(record.startedAt);
    this.indexes.forget(month);
    this.listed = undefined;
    appendRecord(this.fileOf(month), record);
  }

  /**
   * Adds records from elsewhere (an export from another computer, a backup), one at a time,
   * skipping those already kept (by id) and repeated ones. Lines are gathered per month and
   * written in large appends; `finish` writes the rest. The history's lock is held from the
   * first id read to the last line written (finish releases it, also after a failure), so two
   * imports at once add each session once.
   */
  merger(): Merger {
    this.migrate();
    const lock = this.lock("importing sessions");
    const known = new Map<string, Set<string>>();
    const pending = new Map<string, string[]>();
    // A failed write is taken back whole (see appendLines): its lines, and those not yet
    // written, are not counted as added.
    const write = (month: string) => {
      try {
        lock.check();
        this.indexes.forget(month);
        this.listed = undefined;
        appendLines(this.fileOf(month), pending.get(month) ?? []);
        pending.delete(month);
      } catch (error) {
        for (const lines of pending.values()) merge.added -= lines.length;
        pending.clear();
        merge.writeFailed = { file: this.fileOf(month), error };
        throw error;
      }
    };
    const merge: Merger = {
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
        try {
          if (!merge.writeFailed) for (const month of [...pending.keys()]) write(month);
        } finally {
          pending.clear();
          lock.release();
        }
      },
    };
    return merge;
  }

  /** Takes the history's lock for a whole-history change (see ./lock.ts). */
  private lock(what: string): HistoryLock {
    // waits (never gives up) unless waitMs is 0, so there is always a lock here
    return lockHistory(this.dataDir, {
      what,
      ...(this.options.now ? { now: this.options.now } : {}),
    })!;
  }

  /** One warning naming the damaged lines read so far, or nothing. */
  warning(): string | undefined {
    const { damaged } = this;
    if (damaged.length === 0) return undefined;
    const files = [...new Set(damaged.map((d) => d.file))];
    const more = files.length > 3 ? filesText.moreFiles(files.length - 3) : "";
    const where = `${files
      .slice(0, 3)
      .map((file) =>
        filesText.damagedIn(
          file,
          damaged.filter((d) => d.file === file).map((d) => d.line),
        ),
      )
      .join(", ")}${more}`;
    return filesText.damaged(damaged.length, where);
  }

  /** Moves the whole history aside as a backup (never deletes it); returns the backup's path. */
  clear(now: number): string | undefined {
    this.migrate();
    const lock = this.lock("clearing the history");
    this.listed = undefined;
    try {
      const backup = `${this.dir}.bak-${stamp(now)}`;
      try {
        renameSync(this.dir, backup);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new KnotError(filesText.clearFailed(this.dir, describeFsError(error)), {
          exitCode: ExitCode.failure,
          hint: filesText.clearFailedHint,
        });
      }
      rmSync(indexDir(this.dataDir), { recursive: true, force: true });
      return backup;
    } finally {
      lock.release();
    }
  }

  /** Summaries of the sessions that started at or after `from`, month by month, oldest first. */
  *summaries(from?: number): Generator<RecordSummary[]> {
    for (const month of this.monthsSince(from)) yield this.summariesOf(month, from);
  }

  /** Summaries month by month back to `from` (or the first), newest first. */
  *summariesNewestFirst(from?: number): Generator<RecordSummary[]> {
    for (const month of this.monthsSince(from).reverse()) {
      yield this.summariesOf(month, from).reverse();
    }
  }

  private summariesOf(month: string, from: number | undefined): RecordSummary[] {
    const index = this.indexes.get(month);
    this.noteDamage(this.fileOf(month), index.damaged);
    return index.summaries.filter((r) => from === undefined || startOf(r) >= from);
  }

  /** All the summaries since `from`, oldest first. */
  summariesSince(from: number): RecordSummary[] {
    return [...this.summaries(from)].flat();
  }

  /** The local days a month's sessions did something on, oldest first (see MonthIndexes). */
  activeDayNumbers(month: string): number[] {
    return this.indexes.dayNumbers(month);
  }

  /** The streak cache (see MonthIndexes.keptRun and activeDays). */
  keptRun(top: string, months: readonly string[]): DayRun | undefined {
    return this.indexes.keptRun(top, months);
  }

  keepRun(top: string, from: string, months: readonly string[], run: DayRun): void {
    this.indexes.keepRun(top, from, months, run);
  }

  private noteDamage(
    file: string,
    damaged: readonly { line: number; reason: LineProblem }[],
  ): void {
    for (const d of damaged) {
      if (!this.damaged.some((seen) => seen.file === file && seen.line === d.line)) {
        this.damaged.push({ file, ...d });
      }
    }
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
    let lock: HistoryLock | undefined;
    try {
      lock = this.lock("moving the history into monthly files");
      statSync(legacy); // moved by the knot that held the lock before this one
      if (!exists(this.dir)) {
        moveIntoMonths(
          legacy,
          this.dir,
          (line, reason) => this.damaged.push({ file: legacy, line, reason }),
          () => lock!.check(),
        );
      }
      // Whoever moved it, the old file now goes aside (once: the rename moves it away).
      const backup = `${legacy}.bak-${stamp(this.options.now?.() ?? Date.now())}`;
      renameSync(legacy, backup);
      this.migratedFrom = backup;
      for (const d of this.damaged) if (d.file === legacy) d.file = backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      if (error instanceof KnotError) throw error;
      throw new KnotError(filesText.moveFailed(legacy, describeFsError(error)), {
        exitCode: ExitCode.failure,
        hint: filesText.moveFailedHint,
      });
    } finally {
      lock?.release();
    }
  }
}

const startOf = (r: { startedAt: string }) => Date.parse(r.startedAt);
