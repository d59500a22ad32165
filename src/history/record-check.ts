import { AREAS, CATEGORIES, STEP_KINDS } from "../routine/vocabulary.js";
import { hasUnsafe } from "../ui/safe.js";
import type { EndReason, SessionRecord } from "./record-types.js";

/**
 * Whether a history line is a record knot can use, and if not, why: each field checked (its
 * type, its range, text with nothing a terminal would obey, times the calendar has), the first
 * problem said as a code with the field.
 */

/** How a session can end. */
export const END_REASONS: readonly EndReason[] = ["completed", "quit", "pain", "interrupted"];

/** The most seconds any count in a record may hold: a session's plan and its doing fit a day. */
export const MAX_RECORD_SECONDS = 24 * 60 * 60;

/**
 * A time as knot writes it (toISOString: UTC, to the millisecond), and a real one: a date the
 * calendar has (no 30 February), hours 00-23, minutes and seconds 00-59. Date.parse alone
 * accepts 2026-02-30 (as 2 March) and T24:00 (as the next midnight). The form:
 * YYYY-MM-DDTHH:MM:SS, then optionally "." and one to three digits, then Z.
 */
export function isRealTime(v: unknown): v is string {
  if (typeof v !== "string") return false;
  // Read by hand rather than by a pattern: a long history checks every step's time, and this
  // is several times faster (tests/history/record.test.ts holds it to the pattern's answers).
  const n = v.length;
  if (n !== 20 && (n < 22 || n > 24)) return false;
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 5, 2);
  const d = digitsAt(v, 8, 2);
  const h = digitsAt(v, 11, 2);
  const mi = digitsAt(v, 14, 2);
  const se = digitsAt(v, 17, 2);
  if (
    v[4] !== "-" ||
    v[7] !== "-" ||
    v[10] !== "T" ||
    v[13] !== ":" ||
    v[16] !== ":" ||
    v[n - 1] !== "Z" ||
    (n > 20 && (v[19] !== "." || digitsAt(v, 20, n - 21) < 0)) ||
    (y | mo | d | h | mi | se) < 0
  ) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  // the day exists in that month (28, 29, 30 or 31)
  return d <= 28 || d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
/** The number written in `count` ASCII digits from `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
const isRating = (v: unknown) =>
  v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10);
/** Whole seconds, from none to a day. */
const isSeconds = (v: unknown) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_RECORD_SECONDS;
/** Text a record may hold: a string of sensible length with nothing a terminal would obey. */
const isText = (v: unknown, max = 200) =>
  typeof v === "string" && v.length > 0 && v.length <= max && !hasUnsafe(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === "string" && (values as readonly string[]).includes(v);
const isArea = oneOf(AREAS);
const isSide = oneOf(["left", "right"] as const);
const isKind = oneOf(STEP_KINDS);
const isOutcome = oneOf(["pending", "done", "late", "skipped", "shortened"] as const);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What is wrong with a field's value, by code: each is worded in src/text/files.ts
 * (recordFault), such as "time": "not a real time".
 */
export type RecordFault =
  | "stepName"
  | "kind"
  | "side"
  | "area"
  | "seconds"
  | "outcome"
  | "time"
  | "version"
  | "id"
  | "routine"
  | "routineName"
  | "category"
  | "areas"
  | "sides"
  | "ended"
  | "ratings"
  | "steps"
  | "stepNumber";

/**
 * Why a parsed line is not a record knot can use, as data: the field, what is wrong with it,
 * and its value as shown (short, and undefined when the field is missing); `step` counts from
 * 1 for a field of a step. Worded by filesText.lineProblem.
 */
export type RecordProblem =
  | { code: "notRecord" }
  | { code: "notStep"; step: number }
  | { code: "field"; field: string; fault: RecordFault; value: string | undefined; step?: number };

/**
 * Why a line of a history file (or of an export) is damaged, as data: longer than knot reads,
 * not JSON, or not a record (above). Worded by filesText.lineProblem.
 */
export type LineProblem = RecordProblem | { code: "tooLong"; bytes: number } | { code: "notJson" };

type Check = [field: string, ok: (v: unknown) => boolean, fault: RecordFault];

const STEP_CHECKS: Check[] = [
  ["name", (v) => isText(v), "stepName"],
  ["kind", isKind, "kind"],
  ["side", (v) => v === undefined || isSide(v), "side"],
  ["area", (v) => v === undefined || isArea(v), "area"],
  ["planned", (v) => v === null || isSeconds(v), "seconds"],
  ["done", isSeconds, "seconds"],
  ["outcome", isOutcome, "outcome"],
  ["at", (v) => v === null || isRealTime(v), "time"],
];

const RECORD_CHECKS: Check[] = [
  ["v", (v) => v === 1, "version"],
  ["id", (v) => isText(v, 64), "id"],
  ["routine", (v) => isText(v, 64), "routine"],
  ["name", (v) => isText(v), "routineName"],
  ["category", oneOf(CATEGORIES), "category"],
  ["areas", (v) => Array.isArray(v) && v.every(isArea), "areas"],
  ["sides", (v) => Array.isArray(v) && v.every(isSide), "sides"],
  ["startedAt", isRealTime, "time"],
  ["endedAt", isRealTime, "time"],
  ["plannedSeconds", isSeconds, "seconds"],
  ["doneSeconds", isSeconds, "seconds"],
  ["ended", (v) => END_REASONS.includes(v as EndReason), "ended"],
  ["ratings", (v) => isObject(v) && isRating(v.before) && isRating(v.after), "ratings"],
  ["steps", (v) => Array.isArray(v) && v.length <= 10_000, "steps"],
  ["stoppedAt", (v) => Number.isInteger(v) && (v as number) >= 0, "stepNumber"],
  ["resumedFrom", (v) => v === undefined || isText(v, 64), "id"],
];

/** What a value shows of itself in a problem: short, never raw, undefined when missing. */
const shown = (v: unknown): string | undefined => {
  const text = typeof v === "string" ? v : JSON.stringify(v);
  if (text === undefined) return undefined;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/**
 * Why a parsed history line is not a record knot can use, or undefined when it is. Checked as
 * strictly as a routine file: every field of the right type, every word one knot knows, real
 * times, seconds within a day, no text a terminal would obey. The problem names the field and
 * its value (worded "startedAt is not a real time (2026-02-30T10:00:00.000Z)"), so a damaged
 * line can be found and mended. A record that is fine costs no problem object.
 */
export function recordProblem(value: unknown): RecordProblem | undefined {
  if (!isObject(value) || (value.v === undefined && value.id === undefined)) {
    return { code: "notRecord" };
  }
  // Indexed loops, not for-of with destructuring: every step of every record read passes
  // here, mostly before V8 has optimised it, where each destructuring walks an iterator.
  for (let c = 0; c < RECORD_CHECKS.length; c++) {
    const check = RECORD_CHECKS[c] as Check;
    const field = check[0];
    if (!check[1](value[field])) {
      return { code: "field", field, fault: check[2], value: shown(value[field]) };
    }
  }
  const steps = value.steps as unknown[];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!isObject(step)) return { code: "notStep", step: i + 1 };
    for (let c = 0; c < STEP_CHECKS.length; c++) {
      const check = STEP_CHECKS[c] as Check;
      const field = check[0];
      if (!check[1](step[field])) {
        return { code: "field", field, fault: check[2], value: shown(step[field]), step: i + 1 };
      }
    }
  }
  return undefined;
}

/** Whether a parsed history line is a record knot can use (see recordProblem). */
export function isSessionRecord(value: unknown): value is SessionRecord {
  return recordProblem(value) === undefined;
}
