import { statSync } from "node:fs";
import { join, sep } from "node:path";
import { type DayRun, dayNumber, offsetAt } from "./analysis.js";
import {
  type DaysEntry,
  EMPTY_INDEX,
  type FolderStamp,
  type MonthIndex,
  readDays,
  readIndex,
  tailMatches,
  tailOf,
  usable,
  writeIndex,
} from "./index-files.js";
import { summaryOf } from "./record.js";
import { forEachLine, historyReadError, isLineProblem, latestById, parseLine } from "./store.js";
import { keepRun, keptRun, monthWritten, recheckRun } from "./streak-file.js";

export { activeDays, type DaysSource } from "./active-days.js";

/** Derived, rebuildable data (summaries, which days had a session), kept out of the history. */
export const indexDir = (dataDir: string): string => join(dataDir, "index");

const startOf = (r: { startedAt: string }) => Date.parse(r.startedAt);

/** What a month's days need of a session (see MonthIndexes.sessionsOf). */
type Lean = { id: string; startedAt: string; endedAt: string; doneSeconds: number };

/** The local days (dayNumber) a month's sessions did something on, with its first and last start. */
function activeDaysOf(sessions: readonly { doneSeconds: number; startedAt: string }[]): {
  first: number;
  last: number;
  days: number[];
} {
  const starts = sessions.filter((r) => r.doneSeconds > 0).map(startOf);
  // (0 for a month with none: a time zone's offset in 1970 then stands in for theirs)
  const first = starts.length > 0 ? Math.min(...starts) : 0;
  const last = starts.length > 0 ? Math.max(...starts) : 0;
  const days = [...new Set(starts.map(dayNumber))].sort((x, y) => x - y);
  return { first, last, days };
}

/**
 * The months' indexes, as one knot reads them: each month's loaded once (a command that asks
 * twice, such as stats for its window and then the trend, reads it once).
 */
export class MonthIndexes {
  private readonly loaded = new Map<string, MonthIndex>();
  private days: Record<string, DaysEntry> | undefined;
  private daysChanged = false;
  /** Each month file's size and time as dayNumbers found them (what the streak cache keeps). */
  private readonly seen = new Map<string, { size: number; mtimeMs: number }>();

  private readonly dir: string;
  /** Indexes made but not yet written (writeLater), by path. */
  private readonly unwritten = new Map<string, MonthIndex>();
  private readonly writeOnExit = () => this.save();

  constructor(
    dataDir: string,
    private readonly fileOf: (month: string) => string,
    private readonly onRead?: (file: string) => void,
    /**
     * Keep the indexes this knot makes until save() (or its exit) rather than writing each at
     * once: a session starts without waiting for its month's index to be written. Losing them
     * (knot killed first) costs the next knot one reading, as a lost index folder does.
     */
    private readonly writeLater = false,
  ) {
    this.dir = indexDir(dataDir);
  }

  /** Writes the indexes kept back by writeLater. */
  save(): void {
    if (this.unwritten.size === 0) return;
    process.removeListener("exit", this.writeOnExit);
    for (const [path, index] of this.unwritten) writeIndex(path, index);
    this.unwritten.clear();
  }

  private write(path: string, index: MonthIndex): void {
    if (!this.writeLater) {
      writeIndex(path, index);
      return;
    }
    if (this.unwritten.size === 0) process.once("exit", this.writeOnExit);
    this.unwritten.set(path, index);
  }

  /** After knot itself appended to a month: its index is read again when next asked. */
  forget(month: string): void {
    this.loaded.delete(month);
  }

  /**
   * A month's index: the summaries of its sessions (a record without its steps, about a
   * tenth of its size) and the lines found damaged. Kept in index/ beside the history and
   * brought up to date when the month's file has changed: after appends only the new lines
   * are read, after anything else (an edit, a sync) the whole file. Losing it costs nothing
   * but one reading.
   */
  get(month: string): MonthIndex {
    // once per month per knot: a command that asks twice (stats: its window, then the trend)
    // reads it once
    let index = this.loaded.get(month);
    if (!index) {
      index = this.load(month);
      this.loaded.set(month, index);
    }
    return index;
  }

  /**
   * After knot itself appended to a month it had loaded: the index is brought up to date from
   * the one in memory, reading only the new lines, and kept (written now, or with writeLater at
   * save or exit), so that the next knot finds it current instead of reading the new lines and
   * writing the index itself. A month not loaded is read when next asked, as before.
   */
  appended(month: string): void {
    const known = this.loaded.get(month);
    this.loaded.delete(month);
    if (!known) return;
    try {
      this.loaded.set(month, this.load(month, known));
    } catch {
      // the index only saves time: the month is read when next asked
    }
  }

