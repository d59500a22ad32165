import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** knot's own health guidance, in the repository: every dose and limit in the tests comes from it. */
export const GUIDANCE_PATH = fileURLToPath(new URL("../docs/health-guidance.md", import.meta.url));

const raw = readFileSync(GUIDANCE_PATH, "utf8");

/**
 * The guidance with each wrapped paragraph, list item and table row on one line, so a phrase
 * may wrap in the file but `.` in a pattern never reaches into the next item.
 */
export const guidance = raw.replace(/(?<=\S)\n(?=[^\n|#-])\s*/g, " ");

/** The numbers a pattern's groups capture in the guidance; fails if the guidance does not say it. */
export function stated(pattern: RegExp): number[] {
  const match = guidance.match(pattern);
  if (!match) throw new Error(`docs/health-guidance.md does not say ${pattern}`);
  return match.slice(1).map(Number);
}

/** Fails, naming the pattern rather than printing the whole guidance, unless the guidance says it. */
export function expectSaid(pattern: RegExp): void {
  expect(pattern.test(guidance), `docs/health-guidance.md does not say ${pattern}`).toBe(true);
}
