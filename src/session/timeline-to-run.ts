import type { TimelineEntry } from "../routine/timeline.js";
import { isThermal } from "../routine/vocabulary.js";
import { applicationsIn } from "../safety/rules.js";
import { rulesText } from "../text/rules.js";

/**
 * After each cold or heat application, a step that waits for the person: take the pack off
 * and check the skin. It is called on screen, aloud, by bell and by notification, and stays
 * until the person has done it (Enter), so the end of an application is never just a timer
 * running out, even after the last round.
 */
export function withPackOff(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const [i, step] of timeline.entries()) {
    out.push(step);
    const next = timeline[i + 1];
    if (isThermal(step.kind) && next?.kind !== step.kind) {
      out.push({
        name: rulesText.packOff.name(step.kind),
        kind: "prepare",
        seconds: null,
        packOff: step.kind,
        // the pack's own figure: where it is, to take it off
        ...(step.pose ? { pose: step.pose } : {}),
        instruction: rulesText.packOff.instruction(step.kind),
        ...(step.round ? { round: step.round } : {}),
      });
    }
  }
  return out;
}

/**
 * Puts the every-time questions (`questions[kind]`) on the step that waits for the person
 * before each cold or heat application after the first (the first is asked before the session
 * starts), so that they are asked before every application, not once a session.
 */
export function withSkinQuestions(
  timeline: readonly TimelineEntry[],
  questions: Record<"cold" | "heat", string[]>,
): TimelineEntry[] {
  const out = timeline.map((step) => ({ ...step }));
  const apps = applicationsIn(out);
  for (const app of apps.slice(1)) {
    for (let i = app.first - 1; i >= 0; i--) {
      const step = out[i]!;
      if (isThermal(step.kind)) break;
      if (step.kind === "prepare" && step.seconds === null && !step.packOff) {
        step.questions = questions[app.kind];
        break;
      }
    }
  }
  return out;
}

/**
 * The timeline as a session runs it: the call to take each pack off after its application, and
 * (unless the person has said the skin is checked) the every-time questions before each one
 * after the first. `show --json` prints this, so what is shown is what runs.
 */
export function timelineToRun(
  timeline: readonly TimelineEntry[],
  questions: Record<"cold" | "heat", string[]> | undefined,
): TimelineEntry[] {
  const withCalls = withPackOff(timeline);
  return questions ? withSkinQuestions(withCalls, questions) : withCalls;
}
