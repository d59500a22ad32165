import { ExitCode } from "../../errors.js";
import type { TimelineEntry } from "../../routine/timeline.js";
import type { Decision } from "../../safety/allowance.js";
import { decisionText, OVERRIDES } from "../../text/allowance.js";
import { capitalise, NotStarted, type PreflightInput } from "./input.js";
import { massageDecision } from "./massage.js";

/** The daily massage limit before a session: says the decision, asks at a terminal. */
export async function checkDailyLimit(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<TimelineEntry[]> {
  const { ctx, say, ask } = input;
  const over = decisions.find((d) => d.rule === "massage-limit" || d.rule === "massage-ceiling");
  const decision = massageDecision(input, over, input.force, ask.can);
  if (decision.kind === "within") return decision.timeline;
  const [head = "", ...areaLines] = decisionText(over!, ctx.now()).split("\n");
  say(ctx.style.warn(capitalise(head)));
  for (const line of areaLines) say(line);
  switch (decision.kind) {
    case "forced":
      say(
        ctx.style.warn(
          `  Going past it, as --force asks (overriding: ${OVERRIDES["massage-limit"]})${decision.pastCeiling ? ", shortened to the ceiling" : ""}.`,
        ),
      );
      return decision.timeline;
    case "refused":
      say(
        decision.under === "limit"
          ? "  Nothing is left of your limit. Not started; --force goes past your limit, never past the 30-minute ceiling."
          : "  Nothing is left under the 30-minute ceiling. Not started; nothing overrides the ceiling.",
      );
      throw new NotStarted(ExitCode.endedEarly);
    case "shortened":
      say(
        "  The massage is shortened to fit the limit (--force goes past it, never past the 30-minute ceiling).",
      );
      return decision.timeline;
  }
  const choice = await ask.choose("What would you like to do?", [
    ...(decision.fitted
      ? [{ name: "Shorten the massage to fit the limit", value: "fit" as const }]
      : []),
    ...(decision.anyway
      ? [{ name: "Go ahead anyway (never past the 30-minute ceiling)", value: "go" as const }]
      : []),
    { name: "Stop here", value: "stop" as const },
  ]);
  if (choice === "stop") throw new NotStarted(ExitCode.endedEarly);
  if (choice === "go") say(ctx.style.warn(`  Going past ${OVERRIDES["massage-limit"]}.`));
  return (choice === "fit" ? decision.fitted : decision.anyway)!;
}
