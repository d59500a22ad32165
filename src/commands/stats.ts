import { parseWholeNumber } from "../coach/options.js";
import { type Context, warnTo } from "../context.js";
import { formatDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import { STREAK_RULE, streakOverDays } from "../history/analysis.js";
import { barChart, columnChart, ratingLine } from "../history/charts.js";
import { activeDays } from "../history/months.js";
import { proseWriter } from "../output.js";
import { gatherProgress, progressJson, round1 } from "../progress/gather.js";
import { changeLines, helpsEmpty, NO_CAUSE, RELIEF_WORDS, reliefText } from "../progress/words.js";
import { safetyText } from "../text/safety.js";
import { padEnd, truncate, wrap } from "../ui/text.js";
import { layoutWidth, printJson } from "./print.js";

export interface StatsOptions {
  days?: string;
  json?: boolean;
}

const minutesText = (m: number) => (m < 1 && m > 0 ? "<1 min" : `${Math.round(m)} min`);

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
  out();
  out(`${s.strong("Change over these days")} ${s.dim("(first two weeks against the last two)")}`);
  for (const c of [p.change.pain, p.change.psfs]) {
    if (c.measure === "psfs" && p.psfs.checks.length === 0) {
      out(s.dim("  Activities: no weekly checks yet (knot checkin)"));
      continue;
    }
    for (const line of changeLines(c, { adviceAbove: trend.worse })) out(`  ${line}`);
  }
  out(s.dim(`  ${NO_CAUSE}`));
  out();
  out(`${s.strong("What helps you")} ${s.dim("(short-term relief)")}`);
  for (const line of wrap(RELIEF_WORDS, width - 2)) out(s.dim(`  ${line}`));
  const empty = helpsEmpty(p.helps);
  if (empty) out(s.dim(`  ${empty}`));
  for (const [title, rows] of [
    ["By routine", p.helps.routines],
    ["By body area", p.helps.areas],
  ] as const) {
    if (rows.length === 0) continue;
    out(`  ${title}:`);
    for (const r of rows) out(`    ${padEnd(truncate(r.name ?? r.key, 28), 28)}  ${reliefText(r)}`);
  }
  return ExitCode.ok;
}
