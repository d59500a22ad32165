import { quote } from "./ui/safe.js";

/** Parsing and formatting of durations: routine files, flags and the countdown all use these. */

export type DurationResult =
  | { ok: true; seconds: number }
  /** `suggestion`: the spelling meant, when one is plain ("10 mins" -> "10m"). */
  | { ok: false; problem: string; suggestion?: string };

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
const EXAMPLES =
  'a whole number of seconds such as 45, or a string such as "45s", "10m" or "1m30s"';

/** Reads a duration given as seconds (a number) or as a string of h/m/s parts. */
export function parseDuration(value: unknown): DurationResult {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { ok: false, problem: "NaN is not a duration" };
    if (value > MAX_DURATION_SECONDS) {
      return { ok: false, problem: "is more than a day, which no step can be" };
    }
    if (value <= 0) return { ok: false, problem: `${value} is not more than 0 seconds` };
    if (!Number.isInteger(value)) {
      return { ok: false, problem: `${value} is not a whole number of seconds` };
    }
    return { ok: true, seconds: value };
  }
  if (typeof value !== "string") {
    return { ok: false, problem: `expected ${EXAMPLES}` };
  }
  // Nothing a person means as a duration is this long; the patterns below never see it.
  if (value.length > MAX_DURATION_TEXT) {
    return { ok: false, problem: `${quote(value)} is not a duration (too long)` };
  }
  const text = value.trim().toLowerCase();
  if (/^\d+$/.test(text)) return parseDuration(Number(text));
  const match = DURATION_PATTERN.exec(text);
  if (!text || !match) {
    const hint = suggestDurationSpelling(text);
    if (hint === undefined) return { ok: false, problem: `${quote(value)} is not a duration` };
    return {
      ok: false,
      problem: `${quote(value)} is not a duration; did you mean "${hint}"?`,
      suggestion: hint,
    };
  }
  const [, h = "0", m = "0", s = "0"] = match;
  const seconds =
    Number(h) * UNIT_SECONDS.h! + Number(m) * UNIT_SECONDS.m! + Number(s) * UNIT_SECONDS.s!;
  if (seconds <= 0) return { ok: false, problem: `${quote(value)} is not more than 0 seconds` };
  if (seconds > MAX_DURATION_SECONDS) {
    return { ok: false, problem: `${quote(value)} is more than a day, which no step can be` };
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
