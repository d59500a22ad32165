import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../context.js";
import { writeWhole } from "../files.js";
import { safeJson } from "../ui/safe.js";
import { routineFile } from "./ids.js";

/** Where a routine's working copy waits while `knot edit` has it open, and after a discard. */
export const draftsDir = (ctx: Context): string => join(ctx.paths.data, "drafts");
export const draftFile = (ctx: Context, id: string): string => routineFile(draftsDir(ctx), id);

/** A routine file's text: two-space JSON, nothing raw a terminal would act on, a final newline. */
export const routineText = (json: unknown): string => `${safeJson(json, 2)}\n`;

/**
 * Writes `text` as routine `id` in `dir`, whole or not at all (a temporary file renamed into
 * place), never through a link. Refuses to replace a file there unless `replace`.
 */
export function writeRoutine(
  dir: string,
  id: string,
  text: string,
  options: { replace: boolean },
): string {
  mkdirSync(dir, { recursive: true });
  return writeRoutineFile(routineFile(dir, id), text, options);
}

/** As writeRoutine, at a routine file's own path (a file of the person's, whatever its name). */
export function writeRoutineFile(
  path: string,
  text: string,
  options: { replace: boolean },
): string {
  if (!options.replace && existsSync(path)) {
    throw Object.assign(new Error(`${path} already exists`), {
      code: "EEXIST",
      path,
      syscall: "open",
    });
  }
  writeWhole(path, text);
  return path;
}
