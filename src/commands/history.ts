import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, isFsError } from "../files.js";
import { openJournal, openStore, stepsFrom } from "../history/journal.js";
import { type HistoryStore, historyDir } from "../history/months.js";
import type { RecordSummary, SessionRecord } from "../history/record.js";
import { readSnapshot, writeSnapshot } from "../history/safety-snapshot.js";
import { forEachLine, isLineProblem, type LineProblem, parseLine } from "../history/store.js";
import { output } from "../output.js";
import { DAY_MS } from "../safety/allowance.js";
import { safetyPast } from "../safety/past.js";
import { RULES_LOOK_BACK_MS } from "../safety/trend.js";
import { recordTimeWords } from "../session/time-words.js";
import { filesText } from "../text/files.js";
import { historyText } from "../text/history.js";
import { confirm } from "../ui/prompt.js";
import { csvCell, quote, safeJson } from "../ui/safe.js";
import { prepareWidths, table } from "../ui/text.js";

export interface HistoryOptions {
  since?: string;
  routine?: string;
  json?: boolean;
  csv?: boolean;
  clear?: boolean;
  yes?: boolean;
  export?: boolean;
  import?: string;
}

/** "7d", "2w", "12h" back from now, or a date "2026-11-01" (from its local midnight). */
export function parseSince(text: string, now: number): number {
  const relative = /^(\d+)\s*([hdw])$/.exec(text.trim());
  if (relative) {
    if (Number(relative[1]) === 0) {
      throw new KnotError(filesText.sinceNothing(quote(text)), {
        hint: filesText.sinceNothingHint,
      });
    }
    const unit = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[relative[2] as "h" | "d" | "w"];
    return now - Number(relative[1]) * unit;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (date) {
    const at = new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3])).getTime();
    if (!Number.isNaN(at) && new Date(at).getDate() === Number(date[3])) return at;
  }
  throw new KnotError(filesText.sinceBad(quote(text)));
}

/**
 * The history, opened as a command reads it: moved into months if it was one file, unfinished
 * sessions recovered, then the records since `from` (every one without it).
 */
export const loadRecords = (ctx: Context, from?: number): SessionRecord[] =>
  openJournal(ctx, warnTo(ctx), from).records;

/** The store, opened as loadRecords does it but without reading any records yet. */
export const openHistory = (ctx: Context): HistoryStore => openStore(ctx, warnTo(ctx));

/**
 * Records written at a time. Small pieces, with the event loop let run between them, keep the
 * memory of a long export low (measured with `npm run bench`: 20 holds 100,000 records to
 * under 100 MiB, where a month at a time took 125 MiB).
 */
const PIECE = 20;
function* pieces<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += PIECE) yield items.slice(i, i + PIECE);
}

/**
 * Writes a piece of a long output and lets the event loop run, so that a closed pipe
 * (`knot history | head`) is noticed and reading stops; waits when the reader is slower.
 */
async function emit(ctx: Context, text: string): Promise<boolean> {
  if (output.lost) return false;
  const more = ctx.stdout.write(text);
  const stream = ctx.stdout as Partial<NodeJS.WritableStream>;
  await new Promise<void>((resolve) => {
    if (more !== false || typeof stream.once !== "function") setImmediate(resolve);
    else {
      const done = () => {
        stream.removeListener?.("drain", done);
        output.removeListener("lost", done);
        resolve();
      };
      stream.once("drain", done);
      output.once("lost", done);
    }
  });
  return !output.lost;
}

const localTime = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const ratingText = (r: RecordSummary) =>
  r.ratings.before === undefined && r.ratings.after === undefined
    ? ""
    : `${r.ratings.before ?? "-"} → ${r.ratings.after ?? "-"}`;

