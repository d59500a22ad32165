import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { openJournal, openStore } from "../history/journal.js";
import type { HistoryStore } from "../history/months.js";
import type { RecordSummary, SessionRecord } from "../history/record-types.js";
import { fitWidth, output } from "../output.js";
import { recordTimeWords } from "../session/time-words.js";
import { filesText } from "../text/files.js";
import { historyText } from "../text/history.js";
import { csvCell, quote, safeJson } from "../ui/safe.js";
import { prepareWidths, table } from "../ui/text.js";
import { clearHistory } from "./history-clear.js";
import { importHistory } from "./history-import.js";

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
  if (options.clear) return clearHistory(options.yes, ctx);
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
  // at a terminal, or on a pipe that says its COLUMNS, the last column is cut to fit (with "…")
  const width = fitWidth(ctx.stdout, ctx.env);
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
    const lines = table(rows, width, 2, widths);
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
