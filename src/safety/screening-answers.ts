import { rmSync } from "node:fs";
import { join } from "node:path";
import { type JsonRead, readJsonObject, writeJsonObject } from "../config/json-file.js";

/**
 * The screening answers knot kept before its dated record (screening.jsonl): for each list,
 * when the person last said none of it applies, `{"red-flags": "2026-03-01T09:00:00.000Z"}`.
 * In the settings folder, in a file of their own, so that `knot config reset` never touches
 * them; `knot safety --reset` removes them. Read as answers given ahead of time
 * (safety/screening.ts settingsAnswers).
 */
export const answersFile = (configDir: string) => join(configDir, "screening.json");

export const readAnswersFile = (configDir: string): JsonRead =>
  readJsonObject(answersFile(configDir));

export const writeAnswersFile = (configDir: string, answers: Record<string, unknown>): void =>
  writeJsonObject(answersFile(configDir), answers);

/** Forgets the kept answers (the file itself, never a link's target). */
export function forgetKeptAnswers(configDir: string): void {
  rmSync(answersFile(configDir), { force: true });
}

/** The kept answers of two files as one: for each list, the later date. */
export function mergeAnswers(
  kept: Record<string, unknown>,
  more: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...kept };
  for (const [id, when] of Object.entries(more)) {
    const was = typeof out[id] === "string" ? Date.parse(out[id] as string) : Number.NaN;
    const is = typeof when === "string" ? Date.parse(when) : Number.NaN;
    if (!(id in out) || (!Number.isNaN(is) && !(was >= is))) out[id] = when;
  }
  return out;
}
