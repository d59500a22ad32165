import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { dayNumber } from "./analysis.js";
import { type RecordSummary, type SessionRecord, summaryOf } from "./record.js";
import {
  appendLines,
  appendRecord,
  forEachLine,
  parseLine,
  readHistoryFile,
  readLinesAt,
} from "./store.js";

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
export const monthOf = (startedAt: string): string => monthOfTime(Date.parse(startedAt));
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
  private days: Record<string, DaysEntry> | undefined;
  private daysChanged = false;
  private readonly indexes = new Map<string, MonthIndex>();

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

  /**
   * One month's records, oldest first, one per session. With `from`, only the sessions that
   * started then or later are read: their places come from the month's index, so the last day
   * of a month costs a few small reads, not the whole file.
   */
  readMonth(month: string, from?: number): SessionRecord[] {
    const file = this.fileOf(month);
    if (from !== undefined) {
      const index = this.index(month);
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
        throw unreadable(file, error);
      }
      const records = lines.map(parseLine);
      // The file changed under the index (another knot writing): read it whole instead.
      if (records.every((r, i) => typeof r === "object" && r.id === wanted[i]!.id)) {
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
    const first = from === undefined ? "" : monthOfTime(from);
    for (const month of this.months()) {
      if (month < first) continue;
      yield this.readMonth(month, from).filter((r) => from === undefined || startOf(r) >= from);
    }
  }

  /** Month by month back to `from` (or the first), newest first, each month newest first. */
  *newestFirst(from?: number): Generator<SessionRecord[]> {
    const first = from === undefined ? "" : monthOfTime(from);
    for (const month of this.months().reverse()) {
      if (month < first) return;
      yield this.readMonth(month, from)
        .filter((r) => from === undefined || startOf(r) >= from)
        .reverse();
    }
  }

  /** Saves one record: one flushed append to its month's file. */
  append(record: SessionRecord): void {
    this.migrate();
    const month = monthOf(record.startedAt);
    this.indexes.delete(month);
    appendRecord(this.fileOf(month), record);
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
      this.indexes.delete(month);
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
    const more = files.length > 3 ? ` and ${files.length - 3} more files` : "";
    const where = `${files
      .slice(0, 3)
      .map((file) => {
        const lines = damaged.filter((d) => d.file === file).map((d) => d.line);
        return `${file} (line ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", ..." : ""})`;
      })
      .join(", ")}${more}`;
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
   * A month's index: the summaries of its sessions (a record without its steps, about a
   * tenth of its size) and the lines found damaged. Kept in index/ beside the history and
   * brought up to date when the month's file has changed: after appends only the new lines
   * are read, after anything else (an edit, a sync) the whole file. Losing it costs nothing
   * but one reading.
   */
  private index(month: string): MonthIndex {
    // once per month per knot: a command that asks twice (stats: its window, then the trend)
    // reads it once
    let index = this.indexes.get(month);
    if (!index) {
      index = this.loadIndex(month);
      this.indexes.set(month, index);
    }
    return index;
  }

  private loadIndex(month: string): MonthIndex {
    const file = this.fileOf(month);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      return EMPTY_INDEX;
    }
    const path = join(indexDir(this.dataDir), `${month}.json`);
    const kept = readIndex(path);
    if (kept && kept.size === size && kept.mtimeMs === mtimeMs) return kept;
    // Appended to since: carry on from where the index ends, if the bytes before it match.
    const base = kept && kept.size < size && tailMatches(file, kept) ? kept : undefined;
    this.options.onRead?.(file);
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
          if (typeof parsed === "string") damaged.push({ line: lines, reason: parsed });
          else if (parsed) summaries.push({ ...summaryOf(parsed), o: offset, b: bytes });
        },
        base?.size ?? 0,
      );
    } catch (error) {
      throw unreadable(file, error);
    }
    summaries.sort((a, b) => startOf(a) - startOf(b));
    const index: MonthIndex = {
      v: 3,
      size: end,
      mtimeMs: end === size ? mtimeMs : -1,
      tail: tailOf(file, end),
      lines,
      damaged,
      summaries: latestById(summaries),
    };
    writeIndex(path, index);
    return index;
  }

  /** Summaries of the sessions that started at or after `from`, month by month, oldest first. */
  *summaries(from?: number): Generator<RecordSummary[]> {
    const first = from === undefined ? "" : monthOfTime(from);
    for (const month of this.months()) {
      if (month < first) continue;
      const index = this.index(month);
      this.noteDamage(this.fileOf(month), index.damaged);
      yield index.summaries.filter((r) => from === undefined || startOf(r) >= from);
    }
  }

  /** Summaries month by month back to `from` (or the first), newest first. */
  *summariesNewestFirst(from?: number): Generator<RecordSummary[]> {
    const first = from === undefined ? "" : monthOfTime(from);
    for (const month of this.months().reverse()) {
      if (month < first) return;
      const index = this.index(month);
      this.noteDamage(this.fileOf(month), index.damaged);
      yield index.summaries.filter((r) => from === undefined || startOf(r) >= from).reverse();
    }
  }

  /** All the summaries since `from`, oldest first. */
  summariesSince(from: number): RecordSummary[] {
    return [...this.summaries(from)].flat();
  }

  /**
   * The local days (dayNumber) on which a month's sessions did something, oldest first: what a
   * streak of years reads of each month. Every month's days are kept in one small file, read
   * once, each entry checked against its month's file and against the offset from UTC at the
   * month's first and last session (a change of time zone makes them again).
   */
  activeDayNumbers(month: string): number[] {
    let stat: { size: number; mtimeMs: number };
    try {
      stat = statSync(this.fileOf(month));
    } catch {
      return [];
    }
    const path = join(indexDir(this.dataDir), "days.json");
    this.days ??= readDays(path);
    const kept = this.days[month];
    if (
      kept &&
      kept.size === stat.size &&
      kept.mtimeMs === stat.mtimeMs &&
      kept.offsets[0] === new Date(kept.first).getTimezoneOffset() &&
      kept.offsets[1] === new Date(kept.last).getTimezoneOffset()
    ) {
      return kept.days;
    }
    const index = this.index(month);
    const starts = index.summaries.filter((r) => r.doneSeconds > 0).map(startOf);
    const first = Math.min(...starts, 0);
    const last = Math.max(...starts, 0);
    const days = [...new Set(starts.map(dayNumber))].sort((x, y) => x - y);
    if (index.size === stat.size) {
      this.days[month] = {
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        first,
        last,
        offsets: [new Date(first).getTimezoneOffset(), new Date(last).getTimezoneOffset()],
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

  private noteDamage(file: string, damaged: readonly { line: number; reason: string }[]): void {
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

interface MonthIndex {
  v: 3;
  /** How much of the month's file it covers, and the file's time then (-1: check again). */
  size: number;
  mtimeMs: number;
  /** The last bytes it covers, to tell an append from a file replaced by another. */
  tail: string;
  lines: number;
  damaged: { line: number; reason: string }[];
  /** Each with where its line is in the month's file (offset and length in bytes). */
  summaries: Indexed[];
}

type Indexed = RecordSummary & { o: number; b: number };

const EMPTY_INDEX: MonthIndex = {
  v: 3,
  size: 0,
  mtimeMs: 0,
  tail: "",
  lines: 0,
  damaged: [],
  summaries: [],
};

function readIndex(path: string): MonthIndex | undefined {
  try {
    const kept = JSON.parse(readFileSync(path, "utf8"));
    return kept?.v === 3 &&
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

function writeIndex(path: string, value: unknown): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, path);
  } catch {
    // the index only saves time; without it the month is read again next time
  }
}

interface DaysEntry {
  size: number;
  mtimeMs: number;
  /** The first and last session's start, and the offset from UTC at each when counted. */
  first: number;
  last: number;
  offsets: [number, number];
  days: number[];
}

function readDays(path: string): Record<string, DaysEntry> {
  const out: Record<string, DaysEntry> = Object.create(null);
  try {
    const kept = JSON.parse(readFileSync(path, "utf8"));
    if (!kept || typeof kept !== "object" || Array.isArray(kept)) return out;
    for (const [month, entry] of Object.entries(kept)) {
      const e = entry as Partial<DaysEntry> | null;
      if (
        /^\d{4}-\d{2}$/.test(month) &&
        typeof e?.size === "number" &&
        typeof e.mtimeMs === "number" &&
        typeof e.first === "number" &&
        typeof e.last === "number" &&
        Array.isArray(e.offsets) &&
        Array.isArray(e.days)
      ) {
        out[month] = e as DaysEntry;
      }
    }
  } catch {
    // missing or unreadable: made again as months are asked for
  }
  return out;
}

const TAIL = 64;
function tailOf(file: string, end: number): string {
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

const tailMatches = (file: string, index: MonthIndex) => {
  try {
    return tailOf(file, index.size) === index.tail;
  } catch {
    return false;
  }
};

/** One summary per session, the one that ended last (as the store reads records). */
function latestById(summaries: Indexed[]): Indexed[] {
  const byId = new Map<string, Indexed>();
  for (const r of summaries) {
    const seen = byId.get(r.id);
    if (!seen || Date.parse(r.endedAt) >= Date.parse(seen.endedAt)) byId.set(r.id, r);
  }
  return byId.size === summaries.length ? summaries : summaries.filter((r) => byId.get(r.id) === r);
}

/**
 * The local days on which a session did something, newest first, each once: from the months'
 * days indexes, a month at a time, only as far back as the caller keeps asking (a streak).
 */
export function* activeDays(
  store: HistoryStore,
  /** The earliest day still wanted (see streakOverDays): older months are not opened. */
  reach: { floor: number } = { floor: Number.NEGATIVE_INFINITY },
): Generator<number> {
  let last: number | undefined;
  for (const month of store.months().reverse()) {
    const [y, m] = month.split("-").map(Number) as [number, number];
    if (dayNumber(Date.UTC(y, m, 1) - 1) < reach.floor) return;
    const days = store.activeDayNumbers(month);
    for (let i = days.length - 1; i >= 0; i--) {
      // a local day can straddle two months' files (they are split in UTC)
      if (days[i] === last) continue;
      last = days[i];
      yield days[i]!;
    }
  }
}

const startOf = (r: { startedAt: string }) => Date.parse(r.startedAt);

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
  new KnotError(
    `Could not read the history ${path.endsWith(".jsonl") ? "file" : "folder"} ${path}: ${describeFsError(error)}.`,
    {
      exitCode: ExitCode.failure,
      hint: "knot keeps its history in regular files; move this one aside to start a new one.",
    },
  );
