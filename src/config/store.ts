/**
 * knot's settings folder, by file: config.json (the preferences the person set: settings.ts),
 * reminders.json (remind/store.ts), screening.json (safety/screening-answers.ts), moved once
 * from an older knot's single config.json (move.ts). Re-exported here for the commands.
 */

export {
  type ReminderSettings,
  readReminderSettings,
  remindersMovedAside,
  writeReminderList,
} from "../remind/store.js";
export { withoutPinnedDefaults } from "./pinned.js";
export {
  type ConfigStore,
  openConfig,
  readSettings,
  type Settings,
} from "./settings.js";
