import type { Settings } from "../config/store.js";
import type { Context } from "../context.js";
import { liveSessions } from "../history/checkpoint.js";
import type { RecordSummary, SessionRecord } from "../history/record.js";
import { readSnapshot } from "../history/safety-snapshot.js";
import { type Allowance, allowanceAt } from "../safety/allowance.js";
import { safetyPast } from "../safety/past.js";

/**
 * The allowance at this moment, from the history read for the rules (whole records since
 * yesterday, summaries of recent weeks), sessions running in other terminals, and what a
 * cleared history left behind.
 */
export function allowanceNow(
  ctx: Context,
  records: readonly SessionRecord[],
  recent: readonly RecordSummary[],
  settings: Pick<Settings, "get">,
): Allowance {
  const now = ctx.now();
  // Sessions running in other terminals count too: a pack on there is on now.
  const live = liveSessions(ctx.paths.data).filter((l) => !records.some((r) => r.id === l.id));
  const past = safetyPast([...records, ...live], recent, readSnapshot(ctx.paths.data), now);
  return allowanceAt(past, now, (settings.get("massage.dailyLimitMinutes") as number) * 60);
}
