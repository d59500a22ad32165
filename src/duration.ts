/** Parsing and formatting of durations: routine files, flags and the countdown all use these. */

export type DurationResult =
  | { ok: true; seconds: number }
  /** `suggestion`: the spelling meant, when one is plain ("10 mins" -> "10m"). */
  | { ok: false; problem: DurationProblem; suggestion?: string };

/**
 * Why a value is not a duration, as a code and the value (src/text/routine.ts words it); `text`
 * is the value as typed, when it was text.
 */
export type DurationProblem =
  | { code: "not-a-number" }
  | { code: "over-a-day"; text?: string }
  | { code: "not-positive"; value: number | string }
  | { code: "not-whole"; value: number }
  | { code: "not-text" }
  | { code: "too-long"; text: string }
  | { code: "not-a-duration"; text: string; suggestion?: string };

/** No step is longer than this; larger numbers are mistakes (and would print as "2.7e+304h"). */
export const MAX_DURATION_SECONDS = 24 * 60 * 60;
export const MAX_DURATION_TEXT = 24;
/**
 * A duration written as text, as the published schema states it: whole seconds or h/m/s
 * parts in either case, spaces around allowed, and some digit other than 0. The validator
 * reads the same strings (parseDuration); a value over a day is refused when loading.
 */
export const DURATION_TEXT_PATTERN =
  "^\\s*(?=[^1-9]*[1-9])(?:\\d+|(?:\\d+[hH])?(?:\\d+[mM])?(?:\\d+[sS])?)\\s*$";
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };
const DURATION_PATTERN = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Reads a duration given as seconds (a number) or as a string of h/m/s parts. */
export function parseDuration(value: unknown): DurationResult {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { ok: false, problem: { code: "not-a-number" } };
    if (value > MAX_DURATION_SECONDS) return { ok: false, problem: { code: "over-a-day" } };
    if (value <= 0) return { ok: false, problem: { code: "not-positive", value } };
    if (!Number.isInteger(value)) return { ok: false, problem: { code: "not-whole", value } };
    return { ok: true, seconds: value };
  }
  if (typeof value !== "string") {
    return { ok: false, problem: { code: "not-text" } };
  }
  // Nothing a person means as a duration is this long; the patterns below never see it.
  if (value.length > MAX_DURATION_TEXT) {
    return { ok: false, problem: { code: "too-long", text: value } };
  }
  const text = value.trim().toLowerCase();
  if (/^\d+$/.test(text)) return parseDuration(Number(text));
  const match = DURATION_PATTERN.exec(text);
  if (!text || !match) {
    const hint = suggestDurationSpelling(text);
    if (hint === undefined) return { ok: false, problem: { code: "not-a-duration", text: value } };
    return {
      ok: false,
      problem: { code: "not-a-duration", text: value, suggestion: hint },
      suggestion: hint,
    };
  }
  const [, h = "0", m = "0", s = "0"] = match;
  const seconds =
    Number(h) * UNIT_SECONDS.h! + Number(m) * UNIT_SECONDS.m! + Number(s) * UNIT_SECONDS.s!;
  if (seconds <= 0) return { ok: false, problem: { code: "not-positive", value } };
  if (seconds > MAX_DURATION_SECONDS) {
    return { ok: false, problem: { code: "over-a-day", text: value } };
  }
  return { ok: true, seconds };
}

/** "10 mins" -> "10m", "1 min 30 sec" -> "1m30s": people write durations in many ways. */
function suggestDurationSpelling(text: string): string | undefined {
  const parts = [...text.matchAll(/(\d+)\s*(h|hours?|hrs?|m|mins?|minutes?|s|secs?|seconds?)\b/g)];
  if (parts.length === 0) return undefined;
  const rebuilt = parts.map(([, n, unit]) => `${n}${unit![0]}`).join("");
  return DURATION_PATTERN.test(rebuilt) ? rebuilt : undefined;
}

/** 75 -> "1:15", 3600 -> "1:00:00": the countdown's clock face. */
export function formatClock(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return "-:--";
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** A span of milliseconds to the nearest minute, in prose: "how long ago" in messages. */
export function formatMinutes(ms: number): string {
  return formatDuration(Math.round(ms / 60_000) * 60);
}

/** 75 -> "1m 15s", 600 -> "10m", 20 -> "20s": durations in prose and tables. */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return "?";
  const s = Math.max(0, Math.round(totalSeconds));
  if (s === 0) return "0s";
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds) parts.push(`${seconds}s`);
  return parts.join(" ");
}
