import { type Context, println, warnTo } from "../context.js";
import { formatClock } from "../duration.js";
import { ExitCode, KnotError } from "../errors.js";
import { openJournal } from "../history/journal.js";
import type { SessionRecord } from "../history/record.js";
import { clearHistory, historyFile } from "../history/store.js";
import { confirm } from "../ui/prompt.js";
import { csvCell, quote } from "../ui/safe.js";
import { prepareWidths, table } from "../ui/text.js";
import { printJson } from "./shared.js";

export interface HistoryOptions {
  since?: string;
  routine?: string;
  json?: boolean;
  csv?: boolean;
  clear?: boolean;
  yes?: boolean;
}

/** "7d", "2w", "12h" back from now, or a date "2026-11-01" (from its local midnight). */
export function parseSince(text: string, now: number): number {
  const relative = /^(\d+)\s*([hdw])$/.exec(text.trim());
  if (relative) {
    if (Number(relative[1]) === 0) {
      throw new KnotError(`--since ${quote(text)} covers no time at all.`, {
        hint: "Try 1d for the last day, or a date such as 2026-11-01.",
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
  throw new KnotError(
    `--since takes a time back, such as 7d, 2w or 12h, or a date such as 2026-11-01, not ${quote(text)}.`,
  );
}

/** Every session, read through the journal (unfinished sessions recovered, damage reported). */
export const loadRecords = (ctx: Context): SessionRecord[] => openJournal(ctx, warnTo(ctx)).records;

const localTime = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const ratingText = (r: SessionRecord) =>
  r.ratings.before === undefined && r.ratings.after === undefined
    ? ""
    : `${r.ratings.before ?? "-"} → ${r.ratings.after ?? "-"}`;

export async function history(options: HistoryOptions, ctx: Context): Promise<number> {
  if (options.json && options.csv) throw new KnotError("Choose --json or --csv, not both.");
  if (options.clear) return clear(options, ctx);
  const since = options.since === undefined ? undefined : parseSince(options.since, ctx.now());
  const records = loadRecords(ctx)
    .filter((r) => since === undefined || Date.parse(r.startedAt) >= since)
    .filter((r) => options.routine === undefined || r.routine === options.routine)
    .reverse(); // newest first

  if (options.json) {
    printJson(ctx, records);
    return ExitCode.ok;
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
    println(ctx.stdout, header.join(","));
    for (const r of records) {
      println(
        ctx.stdout,
        [
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
          .join(","),
      );
    }
    return ExitCode.ok;
  }
  if (records.length === 0) {
    const filters = [
      since === undefined ? "" : `since ${localTime(new Date(since).toISOString())}`,
      options.routine === undefined ? "" : `of ${quote(options.routine)}`,
    ].filter(Boolean);
    println(
      ctx.stdout,
      filters.length > 0
        ? `No sessions ${filters.join(" ")}.`
        : "No sessions yet. Start one with: knot start stretch",
    );
    return ExitCode.ok;
  }
  const s = ctx.style;
  const rows = records.map((r) => [
    localTime(r.startedAt),
    r.name,
    `${formatClock(r.doneSeconds)} of ${formatClock(r.plannedSeconds)}`,
    r.ended === "completed"
      ? s.ok(r.ended)
      : r.ended === "pain"
        ? s.error("stopped: pain")
        : s.warn(r.ended),
    ratingText(r),
  ]);
  const header = ["DATE", "ROUTINE", "DONE", "ENDED", "PAIN BEFORE → AFTER"].map((h) => s.dim(h));
  await prepareWidths(rows.flat());
  for (const line of table([header, ...rows])) println(ctx.stdout, line);
  return ExitCode.ok;
}

async function clear(options: HistoryOptions, ctx: Context): Promise<number> {
  const file = historyFile(ctx.paths.data);
  const yes = await confirm(ctx, `Clear your history? (${file} is kept as a backup)`, {
    yes: options.yes,
    default: false,
    whenNoTerminal: () => {
      throw new KnotError(
        "knot asks before clearing the history, and there is no terminal to ask in.",
        {
          hint: "Add --yes to clear it without asking (a backup is kept).",
        },
      );
    },
  });
  if (!yes) {
    println(ctx.stdout, "Nothing cleared.");
    return ExitCode.ok;
  }
  const backup = clearHistory(file, ctx.now());
  println(
    ctx.stdout,
    backup ? `History cleared. The old one is kept as ${backup}` : "There was no history to clear.",
  );
  return ExitCode.ok;
}
