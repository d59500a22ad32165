import { renameSync, rmSync } from "node:fs";
import { join, sep } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { filesText } from "../text/files.js";
import type { DayRun } from "./analysis.js";
import { type Damage, damageWarning, noteDamage } from "./damage.js";
import { readLinesAt } from "./lines-at.js";
import { type HistoryLock, lockHistory } from "./lock.js";
import { type Merger, startMerger } from "./merger.js";
import { moveLegacyHistory } from "./migrate.js";
import { indexDir, MonthIndexes } from "./month-index.js";
import { MonthList } from "./month-list.js";
import type { RecordSummary, SessionRecord } from "./record-types.js";
import { appendRecord, historyReadError, monthOf, monthOfTime, readHistoryFile } from "./store.js";

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

const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, "-");

export interface StoreOptions {
  /** Called with each history file as it is opened; tests use it to see what was read. */
  onRead?: (file: string) => void;
  now?: () => number;
  /** Month indexes made while reading are written by saveIndexes (or at exit): see MonthIndexes. */
  indexesLater?: boolean;
}

export class HistoryStore {
  readonly dir: string;
  readonly damaged: Damage[] = [];
  /** Set when this knot moved a single-file history into months: the backup's path. */
  migratedFrom: string | undefined;
  private ready = false;
  private readonly indexes: MonthIndexes;
  private readonly monthList: MonthList;

  constructor(
    readonly dataDir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.dir = historyDir(dataDir);
    this.monthList = new MonthList(this.dir, join(indexDir(dataDir), "months.json"));
    this.indexes = new MonthIndexes(
      dataDir,
      (month) => this.fileOf(month),
      options.onRead,
      options.indexesLater,
    );
  }

  /** Writes the month indexes kept back by the indexesLater option. */
  saveIndexes(): void {
    this.indexes.save();
  }

  fileOf(month: string): string {
    // joined by hand: a streak of decades asks for hundreds (path.join normalises each time)
    return `${this.dir}${sep}${month}.jsonl`;
  }

  /** The months that have a file, oldest first. */
  months(): string[] {
    this.migrate();
    return this.monthList.get();
  }

  /**
   * One month's records, oldest first, one per session. With `from`, only the sessions that
   * started then or later are read: their places come from the month's index, so the last day
   * of a month costs a few small reads, not the whole file. With `whole` as well, only those
   * whose summary it accepts (a month read without its index may give others too).
   */
  readMonth(month: string, from?: number, whole?: (s: RecordSummary) => boolean): SessionRecord[] {
    const file = this.fileOf(month);
    if (from !== undefined) {
      const index = this.indexes.get(month);
      noteDamage(this.damaged, file, index.damaged);
      const wanted = index.summaries.filter(
        (r) => startOf(r) >= from && (whole === undefined || whole(r)),
      );
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
      // Each of these lines passed the record's checks when the index was made (a line that
      // did not is no summary of it) and the file is as the index found it, so they are parsed
      // and not checked again: walked before V8 has optimised them, the checks of a day's
      // records were most of what reading them cost. A line that is not the session the index
      // names means the file changed under it (another knot writing): read it whole instead.
      const records = lines.map(parseIndexed);
      if (
        records.every(
          (r, i) =>
            r !== undefined && r.id === wanted[i]!.id && r.startedAt === wanted[i]!.startedAt,
        )
      ) {
        return records as SessionRecord[];
      }
    }
    this.options.onRead?.(file);
    const { records, damaged } = readHistoryFile(file);
    noteDamage(this.damaged, file, damaged);
    return from === undefined ? records : records.filter((r) => startOf(r) >= from);
  }

  /**
   * The records that started at or after `from` (every one without it), oldest first; with
   * `whole`, those whose summary it accepts (see readMonth).
   */
  read(from?: number, whole?: (s: RecordSummary) => boolean): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const month of this.monthsSince(from)) out.push(...this.readMonth(month, from, whole));
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
    this.monthList.forget();
    try {
      appendRecord(this.fileOf(month), record);
    } catch (error) {
      this.indexes.forget(month);
      throw error;
    }
    this.indexes.appended(month);
    this.written(month);
  }

  /** After knot wrote to `month`: one before this one the streak cache may have counted. */
  private written(month: string): void {
    const current = monthOfTime(this.options.now?.() ?? Date.now());
    if (month < current) this.indexes.monthWritten(this.dir);
  }

  /**
   * After a session is saved: the streak cache is checked against every month file it counted,
   * so that one changed in place by another program counts from now on (see ./streak-file.ts).
   */
  recheckStreak(): void {
    this.indexes.recheckRun(this.months());
  }

  /** An import into the history (see startMerger). */
  merger(): Merger {
    this.migrate();
    return startMerger({
      lock: (what) => this.lock(what),
      changing: (month) => {
        this.indexes.forget(month);
        this.monthList.forget();
      },
      changed: (month) => this.written(month),
      fileOf: (month) => this.fileOf(month),
      readMonth: (month) => this.readMonth(month),
    });
  }

  /** One warning naming the damaged lines read so far, or nothing. */
  warning(): string | undefined {
    return damageWarning(this.damaged);
  }

  /** Takes the history's lock for a whole-history change (see ./lock.ts). */
  private lock(what: string): HistoryLock {
    // waits (never gives up) unless waitMs is 0, so there is always a lock here
    return lockHistory(this.dataDir, {
      what,
      ...(this.options.now ? { now: this.options.now } : {}),
    })!;
  }

  /** Moves the whole history aside as a backup (never deletes it); returns the backup's path. */
  clear(now: number): string | undefined {
    this.migrate();
    const lock = this.lock("clearing the history");
    this.monthList.forget();
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
    noteDamage(this.damaged, this.fileOf(month), index.damaged);
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
    return this.indexes.keptRun(top, months, this.monthList.stamp);
  }

  keepRun(top: string, from: string, months: readonly string[], run: DayRun): void {
    this.indexes.keepRun(top, from, months, run, this.monthList.stamp);
  }

  /**
   * Moves a single-file history (older versions) into months, once (./migrate.ts); the old
   * file is kept as a backup, and its damaged lines are noted against the backup.
   */
  migrate(): void {
    if (this.ready) return;
    this.ready = true;
    const backup = moveLegacyHistory(legacyFile(this.dataDir), this.dir, {
      lock: () => this.lock("moving the history into monthly files"),
      backupName: (legacy) => `${legacy}.bak-${stamp(this.options.now?.() ?? Date.now())}`,
      damaged: this.damaged,
    });
    if (backup) this.migratedFrom = backup;
  }
}

const startOf = (r: { startedAt: string }) => Date.parse(r.startedAt);

/** A line a month's index points at, parsed (see readMonth); undefined if it is no object. */
function parseIndexed(line: string): SessionRecord | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null ? (value as SessionRecord) : undefined;
  } catch {
    return undefined;
  }
}
