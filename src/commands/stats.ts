import { parseWholeNumber } from "../coach/whole-number.js";
import { type Context, warnTo } from "../context.js";
import { formatDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import { STREAK_RULE, streakOverDays } from "../history/analysis.js";
import { barChart, columnChart, ratingLine } from "../history/charts.js";
import { activeDays } from "../history/months.js";
import { proseWriter } from "../output.js";
import { gatherProgress, progressJson, round1 } from "../progress/gather.js";
import { progressText, statsText } from "../text/progress.js";
import { safetyText } from "../text/safety.js";
import { padEnd, truncate, wrap } from "../ui/text.js";
import { layoutWidth, printJson } from "./print.js";

export interface StatsOptions {
  days?: string;
  json?: boolean;
}

export async function stats(options: StatsOptions, ctx: Context): Promise<number> {
  const days = options.days === undefined ? 30 : parseWholeNumber("--days", options.days, 1, 3650);
  const now = ctx.now();
  const p = gatherProgress(ctx, days, warnTo(ctx));
  const { perDay, sessions } = p;
  const totalMinutes = p.minutes;
  const trend = p.trend;
  const rated = p.rated.map((r) => ({ at: r.startedAt, routine: r.routine, ratings: r.ratings }));
  const category = p.minutesByCategory;
  const area = p.minutesByArea;
  // Walked back day by day, each month opened only while the streak can still reach it.
  const reach = { floor: Number.NEGATIVE_INFINITY };
  const run = streakOverDays(activeDays(p.history, reach, now), now, reach);
  for (const warning of p.warnings) warnTo(ctx)(warning);

  if (options.json) {
    const { days: _, sessions: __, minutes, ...rest } = progressJson(p);
    printJson(ctx, {
      days,
      sessions,
      minutes,
      streak: run,
      streakRule: STREAK_RULE,
      perDay: perDay.map((d) => ({
        day: d.day,
        sessions: d.sessions,
        minutes: round1(d.minutes),
      })),
      ...rest,
    });
    return ExitCode.ok;
  }

  const s = ctx.style;
  const width = Math.min(layoutWidth(ctx), 100);
  const out = proseWriter(ctx.stdout, ctx.env);
  if (trend.worse) {
    const lines = safetyText.adviceLines(trend.reasons);
    out(s.error(lines[0]!));
    for (const line of lines.slice(1)) out(line);
    out();
  }
  const t = statsText;
  out(
    t.summary(s.heading(t.period(days)), sessions, formatDuration(Math.round(totalMinutes) * 60)),
  );
  out(t.streak(s.strong(t.streakLabel), run, s.dim(t.streakRule)));
  const labels = perDay.map((d) => d.day.slice(5));
  const chart = (title: string, values: number[], height: number, unit: string) => {
    out();
    out(s.strong(title));
    for (const line of columnChart(values, labels, width, height, unit, s)) out(line);
  };
  chart(
    t.sessionsPerDay,
    perDay.map((d) => d.sessions),
    3,
    t.sessionsUnit,
  );
  chart(
    t.minutesPerDay,
    perDay.map((d) => d.minutes),
    5,
    t.minutesUnit,
  );
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([label, value]) => ({ label: t.label(label), value, text: t.minutes(value) }));
  out();
  out(s.strong(t.minutesByKind));
  for (const line of barChart(sorted(category), width, s)) out(line);
  out();
  out(s.strong(t.minutesByArea));
  for (const line of barChart(sorted(area), width, s)) out(line);
  out();
  out(t.titled(s.strong(t.pain), s.dim(t.painNote)));
  if (rated.length === 0) out(s.dim(t.noRatings));
  for (const [label, pick] of [
    [t.before, "before"],
    [t.after, "after"],
  ] as const) {
    const values = rated.map((r) => r.ratings[pick]).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    const shown = values.slice(-Math.max(1, width - 30));
    const figures = t.ratingFigures(values.at(-1)!, Math.min(...values), Math.max(...values));
    out(t.ratingRow(label, s.id(ratingLine(shown, width - 30)), s.dim(figures)));
  }
  out();
  out(t.titled(s.strong(t.change), s.dim(t.changeNote)));
  for (const c of [p.change.pain, p.change.psfs]) {
    if (c.measure === "psfs" && p.psfs.checks.length === 0) {
      out(s.dim(t.noWeeklyChecks));
      continue;
    }
    for (const line of progressText.changeLines(c, { adviceAbove: trend.worse })) out(`  ${line}`);
  }
  out(s.dim(`  ${progressText.noCause}`));
  out();
  out(t.titled(s.strong(t.helps), s.dim(t.helpsNote)));
  for (const line of wrap(progressText.relief, width - 2)) out(s.dim(`  ${line}`));
  const empty = progressText.helpsEmpty(p.helps);
  if (empty) out(s.dim(`  ${empty}`));
  for (const [title, rows] of [
    [t.byRoutine, p.helps.routines],
    [t.byArea, p.helps.areas],
  ] as const) {
    if (rows.length === 0) continue;
    out(`  ${title}`);
    for (const r of rows)
      out(t.helpsRow(padEnd(truncate(r.name ?? r.key, 28), 28), progressText.reliefText(r)));
  }
  return ExitCode.ok;
}
