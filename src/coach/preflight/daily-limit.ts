import { ExitCode } from "../../errors.js";
import type { TimelineEntry } from "../../routine/timeline.js";
import type { Decision } from "../../safety/allowance.js";
import { allowanceText, OVERRIDES } from "../../text/allowance.js";
import { coachText } from "../../text/coach.js";
import { NotStarted, type PreflightInput } from "./input.js";
import { massageDecision } from "./massage.js";

const words = coachText.preflight;

/** The daily massage limit before a session: says the decision, asks at a terminal. */
export async function checkDailyLimit(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<TimelineEntry[]> {
  const { ctx, say, ask } = input;
  const over = decisions.find((d) => d.rule === "massage-limit" || d.rule === "massage-ceiling");
  const decision = massageDecision(input, over, input.force, ask.can);
  if (decision.kind === "within") return decision.timeline;
  const [head = "", ...areaLines] = allowanceText.opening(over!, ctx.now()).split("\n");
  say(ctx.style.warn(head));
  for (const line of areaLines) say(line);
  switch (decision.kind) {
    case "forced":
      say(ctx.style.warn(words.pastLimit(OVERRIDES["massage-limit"], decision.pastCeiling)));
      return decision.timeline;
    case "refused":
      say(decision.under === "limit" ? words.nothingLeftLimit : words.nothingLeftCeiling);
      throw new NotStarted(ExitCode.endedEarly);
    case "shortened":
      say(words.shortened);
      return decision.timeline;
  }
  const choice = await ask.choose(words.whatNow, [
    ...(decision.fitted ? [{ name: words.fit, value: "fit" as const }] : []),
    ...(decision.anyway ? [{ name: words.anyway, value: "go" as const }] : []),
    { name: words.stop, value: "stop" as const },
  ]);
  if (choice === "stop") throw new NotStarted(ExitCode.endedEarly);
  if (choice === "go") say(ctx.style.warn(words.goingPast(OVERRIDES["massage-limit"])));
  return (choice === "fit" ? decision.fitted : decision.anyway)!;
}
