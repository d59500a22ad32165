import type { Settings } from "../config/store.js";
import type { Context } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { EVERY_TIME, stopAdvice } from "../health.js";
import type { RecordSummary, SessionRecord } from "../history/record.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { Area } from "../routine/vocabulary.js";
import {
  type Allowance,
  checkPlan,
  type Decision,
  floors,
  massageAreas,
  massageLeft,
  plannedMassage,
} from "../safety/allowance.js";
import { decisionText, FLOOR_NOTE, OVERRIDES } from "../safety/allowance-text.js";
import {
  askScreen,
  EMERGENCY_ADVICE,
  SCREEN_HINT,
  type ScreenId,
  type ScreeningEvent,
  screenGroups,
  screenLines,
  screenName,
  screensDue,
} from "../safety/screening.js";
import { appendScreening, readAnswers } from "../safety/screening-log.js";
import { HIGH_RATING_BEFORE, isGentle } from "../safety/stops.js";
import { assessTrend, redFlagLines } from "../safety/trend.js";
import type { Asker } from "../ui/prompt.js";

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
 * The safety checks before a session, in order: the floors of the allowance (nothing passes
 * them), getting worse, the screening lists (the red flags and the neck's, and the cold, heat
 * and massage ask-first lists), the every-time
 * questions before cold or heat, the daily massage limit, and cold again too soon. Returns the
 * timeline to run, which may be shortened to fit the massage limit and carries caps for "+".
 * `--yes` answers none of these.
 */
export async function preflight(input: PreflightInput): Promise<TimelineEntry[]> {
  return (await preflightChecks(input)).timeline;
}

/**
 * The preflight's outcome: the timeline to run, and whether the person has already said yes to
 * going on with this session after a warning ("Go on with this session anyway?", "Start
 * anyway?"). Then "Start now?" would ask the same again, so it is not asked.
 */
export interface Preflighted {
  timeline: TimelineEntry[];
  startAgreed: boolean;
}

export async function preflightChecks(input: PreflightInput): Promise<Preflighted> {
  const decisions = checkPlan(
    { routine: input.routine, timeline: input.timeline, routineAreas: input.routineAreas },
    input.allowance,
  );
  refuseFloors(input, decisions);
  const goOnAfterAdvice = await checkTrend(input, decisions);
  await screen(input);
  await askEveryTime(input);
  const timeline = await checkDailyLimit(input, decisions);
  if (timeline !== input.timeline) refuseFloors(input, floorsOfShortened(input, timeline));
  const startAfterColdGap = await checkColdGap(input, decisions);
  return { timeline, startAgreed: goOnAfterAdvice || startAfterColdGap };
}

/**
 * A plan shortened to fit the massage allowance is checked again: shorter massage between two
 * applications of cold or heat must not leave less than 10 minutes off.
 */
const floorsOfShortened = (input: PreflightInput, timeline: readonly TimelineEntry[]) =>
  floors(
    checkPlan(
      { routine: input.routine, timeline, routineAreas: input.routineAreas },
      input.allowance,
    ),
  ).filter((d) => d.rule === "structure");

/** A floor says no: said with its numbers, and nothing overrides it. */
function refuseFloors(input: PreflightInput, decisions: readonly Decision[]) {
  const { ctx, say } = input;
  // The massage ceiling shortens the massage instead (checkDailyLimit), when anything is left.
  const hard = floors(decisions).filter((d) => d.rule !== "massage-ceiling" || !massageFits(input));
  if (hard.length === 0) return;
  for (const d of hard) say(ctx.style.error(`Not started: ${decisionText(d, ctx.now())}.`));
  say(FLOOR_NOTE);
  if (hard.some((d) => d.rule === "stopped"))
    say(
      "A gentle stretch may still be fine (knot start stretch); knot safety lists when to get help.",
    );
  throw new NotStarted(ExitCode.endedEarly);
}

/**
 * A guidance-level check said no: ask at a terminal (Enter: no), else go on only with --force.
 * Returns whether the person said yes at the terminal (--force is not their answer).
 */
async function goOnAnyway(
  input: PreflightInput,
  question: string,
  overriding: string,
): Promise<boolean> {
  const { ask, say, ctx } = input;
  if (input.force) {
    say(ctx.style.warn(`Going on, as --force asks (overriding: ${overriding}).`));
    return false;
  }
  if (ask.can && (await ask.yesNo(question, { default: false }))) return true;
  if (!ask.can)
    say(`Not started. If you still want to, add --force (it overrides: ${overriding}).`);
  else say("Not started.");
  throw new NotStarted(ExitCode.endedEarly);
}

/** Things may not be getting better: "Go on anyway?". Returns whether the person said yes. */
async function checkTrend(input: PreflightInput, decisions: readonly Decision[]): Promise<boolean> {
  const { ctx, say } = input;
  const advice = decisions.find((d) => d.rule === "advice");
  if (!advice) return false;
  const trend = assessTrend(input.recent, ctx.now());
  const lines = trend.worse
    ? redFlagLines(trend.reasons)
    : [decisionText(advice, ctx.now()), ...redFlagLines([]).slice(1)];
  say(ctx.style.error(lines[0]!));
  for (const line of lines.slice(1)) say(line);
  say();
  return goOnAnyway(input, "Go on with this session anyway?", OVERRIDES.advice);
}

