import type { Settings } from "../config/store.js";
import type { Context } from "../context.js";
import type { RecordSummary, SessionRecord } from "../history/record.js";
import { readSnapshot } from "../history/safety-snapshot.js";
import { type Allowance, allowanceAt } from "../safety/allowance.js";
import { safetyPast } from "../safety/past.js";

/**
 * The allowance at this moment, from the history read for the rules (whole records since
 * yesterday, summaries of recent weeks) and what a cleared history left behind.
 */
export function allowanceNow(
  ctx: Context,
  records: readonly SessionRecord[],
  recent: readonly RecordSummary[],
  settings: Pick<Settings, "get">,
): Allowance {
  const now = ctx.now();
  const past = safetyPast(records, recent, readSnapshot(ctx.paths.data), now);
  return allowanceAt(past, now, (settings.get("massage.dailyLimitMinutes") as number) * 60);
}
