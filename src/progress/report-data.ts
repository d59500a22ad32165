import { dayKey, dayNumber } from "../history/analysis.js";
import type { RecordSummary } from "../history/record-types.js";
import { THERMAL_RULES } from "../safety/rules.js";
import type { ScreeningEvent } from "../safety/screening.js";
import { STOP_AFTER_RATING, STOP_RISE, stopReason } from "../safety/stops.js";
import { reasonText } from "../text/trend.js";
import { type Progress, progressJson, round1 } from "./gather.js";
import { HELPS_RULES } from "./helps.js";
import { activeActivities, latestRatings, weekStart } from "./psfs.js";

/**
 * What the clinician's report holds, as data (the HTML and `knot report --json` both come from
 * it): the same period's figures as `knot stats --days`, week by week.
 */
export interface ReportWeek {
  /** The Monday the week starts on ("2026-11-16"). */
  week: string;
  sessions: number;
  minutes: number;
  routines: { routine: string; name: string; sessions: number; minutes: number }[];
}

/**
 * How many days the report covers: the days asked for, or fewer when the record (its first
 * session or weekly check in those days) starts later, so a short history is not drawn as
 * weeks of nothing.
 */
export function recordDays(p: Progress, askedDays: number, now: number): number {
  const starts = [
    ...p.all.slice(0, 1).map((r) => Date.parse(r.startedAt)),
    ...p.psfs.checks.map((c) => Date.parse(c.at)).filter((at) => at >= p.from),
  ].filter((at) => !Number.isNaN(at));
  if (starts.length === 0) return askedDays;
  const days = dayNumber(now) - dayNumber(Math.min(...starts)) + 1;
  return Math.max(1, Math.min(askedDays, days));
}

/** The most week columns a table of the report has: more weeks are folded into columns. */
export const REPORT_MAX_COLUMNS = 8;

export interface ReportInput {
  progress: Progress;
  /** The days asked for, when more than the record holds (progress.days). */
  askedDays?: number;
  now: number;
  screening: readonly ScreeningEvent[];
  massageLimitMinutes: number;
}

export function reportData({
  progress: p,
  now,
  screening,
  massageLimitMinutes,
  askedDays,
}: ReportInput) {
  const weeks = new Map<number, ReportWeek>();
  for (let w = weekStart(p.from); w <= now; w = weekStart(w + 8 * 86_400_000)) {
    weeks.set(w, { week: dayKey(w), sessions: 0, minutes: 0, routines: [] });
  }
  for (const r of p.all) {
    const week = weeks.get(weekStart(Date.parse(r.startedAt)));
    if (!week) continue;
    week.sessions += 1;
    week.minutes += r.doneSeconds / 60;
    let row = week.routines.find((x) => x.routine === r.routine);
    if (!row) {
      row = { routine: r.routine, name: r.name, sessions: 0, minutes: 0 };
      week.routines.push(row);
    }
    row.sessions += 1;
    row.minutes += r.doneSeconds / 60;
  }
  const perWeek = [...weeks.values()].map((w) => ({
    ...w,
    minutes: round1(w.minutes),
    routines: w.routines
      .map((r) => ({ ...r, minutes: round1(r.minutes) }))
      .sort((a, b) => b.minutes - a.minutes),
  }));

  const inPeriod = (ms: number) => ms >= p.from && ms <= now;
  const psfsWeeks = perWeek.map((w) => {
    const start = Date.parse(`${w.week}T00:00:00`);
    const checks = p.psfs.checks
      .filter((c) => weekStart(Date.parse(c.at)) === weekStart(start))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { week: w.week, ratings: latestRatings(checks) };
  });
  const usedIds = new Set(psfsWeeks.flatMap((w) => Object.keys(w.ratings)));
  const activities = p.psfs.activities
    .filter((a) => usedIds.has(a.id) || activeActivities(p.psfs).includes(a))
    .map((a) => ({ id: a.id, name: a.name, ...(a.retired ? { retired: a.retired } : {}) }));

  const events = screening.filter((e) => inPeriod(e.at));
  const stops = p.all.flatMap((r: RecordSummary) => {
    const rule = stopReason(r.ratings);
    if (r.ended !== "pain" && !rule) return [];
    return [
      {
        at: r.startedAt,
        routine: r.routine,
        name: r.name,
        stoppedBecauseItHurt: r.ended === "pain",
        ...(rule ? { stoppedForTheDay: rule } : {}),
        ...r.ratings,
      },
    ];
  });

  return {
    generatedAt: new Date(now).toISOString(),
    period: {
      from: dayKey(p.from),
      to: dayKey(now),
      days: p.days,
      weeks: Math.round(p.days / 7),
      ...(askedDays !== undefined && askedDays > p.days
        ? { askedWeeks: Math.round(askedDays / 7), startsAtFirstRecord: true }
        : {}),
    },
    ...progressJson(p),
    perWeek,
    painBySession: p.rated.map((r) => ({
      at: r.startedAt,
      routine: r.routine,
      name: r.name,
      ...r.ratings,
    })),
    psfs: { activities, perWeek: psfsWeeks },
    safety: {
      redFlagAnswers: events
        .filter((e) => e.answer !== "override" && e.answer !== "reset")
        .filter((e) => e.answer !== "none")
        .map((e) => ({ at: new Date(e.at).toISOString(), lists: e.lists, answer: e.answer })),
      answeredNone: events.filter((e) => e.answer === "none").length,
      overrides: events
        .filter((e) => e.answer === "override")
        .map((e) => ({ at: new Date(e.at).toISOString(), lists: e.lists })),
      stops,
      adviceNow: p.trend.worse ? p.trend.reasons.map(reasonText) : [],
    },
    limits: {
      coldOrHeatMinutesAtATime: THERMAL_RULES.maxApplicationSeconds / 60,
      minutesOffBetweenColdOrHeat: THERMAL_RULES.minOffSeconds / 60,
      heatPerDay: THERMAL_RULES.maxHeatPerDay,
      massageMinutesPerAreaPerDay: massageLimitMinutes,
      stopForTheDayAfterRating: STOP_AFTER_RATING,
      stopForTheDayAfterRise: STOP_RISE,
      reliefShownFromSessions: HELPS_RULES.minSessions,
    },
  };
}

export type ReportData = ReturnType<typeof reportData>;
