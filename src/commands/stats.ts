import { type Context, println } from "../context.js";
import { formatDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import {
  addDays,
  byArea,
  byCategory,
  dailyTotals,
  minutesBy,
  STREAK_RULE,
  streak,
} from "../history/analysis.js";
import { barChart, columnChart, ratingLine } from "../history/charts.js";
import { assessTrend } from "../safety/trend.js";
import { parseWholeNumber } from "./coach-numbers.js";
import { loadRecords } from "./history.js";
import { redFlagLines } from "./preflight.js";
import { layoutWidth, printJson } from "./shared.js";

export interface StatsOptions {
  days?: string;
  json?: boolean;
}

const minutesText = (m: number) => (m < 1 && m > 0 ? "<1 min" : `${Math.round(m)} min`);

export async function stats(options: StatsOptions, ctx: Context): Promise<number> {
  const days = options.days === undefined ? 30 : parseWholeNumber("--days", options.days, 1, 3650);
  const now = ctx.now();
  const all = loadRecords(ctx);
  const from = addDays(now, -(days - 1));
  const records = all.filter((r) => Date.parse(r.startedAt) >= from);
  const perDay = dailyTotals(records, days, now);
  const category = minutesBy(records, byCategory);
  const area = minutesBy(records, byArea);
  const rated = records.filter(
    (r) => r.ratings.before !== undefined || r.ratings.after !== undefined,
  );
  const trend = assessTrend(all, now);
  const run = streak(all, now);
  const totalMinutes = records.reduce((sum, r) => sum + r.doneSeconds / 60, 0);

  if (options.json) {
    printJson(ctx, {
      days,
      sessions: records.length,
      minutes: Math.round(totalMinutes * 10) / 10,
      streak: run,
      streakRule: STREAK_RULE,
      perDay: perDay.map((d) => ({
        day: d.day,
        sessions: d.sessions,
        minutes: Math.round(d.minutes * 10) / 10,
      })),
      minutesByCategory: Object.fromEntries(
        [...category].map(([k, v]) => [k, Math.round(v * 10) / 10]),
      ),
      minutesByArea: Object.fromEntries([...area].map(([k, v]) => [k, Math.round(v * 10) / 10])),
      ratings: rated.map((r) => ({ at: r.startedAt, routine: r.routine, ...r.ratings })),
      gettingWorse: trend,
    });
    return ExitCode.ok;
  }

  const s = ctx.style;
  const width = Math.min(layoutWidth(ctx), 100);
  const out = (text = "") => println(ctx.stdout, text);
  if (trend.worse) {
    const lines = redFlagLines(trend.reasons);
    out(s.error(lines[0]!));
    for (const line of lines.slice(1)) out(line);
    out();
  }
  out(
    `${s.heading(`Last ${days} days`)}: ${records.length} session${records.length === 1 ? "" : "s"}, ${formatDuration(Math.round(totalMinutes) * 60)}`,
  );
  out(`${s.strong("Streak")}: ${run} day${run === 1 ? "" : "s"} ${s.dim(`(${STREAK_RULE})`)}`);
  const labels = perDay.map((d) => d.day.slice(5));
  const chart = (title: string, values: number[], height: number, unit: string) => {
    out();
    out(s.strong(title));
    for (const line of columnChart(values, labels, width, height, unit, s)) out(line);
  };
  chart(
    "Sessions per day",
    perDay.map((d) => d.sessions),
    3,
    "sessions",
  );
  chart(
    "Minutes per day",
    perDay.map((d) => d.minutes),
    5,
    "minutes",
  );
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([label, value]) => ({ label, value, text: minutesText(value) }));
  out();
  out(s.strong("Minutes by kind"));
  for (const line of barChart(sorted(category), width, s)) out(line);
  out();
  out(s.strong("Minutes by body area"));
  for (const line of barChart(sorted(area), width, s)) out(line);
  out();
  out(`${s.strong("Pain")} ${s.dim("(check-ins, 0-10, oldest first)")}`);
  if (rated.length === 0)
    out(s.dim("  (no check-ins yet: knot asks before and after a session at a terminal)"));
  for (const [label, pick] of [
    ["before", "before"],
    ["after ", "after"],
  ] as const) {
    const values = rated.map((r) => r.ratings[pick]).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    const shown = values.slice(-Math.max(1, width - 30));
    out(
      `  ${label}  ${s.id(ratingLine(shown, width - 30))}  ${s.dim(`latest ${values.at(-1)}, lowest ${Math.min(...values)}, highest ${Math.max(...values)}`)}`,
    );
  }
  return ExitCode.ok;
}
