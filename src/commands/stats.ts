import { type Context, println, warnTo } from "../context.js";
import { formatDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import {
  addDays,
  byCategory,
  dailyTotals,
  minutesBy,
  minutesByArea,
  STREAK_RULE,
  streakOverDays,
} from "../history/analysis.js";
import { barChart, columnChart, ratingLine } from "../history/charts.js";
import { openStore } from "../history/journal.js";
import { activeDays } from "../history/months.js";
import type { Ratings } from "../history/record.js";
import { assessTrend, RULES_LOOK_BACK_MS, redFlagLines } from "../safety/trend.js";
import { parseWholeNumber } from "./coach-numbers.js";
import { layoutWidth, printJson } from "./shared.js";

export interface StatsOptions {
  days?: string;
  json?: boolean;
}

const minutesText = (m: number) => (m < 1 && m > 0 ? "<1 min" : `${Math.round(m)} min`);

export async function stats(options: StatsOptions, ctx: Context): Promise<number> {
  const days = options.days === undefined ? 30 : parseWholeNumber("--days", options.days, 1, 3650);
  const now = ctx.now();
  const from = addDays(now, -(days - 1));
  // Sessions are read as summaries from the months' indexes (no steps), added up a month at a
  // time, so even --days 3650 holds one month at once; the streak reads the days indexes.
  const store = openStore(ctx, warnTo(ctx));
  const trend = assessTrend(store.summariesSince(now - RULES_LOOK_BACK_MS), now);
  const perDay = dailyTotals([], days, now);
  const category = new Map<string, number>();
  const area = new Map<string, number>();
  const rated: { at: string; routine: string; ratings: Ratings }[] = [];
  let sessions = 0;
  let totalMinutes = 0;
  for (const batch of store.summaries(from)) {
    sessions += batch.length;
    dailyTotals(batch, days, now).forEach((d, i) => {
      perDay[i]!.sessions += d.sessions;
      perDay[i]!.minutes += d.minutes;
    });
    for (const [into, add] of [
      [category, minutesBy(batch, byCategory)],
      [area, minutesByArea(batch)],
    ] as const) {
      for (const [key, minutes] of add) into.set(key, (into.get(key) ?? 0) + minutes);
    }
    for (const r of batch) {
      totalMinutes += r.doneSeconds / 60;
      if (r.ratings.before !== undefined || r.ratings.after !== undefined) {
        rated.push({ at: r.startedAt, routine: r.routine, ratings: r.ratings });
      }
    }
  }
  // Walked back day by day, each month opened only while the streak can still reach it.
  const reach = { floor: Number.NEGATIVE_INFINITY };
  const run = streakOverDays(activeDays(store, reach), now, reach);
  const damaged = store.warning();
  if (damaged) warnTo(ctx)(damaged);

  if (options.json) {
    printJson(ctx, {
      days,
      sessions,
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
      ratings: rated.map((r) => ({ at: r.at, routine: r.routine, ...r.ratings })),
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
    `${s.heading(`Last ${days} days`)}: ${sessions} session${sessions === 1 ? "" : "s"}, ${formatDuration(Math.round(totalMinutes) * 60)}`,
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
