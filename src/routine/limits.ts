import { MASSAGE_LIMIT_MINUTES, THERMAL_RULES } from "../health.js";
import { checkSessionRules } from "../safety/rules.js";
import type { Finding, Problem } from "./issue.js";
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
export function checkLimits(routine: Routine, timeline: readonly TimelineEntry[]): Finding[] {
  return [...limitErrors(routine, timeline), ...routineWarnings(routine, timeline)];
}

function limitErrors(routine: Routine, timeline: readonly TimelineEntry[]): Finding[] {
  const issues: Finding[] = [];
  const error = (path: string, problem: Problem) =>
    issues.push({ severity: "error", path, problem });
  const noArea = routine.areas.length === 0;
  const reported = new Set<string>();
  for (const walked of walk(routine.steps)) {
    if ("group" in walked) {
      const { repeat } = walked.group;
      if (repeat > LIMITS.repeat)
        error(`${walked.path}.repeat`, { code: "repeat-over", repeat, max: LIMITS.repeat });
      continue;
    }
    const { step, path } = walked;
    // Cold and heat are checked as whole applications, by the session rules below.
    if (step.seconds !== null && !isThermal(step.kind) && step.seconds > LIMITS.stepSeconds) {
      error(`${path}.duration`, { code: "step-too-long", seconds: step.seconds });
    }
    const thermal = kindForThermalText(step);
    if (thermal) {
      error(`${path}.kind`, {
        code: "thermal-text",
        name: step.name,
        what: thermal.what,
        kind: thermal.kind,
        onMinutes: THERMAL_RULES.maxApplicationSeconds / 60,
        offMinutes: THERMAL_RULES.minOffSeconds / 60,
      });
    }
    if (step.kind === "massage" && !step.area && noArea) {
      reported.add(step.name);
      error(`${path}.area`, { code: "massage-no-area", name: step.name });
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
      error("areas", { code: "included-massage-no-area", name });
    }
  }
  for (const [area, seconds] of massageByArea(routine, timeline)) {
    if (seconds > LIMITS.massageCeilingSeconds) {
      error("steps", {
        code: "massage-over-ceiling",
        area,
        seconds,
        maxMinutes: massageLimit.maximum,
      });
    }
  }
  // In a file every session rule is an error: --force is for a person's own ad-hoc cycle.
  for (const breach of checkSessionRules(timeline)) {
    error("steps", { code: "session-rule", breach });
  }
  const total = totalSeconds(timeline);
  if (total > LIMITS.routineSeconds) {
    error("steps", { code: "routine-too-long", seconds: total });
  }
  return issues;
}

/**
 * Advice on a routine that does not stop it: holds longer than stretching guidance suggests,
 * instructions too long to be said within their step, and more massage on an area than the
 * default daily limit. Pure, so `knot validate`, `show` and `start` can all give it.
 */
export function routineWarnings(routine: Routine, timeline: readonly TimelineEntry[]): Finding[] {
  const issues: Finding[] = [];
  const warn = (path: string, problem: Problem) =>
    issues.push({ severity: "warning", path, problem });
  for (const walked of walk(routine.steps)) {
    if ("group" in walked) continue;
    const { step, path } = walked;
    if (step.seconds === null) continue;
    if (step.kind === "hold" && step.seconds > LIMITS.holdSeconds) {
      warn(`${path}.duration`, { code: "hold-too-long", seconds: step.seconds });
    }
    const spoken = { ...step, ...(step.sides ? { side: "left" as const } : {}) };
    if (!fitsInStep(spoken)) warn(...speechWarning(spoken, path));
  }
  for (const [area, seconds] of massageByArea(routine, timeline)) {
    if (seconds > LIMITS.massageDefaultSeconds && seconds <= LIMITS.massageCeilingSeconds) {
      warn("steps", {
        code: "massage-over-default",
        area,
        seconds,
        defaultMinutes: massageLimit.default,
      });
    }
  }
  return issues;
}

function speechWarning(
  step: Step & { side?: "left" },
  path: string,
): [path: string, problem: Problem] {
  const seconds = step.seconds ?? 0;
  const words = spokenWords(announcement(step));
  const room =
    Math.floor(seconds * WORDS_PER_SECOND) -
    spokenWords(announcement({ ...step, instruction: "" }));
  return [
    step.instruction ? `${path}.instruction` : path,
    {
      code: "speech-too-long",
      seconds: Math.ceil(words / WORDS_PER_SECOND),
      words,
      stepSeconds: seconds,
      room,
      instruction: !!step.instruction,
    },
  ];
}
