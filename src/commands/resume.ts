import type { Context } from "../context.js";
import { formatMinutes } from "../duration.js";
import { resumable } from "../history/analysis.js";
import type { SessionRecord } from "../history/record.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { confirm } from "../ui/prompt.js";

/** What the offer needs of a session's plan: the coach's plan gives it. */
export interface ResumablePlan {
  id: string;
  name: string;
  /** Whether a cut-off session of this plan may be resumed (routines, not ad-hoc cycles). */
  resumable: boolean;
  timeline: readonly TimelineEntry[];
}

/**
 * A session of this routine cut off (terminal closed, crash, signal) less than 12 hours ago
 * can pick up at the step where it stopped. Asked at a terminal; --resume / --no-resume answer
 * without asking (and without a terminal, knot starts from the beginning unless --resume).
 */
export async function offerResume(
  ctx: Context,
  plan: ResumablePlan,
  records: readonly SessionRecord[],
  /** --resume / --no-resume */
  flags: { resume?: boolean },
  asking: boolean,
  say: (text?: string) => void,
): Promise<{ startIndex: number; from?: string }> {
  if (!plan.resumable || flags.resume === false) return { startIndex: 0 };
  const cut = resumable(records, plan.id, ctx.now());
  if (!cut || cut.steps.length !== plan.timeline.length || cut.stoppedAt >= plan.timeline.length) {
    return { startIndex: 0 };
  }
  const step = plan.timeline[cut.stoppedAt]!;
  const ago = formatMinutes(Math.max(60_000, ctx.now() - Date.parse(cut.endedAt)));
  const where = `step ${cut.stoppedAt + 1} of ${plan.timeline.length} (${step.name})`;
  say(`Your last ${plan.name} session was cut off ${ago} ago at ${where}.`);
  const yes =
    flags.resume === true ||
    (asking &&
      (await confirm(ctx, "Pick up where it stopped?", {
        default: true,
        whenNoTerminal: () => false,
      })));
  if (!yes) return { startIndex: 0 };
  return { startIndex: cut.stoppedAt, from: cut.id };
}
