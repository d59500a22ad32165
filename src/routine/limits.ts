import { formatDuration } from "../duration.js";
import { MASSAGE_LIMIT_MINUTES, THERMAL_RULES } from "../health.js";
import { checkSessionRules } from "../safety/rules.js";
import type { Issue } from "./issue.js";
import { announcement, fitsInStep, spokenWords, WORDS_PER_SECOND } from "./speech-fit.js";
import { kindForThermalText } from "./thermal-words.js";
import { type TimelineEntry, totalSeconds } from "./timeline.js";
import {
  type Area,
  isInclude,
  isRepeat,
  isThermal,
  type RepeatGroup,
  type Routine,
  type Step,
  type StepItem,
} from "./vocabulary.js";

const massageLimit = MASSAGE_LIMIT_MINUTES;

/**
 * Safety limits from knot's health guidance (docs/health-guidance.md): stretch holds up to 30
 * seconds, the session rules for cold and heat (safety/rules.ts), and self-massage against the
 * daily limit per area (6 minutes by default, 30 at most). The others catch mistakes.
 */
export const LIMITS = {
  thermalSeconds: THERMAL_RULES.maxApplicationSeconds,
  holdSeconds: 30,
  stepSeconds: 60 * 60,
  routineSeconds: 3 * 60 * 60,
  repeat: 20,
  massageDefaultSeconds: massageLimit.default * 60,
  massageCeilingSeconds: massageLimit.maximum * 60,
} as const;

type Walked = { step: Step; path: string } | { group: RepeatGroup; path: string };

/** The routine's own steps and repeat groups with their JSON paths; included routines are checked on their own. */
function walk(items: StepItem[], path = "steps"): Walked[] {
  return items.flatMap((item, i): Walked[] => {
    const at = `${path}[${i}]`;
    if (isInclude(item)) return [];
    if (isRepeat(item)) return [{ group: item, path: at }, ...walk(item.steps, `${at}.steps`)];
    return [{ step: item, path: at }];
  });
}

/** The areas a massage step counts against: its own, or else the routine's (as the daily limit counts). */
const massageAreas = (step: TimelineEntry, routine: Routine): Area[] =>
  step.area ? [step.area] : routine.areas;

/** Seconds of massage per area over a whole session. */
export function massageByArea(routine: Routine, timeline: readonly TimelineEntry[]) {
  const totals = new Map<Area, number>();
  for (const step of timeline) {
    if (step.kind !== "massage" || step.seconds === null) continue;
    for (const area of massageAreas(step, routine))
      totals.set(area, (totals.get(area) ?? 0) + step.seconds);
  }
  return totals;
}

/** Everything wrong with a routine that its format alone cannot say: errors, then warnings. */
export function checkLimits(routine: Routine, timeline: readonly TimelineEntry[]): Issue[] {
  return [...limitErrors(routine, timeline), ...routineWarnings(routine, timeline)];
}

