import { KnotError } from "../errors.js";
import { coachText as words } from "../text/coach.js";
import { quote } from "../ui/safe.js";

/**
 * `--lead-in`, `--weeks` and the like: a whole number within bounds, or a usage error. A module
 * of its own, so that the commands reading one (stats, report) load nothing else of the coach.
 */
export function parseWholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new KnotError(words.wholeNumber(flag, min, max, quote(raw)));
  }
  return n;
}
