import { KnotError } from "../errors.js";
import { quote } from "../ui/safe.js";

/** `--lead-in` and similar: a whole number of seconds within bounds, or a usage error. */
export function parseWholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new KnotError(`${flag} takes a whole number from ${min} to ${max}, not ${quote(raw)}.`);
  }
  return n;
}
