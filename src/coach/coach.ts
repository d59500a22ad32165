import type { Settings } from "../config/store.js";
import type { Context } from "../context.js";
import { type CoachFlags, leadInOf } from "./options.js";
import { type Plan, planToRun, printDryRun } from "./plan.js";

/**
 * Runs a plan through the coach, and returns the exit code. The plan alone (--dry-run) loads
 * nothing of the session: no terminal, speech or prompts.
 */
export async function coach(
  ctx: Context,
  given: Plan,
  flags: CoachFlags,
  config: Settings,
): Promise<number> {
  const plan = planToRun(given, Boolean(flags.skinChecked));
  if (flags.dryRun) return printDryRun(ctx, plan, leadInOf(flags, config));
  const { coachSession } = await import("./session.js");
  return coachSession(ctx, plan, flags, config);
}
