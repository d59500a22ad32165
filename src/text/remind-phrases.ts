import { dayKey } from "../history/analysis.js";
import type { NudgeRoutine } from "../remind/decide.js";
import { DEFAULT_BETWEEN, DEFAULT_DAYS, type Reminder } from "../remind/model.js";
import { clockTime } from "../safety/clock.js";
import type { KeptReason } from "../safety/trend.js";
import { reasonText } from "./trend.js";

/**
 * The phrases the reminders' messages are built from: a reminder's schedule, a time from now,
 * the advice that holds reminders, and a notification's body.
 */

/** "desk-break every 1h, 09:00-17:30, mon-fri", or "cold-cycle once, at 2026-11-30 09:00". */
export function describe(reminder: Reminder): string {
  if (reminder.kind === "once") {
    // dates and times as knot shows them everywhere: 2026-11-30 09:00, whatever the locale
    const at = Date.parse(reminder.at!);
    return `${reminder.routine} once, at ${dayKey(at)} ${clockTime(at)}`;
  }
  const days = reminder.days ?? DEFAULT_DAYS;
  const dayText =
    days.length === 7
      ? "every day"
      : days.join(",") === DEFAULT_DAYS.join(",")
        ? "mon-fri"
        : days.join(",");
  const every = reminder.every ?? 60;
  const everyText =
    every % 60 === 0
      ? `${every / 60}h`
      : every > 60
        ? `${Math.floor(every / 60)}h${every % 60}m`
        : `${every}m`;
  const [from, to] = reminder.between ?? DEFAULT_BETWEEN;
  return `${reminder.routine} every ${everyText}, ${from}-${to}, ${dayText}`;
}

/** A time today, else with the day of the week ("Tue 09:00"). */
export function when(ms: number, now: number): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return sameDay
    ? clockTime(ms)
    : `${new Date(ms).toLocaleDateString(undefined, { weekday: "short" })} ${clockTime(ms)}`;
}

/** What knot says instead of a nudge while a getting-worse rule is active. */
export function adviceText(reasons: readonly KeptReason[]): string {
  return `Things may not be getting better: ${reasons.map(reasonText).join("; ")}. Please see a doctor before carrying on; knot holds its reminders until then.`;
}

/** What the notification says: what, and for how long, and how to start it. */
export type ReminderRoutine = NudgeRoutine & { summary: string; seconds: number };

export function reminderBody(routine: ReminderRoutine): string {
  const summary = routine.summary.trim().replace(/\.$/, "");
  const what =
    summary === ""
      ? `about ${Math.max(1, Math.round(routine.seconds / 60))} minutes`
      : summary.charAt(0).toLowerCase() + summary.slice(1);
  return `${routine.name}: ${what}. Run: knot start ${routine.id}`;
}
