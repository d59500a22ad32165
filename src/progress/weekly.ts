import type { Context, OutputStream } from "../context.js";
import { proseWriter } from "../output.js";
import { checkinText } from "../text/checkin.js";
import { askScore, askText, canAsk } from "../ui/prompt.js";
import { safeText } from "../ui/safe.js";
import { type CheckAsker, checkinFlow } from "./checkin-flow.js";
import { markOffered, PSFS, weeklyCheckDue } from "./psfs.js";
import { readPsfs, writePsfs } from "./psfs-store.js";

/** The questions of the weekly check at a terminal: full-screen, or lines in plain mode. */
export function terminalAsker(
  ctx: Context,
  lines: boolean,
  out: OutputStream = ctx.stdout,
): CheckAsker {
  return {
    name: (question) => askText(ctx, question, { lines, out, maxLength: PSFS.maxNameLength }),
    score: (question) =>
      askScore(
        ctx,
        { question, scale: checkinText.scale, label: checkinText.scoreLabel },
        { lines, out },
      ),
    say: (line) => proseWriter(out, ctx.env)(safeText(line)),
  };
}

/**
 * After a session: the weekly activity check, offered once a week (after its first session),
 * one screen, skippable with Enter or Esc, and never in the way. Anything that goes wrong here
 * (no terminal, a file that cannot be written, a cancelled question) ends the offer quietly:
 * the session is already saved.
 */
export async function offerWeeklyCheck(
  ctx: Context,
  options: { lines: boolean; out?: OutputStream },
): Promise<void> {
  const out = options.out ?? ctx.stdout;
  try {
    if (!canAsk(ctx, out)) return;
    const store = readPsfs(ctx.paths.data);
    if (!weeklyCheckDue(store, ctx.now())) return;
    // Offered is written first: the check is offered once a week, whatever happens next.
    const offered = markOffered(store, ctx.now());
    writePsfs(ctx.paths.data, offered);
    out.write("\n");
    const result = await checkinFlow(offered, terminalAsker(ctx, options.lines, out), ctx.now);
    writePsfs(ctx.paths.data, result.store);
  } catch {
    // skipped: never holds up the end of a session
  }
}
