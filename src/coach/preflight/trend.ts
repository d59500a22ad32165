import type { Decision } from "../../safety/allowance.js";
import { assessTrend } from "../../safety/trend.js";
import { allowanceText, decisionText, OVERRIDES } from "../../text/allowance.js";
import { coachText } from "../../text/coach.js";
import { safetyText } from "../../text/safety.js";
import { goOnAnyway, type PreflightInput } from "./input.js";

/** Things may not be getting better: "Go on anyway?". Returns whether the person said yes. */
export async function checkTrend(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<boolean> {
  const { ctx, say } = input;
  const advice = decisions.find((d) => d.rule === "advice");
  if (!advice) return false;
  const trend = assessTrend(input.recent, ctx.now());
  const lines = trend.worse
    ? safetyText.adviceLines(trend.reasons)
    : [decisionText(advice, ctx.now()), ...safetyText.adviceLines([]).slice(1)];
  say(ctx.style.error(lines[0]!));
  for (const line of lines.slice(1)) say(line);
  say();
  return goOnAnyway(input, coachText.preflight.goOn, OVERRIDES.advice);
}

/** Cold again within 2 hours: "Start anyway?". Returns whether the person said yes to it. */
export async function checkColdGap(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<boolean> {
  const { ctx, say } = input;
  const gap = decisions.find((d) => d.rule === "cold-gap");
  if (!gap) return false;
  say(ctx.style.warn(coachText.preflight.sentence(allowanceText.opening(gap, ctx.now()))));
  return goOnAnyway(input, coachText.preflight.startAnyway, OVERRIDES["cold-gap"]);
}