/**
 * A rating of 8 or more before a session: the red flags, then only gentle stretching or rest.
 * A session with massage, cold or heat is not started, and nothing overrides that; one of
 * gentle steps only goes on if the person says so (without a terminal, with --force).
 */
export async function checkHighRating(input: PreflightInput, rating: number | undefined) {
  if (rating === undefined || rating < HIGH_RATING_BEFORE) return;
  const { say, ctx } = input;
  say(ctx.style.error(`You rated your pain ${rating} out of 10.`));
  for (const line of stopAdvice().slice(3)) say(line);
  say();
  if (!isGentle(input.timeline)) {
    say(
      ctx.style.error(
        `Not started: with pain at ${HIGH_RATING_BEFORE} or more, knot starts no massage, cold or heat. Nothing overrides this.`,
      ),
    );
    say("Rest in a comfortable position, or try gentle stretching: knot start stretch");
    throw new NotStarted(ExitCode.endedEarly);
  }
  say(`With pain at ${HIGH_RATING_BEFORE} or more, only gentle stretching or rest.`);
  await goOnAnyway(
    input,
    "Go on with this gentle stretching (no: rest instead)?",
    "the advice to rest with pain this bad",
  );
}

/**
 * The screening before a session: the red flags (with the neck's before neck work) on one
 * screen, then each ask-first list due, one key each. Every answer is recorded with its date.
 */
async function screen(input: PreflightInput) {
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
    for (const group of screenGroups(due)) for (const line of screenLines(group)) say(line);
    throw new KnotError(
      "knot asks these questions before this session, and there is no terminal to ask in. --yes does not answer them.",
      { hint: SCREEN_HINT(due) },
    );
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
        for (const line of EMERGENCY_ADVICE) say(ctx.style.error(line));
        throw new NotStarted(ExitCode.endedEarly);
      }
      say(
        answer === "soon"
          ? "Please get that seen by a doctor (the same day, for the neck's signs). knot will not start a session for now."
          : `Please ask a doctor, nurse or physiotherapist before using ${screenName(group[0]!)}. knot will not start it for now.`,
      );
      // The neck's signs (dizziness, double vision, trouble speaking...) need help the same
      // day: like an emergency answer, nothing overrides them.
      if (!input.force || (answer === "soon" && group.includes("neck"))) {
        if (input.force) say("Nothing overrides this for the neck, not --force.");
        throw new NotStarted(ExitCode.endedEarly);
      }
      answered(group, "override");
      say(ctx.style.warn("Starting anyway, as --force asks (a clinician has said it is fine)."));
    }
  } finally {
    try {
      appendScreening(ctx.paths.data, answers);
    } catch (error) {
      warn(`Your answers could not be recorded (${describeFsError(error)}).`);
    }
  }
}

/** The absolute questions before cold or heat: asked every time, never stored, no override. */
async function askEveryTime(input: PreflightInput) {
  const { ask, say, ctx } = input;
  for (const kind of ["heat", "cold"] as const) {
    if (!input.timeline.some((s) => s.kind === kind)) continue;
    if (input.skinChecked) continue;
    if (!ask.can) {
      throw new KnotError(
        `knot asks about the skin before every ${kind} application, and there is no terminal to ask in. --yes does not answer this.`,
        {
          hint: `If none of these applies today, add --skin-checked:\n${EVERY_TIME[kind].map((q) => `  - ${q}`).join("\n")}`,
        },
      );
    }
    say(ctx.style.strong(`Before the ${kind} (asked every time):`));
    for (const question of EVERY_TIME[kind]) {
      if (await ask.yesNo(question)) {
        say();
        say(
          kind === "heat"
            ? "No heat today, then: heat can make a fresh injury, swelling or damaged skin worse, and numb or poorly circulating skin cannot feel a burn."
            : "No cold today, then: cold on broken or numb skin can damage it without you feeling it.",
        );
        say("Nothing overrides this. A gentle stretch may still be fine: knot start stretch.");
        throw new NotStarted(ExitCode.endedEarly);
      }
    }
  }
}

/** Shortens massage steps so that no area passes what is left of its allowance. */
export function fitToLimit(
  timeline: readonly TimelineEntry[],
  routineAreas: readonly Area[],
  leftByArea: Map<Area, number>,
): TimelineEntry[] {
  const planned = plannedMassage(timeline, routineAreas);
  const factor = (area: Area) =>
    Math.min(1, Math.max(0, leftByArea.get(area) ?? Infinity) / (planned.get(area) ?? 1));
  return timeline.flatMap((step) => {
    if (step.kind !== "massage" || step.seconds === null) return [step];
    const scale = Math.min(...massageAreas(step.area, routineAreas).map(factor));
    const seconds = Math.floor(step.seconds * scale);
    return seconds >= 5 ? [{ ...step, seconds }] : [];
  });
}

