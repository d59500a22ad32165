import { formatDuration } from "../duration.js";
import { type TimelineEntry, totalSeconds } from "./timeline.js";
import type { Issue } from "./validate.js";
import { isInclude, isRepeat, type Routine, type StepItem } from "./vocabulary.js";

/**
 * Safety limits from knot's health facts (shared/health-facts.md): cold and heat at most
 * 20 minutes at a time; stretch holds up to 30 seconds. The others catch mistakes.
 */
export const LIMITS = {
  thermalSeconds: 20 * 60,
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
      if ((item.kind === "cold" || item.kind === "heat") && seconds > LIMITS.thermalSeconds) {
        issues.push({
          severity: "error",
          path: durationPath,
          message: `${item.kind} for ${formatDuration(seconds)} is too long: apply ${item.kind} for at most 20 minutes at a time`,
        });
      } else if (seconds > LIMITS.stepSeconds) {
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