  private load(month: string, known?: MonthIndex): MonthIndex {
    const file = this.fileOf(month);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      return EMPTY_INDEX;
    }
    const path = `${this.dir}${sep}${month}.json`;
    const kept = known ?? readIndex(path);
    if (kept && kept.size === size && kept.mtimeMs === mtimeMs) return kept;
    // Appended to since: carry on from where the index ends, if the bytes before it match.
    const base = kept && kept.size < size && tailMatches(file, kept) ? kept : undefined;
    this.onRead?.(file);
    const summaries = base ? [...base.summaries] : [];
    const damaged = base ? [...base.damaged] : [];
    const lines0 = base?.lines ?? 0;
    let lines = lines0;
    let end: number;
    try {
      end = forEachLine(
        file,
        (line, number, offset, bytes) => {
          lines = lines0 + number;
          const parsed = parseLine(line);
          if (parsed === undefined) return;
          if (isLineProblem(parsed)) damaged.push({ line: lines, reason: parsed });
          else summaries.push({ ...summaryOf(parsed), o: offset, b: bytes });
        },
        base?.size ?? 0,
      );
    } catch (error) {
      throw historyReadError(file, error);
    }
    summaries.sort((a, b) => startOf(a) - startOf(b));
    const index: MonthIndex = {
      v: 5,
      size: end,
      mtimeMs: end === size ? mtimeMs : -1,
      tail: tailOf(file, end),
      lines,
      damaged,
      summaries: latestById(summaries),
    };
    this.write(path, index);
    return index;
  }

  /**
   * The local days (dayNumber) on which a month's sessions did something, oldest first: what a
   * streak of years reads of each month. Every month's days are kept in one small file, read
   * once, each entry checked against its month's file and against the offset from UTC at the
   * month's first and last session (a change of time zone makes them again).
   */
  dayNumbers(month: string): number[] {
    let stat: { size: number; mtimeMs: number };
    try {
      stat = statSync(this.fileOf(month));
    } catch {
      return [];
    }
    this.seen.set(month, stat);
    // A month this knot has read already (this month, for a window or the rules) gives its
    // days at once: the file of every month's days is read only for months not loaded.
    const loaded = this.loaded.get(month);
    if (loaded && loaded.size === stat.size) return activeDaysOf(loaded.summaries).days;
    const path = `${this.dir}${sep}days.json`;
    this.days ??= readDays(path);
    const kept = this.days[month];
    if (
      usable(kept) &&
      kept.size === stat.size &&
      kept.mtimeMs === stat.mtimeMs &&
      kept.offsets[0] === offsetAt(kept.first) &&
      kept.offsets[1] === offsetAt(kept.last)
    ) {
      return kept.days;
    }
    // Not kept loaded: a streak of decades makes every month's days once, one month at a time,
    // and holding each month's summaries as well would grow with the history.
    const read = loaded ?? this.keptIndex(month, stat) ?? this.sessionsOf(month);
    const { first, last, days } = activeDaysOf(read.summaries);
    if (read.size === stat.size) {
      this.days[month] = {
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        first,
        last,
        offsets: [offsetAt(first), offsetAt(last)],
        days,
      };
      // written once, after this run of asking: a later knot gets every month made so far
      if (!this.daysChanged) {
        this.daysChanged = true;
        queueMicrotask(() => {
          this.daysChanged = false;
          writeIndex(path, this.days);
        });
      }
    }
    return days;
  }

  /** A month's index as kept in index/, when it is up to date with the month's file. */
  private keptIndex(month: string, stat: { size: number; mtimeMs: number }) {
    const kept = readIndex(`${this.dir}${sep}${month}.json`);
    return kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs ? kept : undefined;
  }

  /**
   * What a month's days are made from when it has no index: each session's start, end and
   * time done, read from the month's file and checked as its index would be (damaged lines
   * left out, one record per session), with nothing else of a record kept and no index made.
   * A streak counted over decades without indexes (a lost index folder) then holds a few
   * values per session as it goes, not summaries, and the garbage collector's young
   * generation, which grows with what outlives its collections, stays small.
   */
  private sessionsOf(month: string): { size: number; summaries: Lean[] } {
    const file = this.fileOf(month);
    this.onRead?.(file);
    const summaries: Lean[] = [];
    let size: number;
    try {
      size = forEachLine(file, (line) => {
        const parsed = parseLine(line);
        if (parsed === undefined || isLineProblem(parsed)) return;
        const { id, startedAt, endedAt, doneSeconds } = parsed;
        summaries.push({ id, startedAt, endedAt, doneSeconds });
      });
    } catch (error) {
      throw historyReadError(file, error);
    }
    summaries.sort((a, b) => startOf(a) - startOf(b));
    return { size, summaries: latestById(summaries) };
  }

  /** The run of days the streak cache kept for the months up to `top` (see keptRun). */
  keptRun(top: string, months: readonly string[], folder?: FolderStamp): DayRun | undefined {
    return keptRun(this.dir, this.fileOf, top, months, folder);
  }

  /** Keeps the run counted back from `top` (see keepRun), with the months' files as last seen. */
  keepRun(
    top: string,
    from: string,
    months: readonly string[],
    run: DayRun,
    folder?: FolderStamp,
  ): void {
    const statOf = (month: string) => this.seen.get(month) ?? statSync(this.fileOf(month));
    keepRun(this.dir, statOf, { top, from, months, run }, folder);
  }

  /** Checks the streak cache against every month file it counted (see recheckRun). */
  recheckRun(months: readonly string[]): void {
    recheckRun(this.dir, this.fileOf, months);
  }

  /** knot wrote to a month before this one, in the history folder `historyDir` (see monthWritten). */
  monthWritten(historyDir: string): void {
    monthWritten(historyDir, this.dir);
  }
}
