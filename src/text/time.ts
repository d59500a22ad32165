import { formatClock, formatMinutes } from "../duration.js";
import type { SessionSummary } from "../session/engine.js";
import { localized } from "./locale.js";

/** The words for the time a session took. */
export const timeText = localized({
  withAdded: (done: string, added: string) => `${done}, with ${added} added`,
  of: (done: string, planned: string) => `${done} of ${planned}`,
});

/**
 * The time a session took, on the same clock as the countdown: "9:35 of 9:35", "4:10 of 9:35"
 * when it stopped early, and "1:13, with 0:13 added" when + lengthened it, never "1:13 of 1:00".
 */
export function timeDoneWords(
  summary: Pick<SessionSummary, "doneSeconds" | "plannedSeconds" | "addedSeconds">,
): string {
  const { doneSeconds, plannedSeconds, addedSeconds } = summary;
  if (addedSeconds > 0 && doneSeconds > plannedSeconds)
    return timeText.withAdded(formatClock(doneSeconds), formatClock(addedSeconds));
  return timeText.of(formatClock(doneSeconds), formatClock(plannedSeconds));
}

/**
 * The same words for a session in the history: a record keeps the time done and planned, and
 * any time past the plan was added with +.
 */
export function recordTimeWords(record: { doneSeconds: number; plannedSeconds: number }): string {
  const { doneSeconds, plannedSeconds } = record;
  return timeDoneWords({
    doneSeconds,
    plannedSeconds,
    addedSeconds: Math.max(0, doneSeconds - plannedSeconds),
  });
}

/** How long ago something happened: "just now" under a minute, then "3m ago". */
const agoText = localized({
  justNow: "just now",
  ago: (minutes: string) => `${minutes} ago`,
});
export const agoWords = (ms: number): string =>
  ms < 60_000 ? agoText.justNow : agoText.ago(formatMinutes(ms));
