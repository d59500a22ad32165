import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { openJournal, openStore, stepsFrom } from "../history/journal.js";
import { historyDir } from "../history/months.js";
import { readSnapshot, writeSnapshot } from "../history/safety-snapshot.js";
import { DAY_MS } from "../safety/allowance.js";
import { safetyPast } from "../safety/past.js";
import { RULES_LOOK_BACK_MS } from "../safety/trend.js";
import { filesText } from "../text/files.js";
import { confirm } from "../ui/prompt.js";

/**
 * `knot history --clear`: asked first (--yes answers it), the history moved aside as a backup,
 * and what the safety rules need kept.
 */
export async function clearHistory(yes: boolean | undefined, ctx: Context): Promise<number> {
  const folder = historyDir(ctx.paths.data);
  const sure = await confirm(ctx, filesText.clearAsk(folder), {
    yes,
    default: false,
    whenNoTerminal: () => {
      throw new KnotError(filesText.clearNoTerminal, {
        hint: filesText.clearNoTerminalHint,
      });
    },
  });
  if (!sure) {
    println(ctx.stdout, filesText.nothingCleared);
    return ExitCode.ok;
  }
  const kept = keepSafety(ctx);
  const backup = openStore(ctx, warnTo(ctx)).clear(ctx.now());
  println(ctx.stdout, backup ? filesText.cleared(backup) : filesText.nothingToClear);
  if (kept) println(ctx.stdout, filesText.safetyKept);
  return ExitCode.ok;
}

/**
 * Before the history goes: the last day's records and advice in force are kept for the safety
 * rules (safety-snapshot.json), so clearing the history never clears a limit. Returns whether
 * anything was kept.
 */
function keepSafety(ctx: Context): boolean {
  const now = ctx.now();
  const journal = openJournal(ctx, warnTo(ctx), stepsFrom(now), now - RULES_LOOK_BACK_MS);
  const before = readSnapshot(ctx.paths.data);
  const past = safetyPast(journal.records, journal.recent, before, now);
  const ids = new Set(journal.records.map((r) => r.id));
  const records = [
    ...journal.records,
    ...(before?.records ?? []).filter((r) => !ids.has(r.id)),
  ].filter((r) => Date.parse(r.endedAt) > now - DAY_MS);
  if (records.length === 0 && !past.advice) return false;
  writeSnapshot(ctx.paths.data, {
    v: 1,
    savedAt: now,
    records,
    ...(past.advice ? { advice: past.advice } : {}),
  });
  return true;
}
