import type { Settings } from "../../config/store.js";
import type { Context } from "../../context.js";
import { ExitCode } from "../../errors.js";
import type { RecordSummary, SessionRecord } from "../../history/record-types.js";
import type { TimelineEntry } from "../../routine/timeline.js";
import type { Area } from "../../routine/vocabulary.js";
import type { Allowance } from "../../safety/allowance.js";
import { coachText } from "../../text/coach.js";
import type { Asker } from "../../ui/prompt.js";

export interface PreflightInput {
  ctx: Context;
  timeline: TimelineEntry[];
  /** The routine's id: a routine stopped for now is not started again. */
  routine: string;
  routineAreas: Area[];
  /** What may start now (safety/allowance.ts): the one answer to the rules over sessions. */
  allowance: Allowance;
  /** Whole records since yesterday (see stepsFrom): what the rules about steps read. */
  records: readonly SessionRecord[];
  /** Summaries of the last weeks: what the trend rules read. */
  recent: readonly RecordSummary[];
  settings: Settings;
  /** Go past guidance-level checks (never a hard rule, an emergency or the every-time questions). */
  force: boolean;
  /** --skin-checked: the person states that no every-time question applies, for this run. */
  skinChecked: boolean;
  ask: Asker;
  say: (text?: string) => void;
}

/** Stops before a session starts; carries the exit code. */
export class NotStarted extends Error {
  constructor(readonly exitCode: number) {
    super("not started");
  }
}

/**
 * What a guidance-level check that said no leads to, before anything is asked: going on because
 * --force says so, a question at the terminal (Enter: no), or not starting (no terminal).
 */
export type GoOnDecision = "forced" | "ask" | "refuse";

export const goOnDecision = (force: boolean, canAsk: boolean): GoOnDecision =>
  force ? "forced" : canAsk ? "ask" : "refuse";

/**
 * A guidance-level check said no: ask at a terminal (Enter: no), else go on only with --force.
 * Returns whether the person said yes at the terminal (--force is not their answer).
 */
export async function goOnAnyway(
  input: PreflightInput,
  question: string,
  overriding: string,
): Promise<boolean> {
  const { ask, say, ctx } = input;
  const decision = goOnDecision(input.force, ask.can);
  if (decision === "forced") {
    say(ctx.style.warn(coachText.preflight.forced(overriding)));
    return false;
  }
  if (decision === "ask" && (await ask.yesNo(question, { default: false }))) return true;
  if (decision === "refuse") say(coachText.preflight.addForce(overriding));
  else say(coachText.notStarted);
  throw new NotStarted(ExitCode.endedEarly);
}