export async function history(options: HistoryOptions, ctx: Context): Promise<number> {
  const formats = [options.json, options.csv, options.export].filter(Boolean).length;
  if (formats > 1) throw new KnotError(filesText.oneFormat);
  if (options.import !== undefined) return importHistory(options.import, ctx);
  if (options.clear) return clear(options, ctx);
  const since = options.since === undefined ? undefined : parseSince(options.since, ctx.now());
  const store = openHistory(ctx);
  const pick = <T extends { routine: string }>(batch: T[]) =>
    options.routine === undefined ? batch : batch.filter((r) => r.routine === options.routine);
  // A month at a time, written in small pieces, so a closed pipe stops the reading and memory
  // stays flat however long the history.
  const inPieces = function* (months: Iterable<SessionRecord[]>) {
    for (const batch of months) yield* pieces(pick(batch));
  };
  const done = () => {
    const damaged = store.warning();
    if (damaged) warnTo(ctx)(damaged);
    return ExitCode.ok;
  };

  if (options.export) {
    // Oldest first, one record per line: what --import reads.
    for (const part of inPieces(store.oldestFirst(since))) {
      if (!(await emit(ctx, part.map((r) => `${JSON.stringify(r)}\n`).join("")))) break;
    }
    return done();
  }
  if (options.json) {
    let first = true;
    // Newest first, as the table.
    for (const part of inPieces(store.newestFirst(since))) {
      // The piece as an array, without its brackets: each record indented by two, one after
      // another as the whole array has them (one escaping pass for the piece, not one a record).
      const items = safeJson(part, 2).slice(2, -2);
      const text = `${first ? "[\n" : ",\n"}${items}`;
      first = false;
      if (!(await emit(ctx, text))) return done();
    }
    await emit(ctx, first ? "[]\n" : "\n]\n");
    return done();
  }
  if (options.csv) {
    const header = [
      "id",
      "started",
      "ended_at",
      "routine",
      "name",
      "category",
      "done_seconds",
      "planned_seconds",
      "ended",
      "pain_before",
      "pain_after",
      "areas",
      "sides",
    ];
    if (!(await emit(ctx, `${header.join(",")}\n`))) return done();
    for (const part of inPieces(store.newestFirst(since))) {
      const rows = part.map(
        (r) =>
          `${[
            r.id,
            r.startedAt,
            r.endedAt,
            r.routine,
            r.name,
            r.category,
            r.doneSeconds,
            r.plannedSeconds,
            r.ended,
            r.ratings.before,
            r.ratings.after,
            r.areas.join(" "),
            r.sides.join(" "),
          ]
            .map(csvCell)
            .join(",")}\n`,
      );
      if (rows.length > 0 && !(await emit(ctx, rows.join("")))) break;
    }
    return done();
  }

  const s = ctx.style;
  const row = (r: RecordSummary) => [
    localTime(r.startedAt),
    historyText.name(r.name),
    recordTimeWords(r),
    r.ended === "completed"
      ? s.ok(historyText.ended(r.ended))
      : r.ended === "pain"
        ? s.error(historyText.stoppedForPain)
        : s.warn(historyText.ended(r.ended)),
    ratingText(r),
  ];
  // Columns are as wide as the widest cell so far: later months never narrow them.
  // The table needs no steps: it reads the months' summaries, newest first.
  const widths: number[] = [];
  let shown = 0;
  for (const all of store.summariesNewestFirst(since)) {
    const batch = pick(all);
    if (batch.length === 0) continue;
    const rows = batch.map(row);
    if (shown === 0) {
      rows.unshift(historyText.headers.map((h) => s.dim(h)));
    }
    shown += batch.length;
    await prepareWidths(rows.flat());
    const lines = table(rows, undefined, 2, widths);
    if (!(await emit(ctx, lines.map((l) => `${l}\n`).join("")))) return done();
  }
  if (shown === 0) {
    const filters = [
      since === undefined ? "" : historyText.since(localTime(new Date(since).toISOString())),
      options.routine === undefined ? "" : historyText.of(quote(options.routine)),
    ].filter(Boolean);
    println(
      ctx.stdout,
      filters.length > 0 ? historyText.noneMatching(filters) : historyText.noneYet,
    );
  }
  return done();
}

/**
 * Merges an export (another computer's, or a backup) into this history: each line checked as
 * strictly as the store checks its own, sessions already kept skipped by id.
 */
