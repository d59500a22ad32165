import { STREAK_RULE } from "../history/analysis.js";
import { CHANGE_RULES, type Change, type Verdict } from "../progress/change.js";
import { HELPS_RULES, type Relief, type WhatHelps } from "../progress/helps.js";
import { localized } from "./locale.js";
import { safetyText } from "./safety.js";

/** The words for the change over weeks and for what helps, shared by `knot stats` and the report. */

const VERDICT_WORDS: Record<Verdict, string> = {
  improving: "improving",
  worse: "worse",
  "no-clear-change": "no clear change",
  "too-few-days": "too few days to say",
};

const MEASURE_WORDS = {
  pain: "Pain (0-10, one rating a day)",
  psfs: "Activities (PSFS average, 0-10)",
} as const;

const THRESHOLD_WORDS = {
  pain: `a change people feel: ${CHANGE_RULES.painPoints} points, or ${Math.round(CHANGE_RULES.painShare * 100)}% and at least ${CHANGE_RULES.painMinPoints}; Farrar et al. 2001, Childs et al. 2005`,
  psfs: `a change people feel: ${CHANGE_RULES.psfsPoints} points in the average; Stratford et al. 1995`,
} as const;

const NO_CAUSE = "These are your own ratings over time: they cannot tell what caused a change.";

const one = (n: number) => n.toFixed(1);
const count = (n: number, measure: Change["measure"]) =>
  measure === "pain" ? `${n} day${n === 1 ? "" : "s"}` : `${n} check${n === 1 ? "" : "s"}`;

/** "5.2 over 6 days in the first two weeks, 3.0 over 5 days in the last two: 2.2 lower". */
function changeFigures(c: Change): string {
  const side = (w: Change["first"], which: string) =>
    w.average === null
      ? `none in the ${which}`
      : `${one(w.average)} over ${count(w.count, c.measure)} in the ${which}`;
  const diff =
    c.change === null
      ? ""
      : `: ${c.change === 0 ? "the same" : `${one(Math.abs(c.change))} ${c.change < 0 ? "lower" : "higher"}`}`;
  return `${side(c.first, "first two weeks")}, ${side(c.last, "last two")}${diff}`;
}

/** Why nothing is said: the period or the days. */
function tooFewWords(c: Change): string {
  if (c.short === "period")
    return `the period is shorter than ${(2 * CHANGE_RULES.windowDays) / 7} weeks, so its first and last two weeks overlap`;
  return c.measure === "pain"
    ? `needs a rating on at least ${CHANGE_RULES.minPainDays} different days in each of the first and last two weeks`
    : `needs at least ${CHANGE_RULES.minPsfsChecks} weekly check in each of the first and last two weeks`;
}

/** The lines for one measure: verdict, figures, threshold, and for "worse" the advice. */
function changeLines(c: Change, options: { adviceAbove?: boolean } = {}): string[] {
  const lines = [`${MEASURE_WORDS[c.measure]}: ${VERDICT_WORDS[c.verdict]}`];
  lines.push(`  ${changeFigures(c)}`);
  if (c.verdict === "too-few-days") lines.push(`  (${tooFewWords(c)})`);
  else lines.push(`  (${THRESHOLD_WORDS[c.measure]})`);
  if (c.verdict === "worse" && options.adviceAbove) lines.push("  (see the advice above)");
  else if (c.verdict === "worse")
    lines.push(
      ...safetyText
        .adviceLines([])
        .slice(1)
        .map((l) => `  ${l}`),
    );
  return lines;
}

const RELIEF_WORDS = `Short-term relief: your pain rating right after a session against just before it, for routines and areas with at least ${HELPS_RULES.minSessions} sessions rated both times. It says how you felt straight after, not what a routine does over weeks.`;

const reliefText = (r: Relief): string =>
  `${r.change === 0 ? "no change" : `${r.change > 0 ? "+" : ""}${one(r.change)}`} over ${r.sessions} session${r.sessions === 1 ? "" : "s"}`;

function helpsEmpty(h: WhatHelps): string | undefined {
  if (h.routines.length > 0 || h.areas.length > 0) return undefined;
  return `(not yet: each routine or area needs ${HELPS_RULES.minSessions} sessions rated before and after)`;
}

export const progressText = localized({
  verdicts: VERDICT_WORDS,
  measures: MEASURE_WORDS,
  thresholds: THRESHOLD_WORDS,
  noCause: NO_CAUSE,
  changeFigures,
  tooFew: tooFewWords,
  changeLines,
  relief: RELIEF_WORDS,
  reliefText,
  helpsEmpty,
});

/** What knot stats says around its charts (figures, dates and names stay data in templates). */
export const statsText = localized({
  period: (days: number) => `Last ${days} days`,
  summary: (period: string, sessions: number, length: string) =>
    `${period}: ${sessions} session${sessions === 1 ? "" : "s"}, ${length}`,
  streakLabel: "Streak",
  streakRule: `(${STREAK_RULE})`,
  streak: (label: string, run: number, rule: string) =>
    `${label}: ${run} day${run === 1 ? "" : "s"} ${rule}`,
  /** A heading with its note beside it: "Pain (check-ins, 0-10, oldest first)". */
  titled: (title: string, note: string) => `${title} ${note}`,
  sessionsPerDay: "Sessions per day",
  minutesPerDay: "Minutes per day",
  sessionsUnit: "sessions",
  minutesUnit: "minutes",
  minutesByKind: "Minutes by kind",
  minutesByArea: "Minutes by body area",
  /** A kind of session or a body area, beside its bar. */
  label: (label: string) => label,
  minutes: (m: number) => (m < 1 && m > 0 ? "<1 min" : `${Math.round(m)} min`),
  pain: "Pain",
  painNote: "(check-ins, 0-10, oldest first)",
  noRatings: "  (no check-ins yet: knot asks before and after a session at a terminal)",
  before: "before",
  after: "after ",
  ratingRow: (label: string, line: string, figures: string) => `  ${label}  ${line}  ${figures}`,
  ratingFigures: (latest: number, lowest: number, highest: number) =>
    `latest ${latest}, lowest ${lowest}, highest ${highest}`,
  change: "Change over these days",
  changeNote: "(first two weeks against the last two)",
  noWeeklyChecks: "  Activities: no weekly checks yet (knot checkin)",
  helps: "What helps you",
  helpsNote: "(short-term relief)",
  byRoutine: "By routine:",
  byArea: "By body area:",
  /** A routine or area (cut and padded to its column) and its relief. */
  helpsRow: (name: string, relief: string) => `    ${name}  ${relief}`,
});

/** The words of the charts knot stats draws. */
export const chartText = localized({
  nothing: "  (nothing yet)",
  /** Under a chart of days: "(minutes a day, last 40 days)". */
  perDay: (unit: string, shownDays: number | undefined) =>
    `(${unit} a day${shownDays === undefined ? "" : `, last ${shownDays} days`})`,
});
