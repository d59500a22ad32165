import { ExitCode, KnotError } from "../../errors.js";
import { describeFsError } from "../../files.js";
import {
  type ScreenAnswer,
  type ScreenId,
  type ScreeningEvent,
  screenGroups,
  screensDue,
} from "../../safety/screening.js";
import { appendScreening, readAnswers } from "../../safety/screening-log.js";
import { askScreen, safetyText } from "../../text/safety.js";
import { NotStarted, type PreflightInput } from "./input.js";

/**
 * After an answer that something on a list applies: whether --force may go past it. An
 * emergency never; the neck's signs (dizziness, double vision, trouble speaking...) need help
 * the same day, so like an emergency nothing overrides them.
 */
export const screenOverridable = (
  answer: Exclude<ScreenAnswer, "none">,
  lists: readonly ScreenId[],
  force: boolean,
): boolean => force && answer !== "emergency" && !(answer === "soon" && lists.includes("neck"));

/**
 * The screening before a session: the red flags (with the neck's before neck work) on one
 * screen, then each ask-first list due, one key each. Every answer is recorded with its date.
 */
export async function screen(input: PreflightInput) {
  const { ctx, say, ask } = input;
  const now = ctx.now();
  const warn = (message: string) => say(ctx.style.warn(`warning: ${message}`));
  const due = screensDue({
    timeline: input.timeline,
    areas: input.routineAreas,
    events: readAnswers(ctx.paths.data, input.settings, warn),
    now,
    atTerminal: ask.can,
  });
  if (due.length === 0) return;
  if (!ask.can) {
    for (const group of screenGroups(due))
      for (const line of safetyText.screenLines(group)) say(line);
    throw new KnotError(safetyText.session.noTerminal, { hint: safetyText.screenHint(due) });
  }
  const answers: ScreeningEvent[] = [];
  const answered = (lists: ScreenId[], answer: ScreeningEvent["answer"]) =>
    answers.push({
      at: ctx.now(),
      lists,
      answer,
      ...(answer === "override" ? {} : { via: "session" as const }),
    });
  try {
    for (const group of screenGroups(due)) {
      const answer = await askScreen(ask, group, (t) => say(t));
      answered(group, answer);
      if (answer === "none") continue;
      say();
      if (answer === "emergency") {
        for (const line of safetyText.emergencyAdvice) say(ctx.style.error(line));
        throw new NotStarted(ExitCode.endedEarly);
      }
      say(
        answer === "soon"
          ? safetyText.session.seeDoctor
          : safetyText.session.askFirst(safetyText.screenName(group[0]!)),
      );
      if (!screenOverridable(answer, group, input.force)) {
        if (input.force) say(safetyText.session.neckNoOverride);
        throw new NotStarted(ExitCode.endedEarly);
      }
      answered(group, "override");
      say(ctx.style.warn(safetyText.session.forced));
    }
  } finally {
    try {
      appendScreening(ctx.paths.data, answers);
    } catch (error) {
      warn(safetyText.session.notRecorded(describeFsError(error)));
    }
  }
}

/** The absolute questions before cold or heat: asked every time, never stored, no override. */
export async function askEveryTime(input: PreflightInput) {
  const { ask, say, ctx } = input;
  for (const kind of ["heat", "cold"] as const) {
    if (!input.timeline.some((s) => s.kind === kind)) continue;
    if (input.skinChecked) continue;
    const words = safetyText.skin;
    const questions = safetyText.health.everyTime[kind];
    if (!ask.can) {
      throw new KnotError(words.noTerminal(kind), { hint: words.noTerminalHint(questions) });
    }
    say(ctx.style.strong(words.heading(kind)));
    for (const question of questions) {
      if (await ask.yesNo(question)) {
        say();
        say(words.no(kind));
        say(words.nothingOverrides);
        throw new NotStarted(ExitCode.endedEarly);
      }
    }
  }
}