async function importHistory(path: string, ctx: Context): Promise<number> {
  if (path === "") throw new KnotError(filesText.importNeedsFile);
  const store = openHistory(ctx);
  const merge = store.merger();
  const refused: { line: number; reason: LineProblem }[] = [];
  try {
    forEachLine(path, (line, number) => {
      const parsed = parseLine(line);
      if (parsed === undefined) return;
      if (isLineProblem(parsed)) refused.push({ line: number, reason: parsed });
      else merge.add(parsed);
    });
    merge.finish();
  } catch (error) {
    try {
      merge.finish();
    } catch {
      // the first failure is the one to report
    }
    if (merge.writeFailed) throw importWriteError(merge.writeFailed, merge.added);
    if (error instanceof KnotError) throw error;
    throw new KnotError(
      filesText.importUnreadable(quote(path), merge.added, describeFsError(error)),
      {
        // a file that is not there, or not a file at all, is the person's to fix
        exitCode:
          isFsError(error) && ["ENOENT", "ENOTREG", "EISDIR"].includes(error.code ?? "")
            ? ExitCode.usage
            : ExitCode.failure,
        hint: filesText.importHint,
      },
    );
  }
  const { added, skipped } = merge;
  if (added + skipped === 0 && refused.length > 0) {
    throw new KnotError(
      filesText.importNoRecords(
        quote(path),
        refused[0]!.line,
        filesText.lineProblem(refused[0]!.reason),
      ),
      {
        hint: filesText.importHint,
      },
    );
  }
  println(ctx.stdout, filesText.imported(quote(path), added, skipped));
  if (refused.length > 0) {
    const lines = refused.map((r) => r.line);
    warnTo(ctx)(
      filesText.importLeftOut(refused.length, lines, filesText.lineProblem(refused[0]!.reason)),
    );
    return ExitCode.failure;
  }
  return ExitCode.ok;
}

/** An import that could not write (a full disk, a read-only folder): what was kept, and what to do. */
function importWriteError(failed: { file: string; error: unknown }, added: number): KnotError {
  const kept = filesText.importKept(added);
  if (failed.error instanceof KnotError) {
    // the history's lock was lost: nothing more was written
    const { message, hint, exitCode } = failed.error;
    return new KnotError(filesText.importLockLost(message, kept), {
      exitCode,
      ...(hint ? { hint } : {}),
    });
  }
  return new KnotError(
    filesText.importCouldNotAdd(failed.file, describeFsError(failed.error), kept),
    {
      exitCode: ExitCode.failure,
      hint: filesText.importCouldNotAddHint,
    },
  );
}

async function clear(options: HistoryOptions, ctx: Context): Promise<number> {
  const folder = historyDir(ctx.paths.data);
  const yes = await confirm(ctx, filesText.clearAsk(folder), {
    yes: options.yes,
    default: false,
    whenNoTerminal: () => {
      throw new KnotError(filesText.clearNoTerminal, {
        hint: filesText.clearNoTerminalHint,
      });
    },
  });
  if (!yes) {
    println(ctx.stdout, filesText.nothingCleared);
    return ExitCode.ok;
  }
  const kept = keepSafety(ctx);
  const backup = openHistory(ctx).clear(ctx.now());
  println(ctx.stdout, backup ? filesText.cleared(backup) : filesText.nothingToClear);
  if (kept) println(ctx.stdout, filesText.safetyKept);
  return ExitCode.ok;
}

/**
 * Before the history goes: the last day's records and advice in force are kept for the safety
 * rules (safety-snapshot.json), so clearing the history never clears a limit. Returns whether
 * anything was kept.
 */
function keepSafety(ctx: Context): boolean {
  const now = ctx.now();
  const journal = openJournal(ctx, warnTo(ctx), stepsFrom(now), now - RULES_LOOK_BACK_MS);
  const before = readSnapshot(ctx.paths.data);
  const past = safetyPast(journal.records, journal.recent, before, now);
  const ids = new Set(journal.records.map((r) => r.id));
  const records = [
    ...journal.records,
    ...(before?.records ?? []).filter((r) => !ids.has(r.id)),
  ].filter((r) => Date.parse(r.endedAt) > now - DAY_MS);
  if (records.length === 0 && !past.advice) return false;
  writeSnapshot(ctx.paths.data, {
    v: 1,
    savedAt: now,
    records,
    ...(past.advice ? { advice: past.advice } : {}),
  });
  return true;
}