const leftUnder = (input: PreflightInput, under: "limit" | "ceiling") => {
  const planned = plannedMassage(input.timeline, input.routineAreas);
  return new Map(
    [...planned.keys()].map((area) => [area, massageLeft(input.allowance, area, under)]),
  );
};

/** Whether any massage is left once the plan is shortened to the 30-minute ceiling. */
const massageFits = (input: PreflightInput) =>
  fitToLimit(input.timeline, input.routineAreas, leftUnder(input, "ceiling")).some(
    (s) => s.kind === "massage",
  );

async function checkDailyLimit(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<TimelineEntry[]> {
  const { ctx, say, timeline, routineAreas, ask } = input;
  const limitLeft = leftUnder(input, "limit");
  const ceilingLeft = leftUnder(input, "ceiling");
  const over = decisions.find((d) => d.rule === "massage-limit" || d.rule === "massage-ceiling");
  if (!over) return capMassage(timeline, routineAreas, limitLeft);

  const [head = "", ...areaLines] = decisionText(over, ctx.now()).split("\n");
  say(ctx.style.warn(capitalise(head)));
  for (const line of areaLines) say(line);
  const fitted = fitToLimit(timeline, routineAreas, limitLeft);
  const fits = fitted.some((s) => s.kind === "massage");
  // Past the limit is guidance; the ceiling is a floor: "anyway" goes at most up to it.
  // "+" never lengthens past what was chosen.
  const anyway = capMassage(
    fitToLimit(timeline, routineAreas, ceilingLeft),
    routineAreas,
    new Map(),
  );
  // What "anyway" would run: past the person's limit, never past the ceiling.
  const anywayFits = anyway.some((s) => s.kind === "massage");
  const pastCeiling = over.rule === "massage-ceiling";
  if (input.force && anywayFits) {
    say(
      ctx.style.warn(
        `  Going past it, as --force asks (overriding: ${OVERRIDES["massage-limit"]})${pastCeiling ? ", shortened to the ceiling" : ""}.`,
      ),
    );
    return anyway;
  }
  if (!ask.can || (input.force && !anywayFits)) {
    if (!fits) {
      say(
        anywayFits
          ? "  Nothing is left of your limit. Not started; --force goes past your limit, never past the 30-minute ceiling."
          : "  Nothing is left under the 30-minute ceiling. Not started; nothing overrides the ceiling.",
      );
      throw new NotStarted(ExitCode.endedEarly);
    }
    say(
      "  The massage is shortened to fit the limit (--force goes past it, never past the 30-minute ceiling).",
    );
    return capMassage(fitted, routineAreas, new Map());
  }
  const choice = await ask.choose("What would you like to do?", [
    ...(fits ? [{ name: "Shorten the massage to fit the limit", value: "fit" as const }] : []),
    ...(anywayFits
      ? [{ name: "Go ahead anyway (never past the 30-minute ceiling)", value: "go" as const }]
      : []),
    { name: "Stop here", value: "stop" as const },
  ]);
  if (choice === "stop") throw new NotStarted(ExitCode.endedEarly);
  if (choice === "go") say(ctx.style.warn(`  Going past ${OVERRIDES["massage-limit"]}.`));
  return choice === "fit" ? capMassage(fitted, routineAreas, new Map()) : anyway;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Caps each massage step for "+": its own length plus its share of what the allowance still
 * has room for beyond the plan (none when the plan already fills or passes it).
 */
export function capMassage(
  timeline: readonly TimelineEntry[],
  routineAreas: readonly Area[],
  leftByArea: Map<Area, number>,
): TimelineEntry[] {
  const planned = plannedMassage(timeline, routineAreas);
  const stepsByArea = new Map<Area, number>();
  for (const step of timeline) {
    if (step.kind !== "massage" || step.seconds === null) continue;
    for (const area of massageAreas(step.area, routineAreas))
      stepsByArea.set(area, (stepsByArea.get(area) ?? 0) + 1);
  }
  const share = (area: Area) =>
    Math.max(0, (leftByArea.get(area) ?? 0) - (planned.get(area) ?? 0)) /
    (stepsByArea.get(area) ?? 1);
  return timeline.map((step) => {
    if (step.kind !== "massage" || step.seconds === null) return step;
    const room = Math.min(...massageAreas(step.area, routineAreas).map(share), Infinity);
    return { ...step, maxSeconds: step.seconds + Math.floor(Number.isFinite(room) ? room : 0) };
  });
}

/** Cold again within 2 hours: "Start anyway?". Returns whether the person said yes to it. */
async function checkColdGap(
  input: PreflightInput,
  decisions: readonly Decision[],
): Promise<boolean> {
  const { ctx, say } = input;
  const gap = decisions.find((d) => d.rule === "cold-gap");
  if (!gap) return false;
  say(ctx.style.warn(`${capitalise(decisionText(gap, ctx.now()))}.`));
  return goOnAnyway(input, "Start anyway?", OVERRIDES["cold-gap"]);
}
