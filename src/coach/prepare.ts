import { openConfig, type Settings } from "../config/settings.js";
import { type Context, type OutputStream, warnTo } from "../context.js";
import { KnotError } from "../errors.js";
import { resumable } from "../history/analysis.js";
import { liveSessions } from "../history/checkpoint.js";
import { type Journal, onBody, openJournal, stepsFrom } from "../history/journal.js";
import type { RecordSummary, SessionRecord } from "../history/record-types.js";
import { readSnapshot } from "../history/safety-snapshot.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { type Allowance, allowanceAt } from "../safety/allowance.js";
import { safetyPast } from "../safety/past.js";
import { RULES_LOOK_BACK_MS } from "../safety/trend.js";
import { coachText as words } from "../text/coach.js";
import { agoWords } from "../text/time.js";
import { canAskOn } from "../ui/can-ask.js";
import type { Asker } from "../ui/prompt.js";

/**
 * The history the allowance alone needs: summaries of the weeks the trend rules look at, and
 * whole records since yesterday of the sessions whose steps the rules count (see onBody).
 */
export function openAllowanceHistory(ctx: Context, warn: (message: string) => void): Journal {
  const now = ctx.now();
  return openJournal(ctx, warn, stepsFrom(now), now - RULES_LOOK_BACK_MS, { whole: () => onBody });
}

/**
 * The history a session reads before it starts: summaries of the weeks the trend rules look at,
 * nothing older, and whole records since yesterday of the sessions whose steps the rules count
 * (see onBody) and of the routine's last session (to resume it).
 */
export function openSessionHistory(
  ctx: Context,
  warn: (message: string) => void,
  routine: string,
): Journal {
  const now = ctx.now();
  const from = stepsFrom(now);
  return openJournal(ctx, warn, from, now - RULES_LOOK_BACK_MS, {
    indexesLater: true,
    whole: (recent) => {
      const last = recent.findLast((s) => s.routine === routine);
      const lastId = last && Date.parse(last.startedAt) >= from ? last.id : undefined;
      return (s) => onBody(s) || s.id === lastId;
    },
  });
}

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

/** What the offer needs of a session's plan: the coach's plan gives it. */
export interface ResumablePlan {
  id: string;
  name: string;
  /** Whether a cut-off session of this plan may be resumed (routines, not ad-hoc cycles). */
  resumable: boolean;
  timeline: readonly TimelineEntry[];
}

/** A cut-off session this plan may pick up from, as data: where it stopped, and when. */
export interface ResumeOffer {
  id: string;
  stoppedAt: number;
  step: string;
  agoMs: number;
}

/** Whether a session of this plan was cut off recently enough, at a step this plan still has. */
export function resumeOffer(
  plan: ResumablePlan,
  records: readonly SessionRecord[],
  now: number,
): ResumeOffer | undefined {
  if (!plan.resumable) return undefined;
  const cut = resumable(records, plan.id, now);
  if (!cut || cut.steps.length !== plan.timeline.length || cut.stoppedAt >= plan.timeline.length)
    return undefined;
  return {
    id: cut.id,
    stoppedAt: cut.stoppedAt,
    step: plan.timeline[cut.stoppedAt]!.name,
    agoMs: Math.max(0, now - Date.parse(cut.endedAt)),
  };
}

/** Where a session begins, the record it picks up from, and whether "Pick up" was a yes. */
export interface ResumeChoice {
  startIndex: number;
  from?: string;
  /** The person said yes to "Pick up where it stopped?": the start's confirmation. */
  agreed: boolean;
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
): Promise<ResumeChoice> {
  if (flags.resume === false) return { startIndex: 0, agreed: false };
  const offer = resumeOffer(plan, records, ctx.now());
  if (!offer) return { startIndex: 0, agreed: false };
  say(
    words.resume.cutOff(
      plan.name,
      agoWords(offer.agoMs),
      offer.stoppedAt + 1,
      plan.timeline.length,
      offer.step,
    ),
  );
  if (flags.resume === true) return { startIndex: offer.stoppedAt, from: offer.id, agreed: false };
  const yes =
    asking &&
    (await (
      await prompts()
    ).confirm(ctx, words.resume.question, {
      default: true,
      whenNoTerminal: () => false,
    }));
  if (!yes) return { startIndex: 0, agreed: false };
  // Picking up is the decision to start: "Start now?" is not asked after it.
  return { startIndex: offer.stoppedAt, from: offer.id, agreed: true };
}

/** The prompts, loaded when a question is asked: a session started with --yes never loads them. */
export const prompts = () => import("../ui/prompt.js");

/**
 * The questions of the checks before a session: plain mode asks line by line, and with the
 * events on stdout they go to stderr. Whether there is a terminal is known without the prompts.
 */
export function sessionAsker(ctx: Context, plain: boolean, out: OutputStream): Asker {
  const real = async () => (await prompts()).asker(ctx, plain, out);
  return {
    can: canAskOn(ctx.stdin, out),
    async choose(message, choices) {
      return (await real()).choose(message, choices);
    },
    async yesNo(message, options) {
      return (await real()).yesNo(message, options);
    },
  };
}

/** "Start now?": --yes, or a yes already given after a warning, answers it. */
export const askToStart = async (ctx: Context, agreed: boolean): Promise<boolean> =>
  agreed ||
  (await prompts()).confirm(ctx, words.startNow, {
    yes: agreed,
    whenNoTerminal: () => {
      throw new KnotError(words.noTerminal, {
        hint: words.addYes,
      });
    },
  });

/** Keeps the voice chosen (at the question, or with v during a session) for the next session. */
export async function keepVoice(ctx: Context, on: boolean, warn: (message: string) => void) {
  try {
    (await openConfig(ctx.paths.config, warnTo(ctx))).set("voice", on);
  } catch (error) {
    warn(words.warning(error instanceof KnotError ? error.message : words.voiceNotSaved));
  }
}
