import { formatDuration } from "../duration.js";
import { checkSessionRules, THERMAL_RULES } from "../safety/rules.js";
import { type TimelineEntry, totalSeconds } from "./timeline.js";
import type { Issue } from "./validate.js";
import { isInclude, isRepeat, type Routine, type StepItem } from "./vocabulary.js";

/**
 * Safety limits from knot's health guidance (docs/health-guidance.md): stretch holds up to 30
 * seconds, and the session rules for cold and heat (safety/rules.ts). The others catch mistakes.
 */
export const LIMITS = {
  thermalSeconds: THERMAL_RULES.maxApplicationSeconds,
  holdSeconds: 30,
  stepSeconds: 60 * 60,
  routineSeconds: 3 * 60 * 60,
  repeat: 20,
} as const;

export function checkLimits(routine: Routine, timeline: readonly TimelineEntry[]): Issue[] {
  const issues: Issue[] = [];
  const walk = (items: StepItem[], path: string) => {
    items.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (isInclude(item)) return; // the included routine is checked on its own
      if (isRepeat(item)) {
        if (item.repeat > LIMITS.repeat) {
          issues.push({
            severity: "error",
            path: `${at}.repeat`,
            message: `repeats ${item.repeat} times; at most ${LIMITS.repeat} are allowed`,
          });
        }
        walk(item.steps, `${at}.steps`);
        return;
      }
      const seconds = item.seconds;
      if (seconds === null) return;
      const durationPath = `${at}.duration`;
      // Cold and heat are checked as whole applications, by the session rules below.
      if (item.kind !== "cold" && item.kind !== "heat" && seconds > LIMITS.stepSeconds) {
        issues.push({
          severity: "error",
          path: durationPath,
          message: `${formatDuration(seconds)} is too long for one step; at most 60 minutes`,
        });
      }
      if (item.kind === "hold" && seconds > LIMITS.holdSeconds) {
        issues.push({
          severity: "warning",
          path: durationPath,
          message: `a ${formatDuration(seconds)} hold is longer than the 10-30 seconds that stretching guidance suggests`,
        });
      }
    });
  };
  walk(routine.steps, "steps");
  // In a file every session rule is an error: --force is for a person's own ad-hoc cycle.
  for (const breach of checkSessionRules(timeline)) {
    issues.push({
      severity: "error",
      path: "steps",
      message: `${breach.message} [${breach.rule}]`,
    });
  }
  const total = totalSeconds(timeline);
  if (total > LIMITS.routineSeconds) {
    issues.push({
      severity: "error",
      path: "steps",
      message: `the routine lasts ${formatDuration(total)}; at most 3 hours are allowed`,
    });
  }
  return issues;
}
