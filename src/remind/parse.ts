import { KnotError } from "../errors.js";
import { remindText } from "../text/remind.js";
import { quote } from "../ui/safe.js";
import { type Day, REMINDER_LIMITS, readBetween, readDays, readEvery } from "./model.js";

/** The reminders' options as knot remind reads them: the value, or a refusal in words. */

/** "1h", "45m", "1h30m", "90" (minutes): minutes between reminders. */
export function parseEvery(text: string): number {
  const minutes = readEvery(text);
  if (minutes === undefined)
    throw new KnotError(
      remindText.badEvery(quote(text), REMINDER_LIMITS.minEvery, REMINDER_LIMITS.maxEvery / 60),
    );
  return minutes;
}

/** "09:00-17:30": from and to, local time, from before to. */
export function parseBetween(text: string): [string, string] {
  const between = readBetween(text);
  if (between === undefined) throw new KnotError(remindText.badBetween(quote(text)));
  return between;
}

/** "mon-fri", "mon,wed,fri", "weekdays", "weekend", "daily". */
export function parseDays(text: string): Day[] {
  const days = readDays(text);
  if (days === undefined) throw new KnotError(remindText.badDays(quote(text)));
  return days;
}