function limitErrors(routine: Routine, timeline: readonly TimelineEntry[]): Issue[] {
  const issues: Issue[] = [];
  const error = (path: string, message: string) =>
    issues.push({ severity: "error", path, message });
  const noArea = routine.areas.length === 0;
  const reported = new Set<string>();
  for (const walked of walk(routine.steps)) {
    if ("group" in walked) {
      const { repeat } = walked.group;
      if (repeat > LIMITS.repeat)
        error(
          `${walked.path}.repeat`,
          `repeats ${repeat} times; at most ${LIMITS.repeat} are allowed`,
        );
      continue;
    }
    const { step, path } = walked;
    // Cold and heat are checked as whole applications, by the session rules below.
    if (step.seconds !== null && !isThermal(step.kind) && step.seconds > LIMITS.stepSeconds) {
      error(
        `${path}.duration`,
        `${formatDuration(step.seconds)} is too long for one step; at most 60 minutes`,
      );
    }
    const thermal = kindForThermalText(step);
    if (thermal) {
      error(
        `${path}.kind`,
        `"${step.name}" is about ${thermal.what}, so it must be a ${thermal.kind} step ("kind": "${thermal.kind}"): only then does knot time it and keep it to the ${thermal.kind} rules (at most ${THERMAL_RULES.maxApplicationSeconds / 60} minutes on, then at least ${THERMAL_RULES.minOffSeconds / 60} off)`,
      );
    }
    if (step.kind === "massage" && !step.area && noArea) {
      reported.add(step.name);
      error(
        `${path}.area`,
        `the massage step "${step.name}" has no area, and the routine lists none, so it could not be counted against the daily massage limit; give it an "area" (or the routine "areas")`,
      );
    }
  }
  if (noArea) {
    // Massage steps of included routines count against this routine's areas too.
    const included = new Set(
      timeline
        .filter((t) => t.kind === "massage" && !t.area && !reported.has(t.name))
        .map((t) => t.name),
    );
    for (const name of included) {
      error(
        "areas",
        `the included massage step "${name}" has no area, and this routine lists none, so it could not be counted against the daily massage limit; give this routine "areas"`,
      );
    }
  }
  for (const [area, seconds] of massageByArea(routine, timeline)) {
    if (seconds > LIMITS.massageCeilingSeconds) {
      error(
        "steps",
        `massages the ${area} for ${formatDuration(seconds)}, more than ${massageLimit.maximum} minutes, the most the daily massage limit per area can ever be`,
      );
    }
  }
  // In a file every session rule is an error: --force is for a person's own ad-hoc cycle.
  for (const breach of checkSessionRules(timeline)) {
    error("steps", `${breach.message} [${breach.rule}]`);
  }
  const total = totalSeconds(timeline);
  if (total > LIMITS.routineSeconds) {
    error("steps", `the routine lasts ${formatDuration(total)}; at most 3 hours are allowed`);
  }
  return issues;
}

/**
 * Advice on a routine that does not stop it: holds longer than stretching guidance suggests,
 * instructions too long to be said within their step, and more massage on an area than the
 * default daily limit. Pure, so `knot validate`, `show` and `start` can all give it.
 */
export function routineWarnings(routine: Routine, timeline: readonly TimelineEntry[]): Issue[] {
  const issues: Issue[] = [];
  const warn = (path: string, message: string) =>
    issues.push({ severity: "warning", path, message });
  for (const walked of walk(routine.steps)) {
    if ("group" in walked) continue;
    const { step, path } = walked;
    if (step.seconds === null) continue;
    if (step.kind === "hold" && step.seconds > LIMITS.holdSeconds) {
      warn(
        `${path}.duration`,
        `a ${formatDuration(step.seconds)} hold is longer than the 10-30 seconds that stretching guidance suggests`,
      );
    }
    const spoken = { ...step, ...(step.sides ? { side: "left" as const } : {}) };
    if (!fitsInStep(spoken)) warn(...speechWarning(spoken, path));
  }
  for (const [area, seconds] of massageByArea(routine, timeline)) {
    if (seconds > LIMITS.massageDefaultSeconds && seconds <= LIMITS.massageCeilingSeconds) {
      warn(
        "steps",
        `massages the ${area} for ${formatDuration(seconds)}, more than knot's default daily limit of ${massageLimit.default} minutes per area (the setting massage.dailyLimitMinutes); before it starts, knot offers to shorten it`,
      );
    }
  }
  return issues;
}

function speechWarning(
  step: Step & { side?: "left" },
  path: string,
): [path: string, message: string] {
  const seconds = step.seconds ?? 0;
  const words = spokenWords(announcement(step));
  const room =
    Math.floor(seconds * WORDS_PER_SECOND) -
    spokenWords(announcement({ ...step, instruction: "" }));
  const said = `said aloud with its name, it takes about ${formatDuration(Math.ceil(words / WORDS_PER_SECOND))} (${words} words at 150 words a minute), longer than the step's ${formatDuration(seconds)}`;
  const fix =
    step.instruction && room > 0
      ? `shorten the instruction to at most ${room} words, or put the how-to in a prepare step before it`
      : "shorten the name, or make the step longer";
  return [step.instruction ? `${path}.instruction` : path, `${said}; ${fix}`];
}
