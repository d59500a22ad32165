import { readSettings } from "../config/settings.js";
import { type Context, println, warnTo } from "../context.js";
import { openLibrary } from "../routine/folder.js";
import { findRoutine } from "../routine/library.js";
import { formatIssues } from "../routine/report.js";
import { coach } from "./coach.js";
import type { CoachFlags } from "./options.js";
import { routinePlan } from "./plan.js";

/**
 * A routine, by id or file, run through the coach: what `knot start` runs, and a reminder that
 * is answered with Enter. Returns the exit code.
 */
export async function startRoutine(
  ctx: Context,
  nameOrPath: string,
  flags: CoachFlags,
): Promise<number> {
  const entry = findRoutine(openLibrary(ctx), nameOrPath);
  const config = await readSettings(ctx.paths.config, warnTo(ctx));
  // What validate warns of (a hold past 30 s, an instruction too long to say in its step) is
  // said at start too, where the person is about to do it.
  if (entry.warnings.length > 0)
    println(ctx.stderr, ctx.errStyle.warn(formatIssues(nameOrPath, entry.warnings)));
  return coach(ctx, routinePlan(entry), flags, config);
}
