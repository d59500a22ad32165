import { readReminderSettings } from "../config/store.js";
import { said, remindText as t } from "../text/remind.js";
import { safeText } from "../ui/safe.js";
import { readRemindState } from "./state.js";

/**
 * Reminders that need the person, one line each (for `knot today`): a reminder whose last
 * firing could not reach them, with the fix, and settings reminders cannot fully use.
 */
export function reminderTrouble(paths: { config: string; data: string }): string[] {
  const current = readReminderSettings(paths.config);
  const kept = readRemindState(paths.data);
  const out = current.reminders.flatMap((r) => {
    const f = kept.reminders[r.id]?.failure;
    return f ? [t.troubleReach(r.id, said(f.reason), said(f.fix))] : [];
  });
  for (const id of current.unreadable) {
    const f = kept.reminders[id]?.failure;
    if (f) out.push(t.troubleOf(id, said(f.reason), said(f.fix)));
  }
  if (current.problem && out.length === 0) out.push(t.troubleSettings(said(current.problem)));
  return out.map((line) => safeText(line));
}
