import type { Context } from "../context.js";
import {
  addDays,
  addToDays,
  byCategory,
  type DayTotal,
  dailyTotals,
  minutesBy,
  minutesByArea,
} from "../history/analysis.js";
import { openStore } from "../history/journal.js";
import type { RecordSummary } from "../history/record-types.js";
import { assessTrend, RULES_LOOK_BACK_MS, type Trend } from "../safety/trend.js";
import { type Change, painChange, psfsChange } from "./change.js";
import { type WhatHelps, whatHelps } from "./helps.js";
import { checkAverages, emptyPsfs, type PsfsStore } from "./psfs.js";
import { readPsfs } from "./psfs-store.js";

/**
 * The figures of a period, read once for `knot stats` and `knot report` alike, so the two
 * always agree. Sessions are read as summaries from the months' indexes (no steps), added up a
 * month at a time; `keep` holds on to the period's summaries for the report's tables.
 */
export interface Progress {
  days: number;
  from: number;
  sessions: number;
  minutes: number;
  perDay: DayTotal[];
  minutesByCategory: Map<string, number>;
  minutesByArea: Map<string, number>;
  /** Sessions with a check-in, oldest first. */
  rated: RecordSummary[];
  /** Every session of the period, oldest first (only with `keep`). */
  all: RecordSummary[];
  trend: Trend;
  psfs: PsfsStore;
  change: { pain: Change; psfs: Change };
  helps: WhatHelps;
  warnings: string[];
  /** The history, for what else a command reads of it (the streak). */
  history: ReturnType<typeof openStore>;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function gatherProgress(
  ctx: Context,
  days: number,
  warn: (message: string) => void,
  keep = false,
): Progress {
  const now = ctx.now();
  const from = addDays(now, -(days - 1));
  const store = openStore(ctx, warn);
  const trend = assessTrend(store.summariesSince(now - RULES_LOOK_BACK_MS), now);
  const perDay = dailyTotals([], days, now);
  const category = new Map<string, number>();
  const area = new Map<string, number>();
  const rated: RecordSummary[] = [];
  const all: RecordSummary[] = [];
  let sessions = 0;
  let minutes = 0;
  for (const batch of store.summaries(from)) {
    sessions += batch.length;
    addToDays(perDay, batch);
    for (const [into, add] of [
      [category, minutesBy(batch, byCategory)],
      [area, minutesByArea(batch)],
    ] as const) {
      for (const [key, m] of add) into.set(key, (into.get(key) ?? 0) + m);
    }
    for (const r of batch) {
      minutes += r.doneSeconds / 60;
      if (r.ratings.before !== undefined || r.ratings.after !== undefined) rated.push(r);
      if (keep) all.push(r);
    }
  }
  const warnings: string[] = [];
  const damaged = store.warning();
  if (damaged) warnings.push(damaged);
  let psfs = emptyPsfs();
  try {
    psfs = readPsfs(ctx.paths.data);
  } catch (error) {
    warnings.push(`The weekly activity check is left out: ${(error as Error).message}.`);
  }
  const checks = checkAverages(psfs).filter((c) => c.at >= from);
  return {
    days,
    from,
    sessions,
    minutes,
    perDay,
    minutesByCategory: category,
    minutesByArea: area,
    rated,
    all,
    trend,
    psfs,
    change: { pain: painChange(rated, days, now), psfs: psfsChange(checks, days, now) },
    helps: whatHelps(rated),
    warnings,
    history: store,
  };
}

/** The period's figures as `--json` gives them (stats and report alike). */
export function progressJson(p: Progress) {
  const rounded = (m: Map<string, number>) =>
    Object.fromEntries([...m].map(([k, v]) => [k, round1(v)]));
  return {
    days: p.days,
    sessions: p.sessions,
    minutes: round1(p.minutes),
    minutesByCategory: rounded(p.minutesByCategory),
    minutesByArea: rounded(p.minutesByArea),
    ratings: p.rated.map((r) => ({ at: r.startedAt, routine: r.routine, ...r.ratings })),
    change: p.change,
    whatHelps: p.helps,
    gettingWorse: p.trend,
  };
}
