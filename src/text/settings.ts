import { localized } from "./locale.js";

/**
 * The words of knot's settings folder: what `knot config reset` keeps, and what is said when
 * the reminders and screening answers an older knot kept in config.json cannot move to files
 * of their own, or when one of those files cannot be read.
 */
export const settingsText = localized({
  resetDone:
    "All settings are back to their defaults. Kept as they were: your reminders, your safety screening answers and your history.",
  notMoved: (file: string, why: string) =>
    `Your reminders and safety answers are still in ${file}: they could not be moved to files of their own (${why}). knot reads them there.`,
  remindersNotMoved: (from: string, to: string) =>
    `the reminders in ${from} could not be moved to ${to}`,
  remindersUnreadable: (file: string, why: string) =>
    `the reminders file ${file} cannot be read (${why})`,
  keptAnswersUnreadable: (why: string) =>
    `Your earlier safety answers could not be read (${why}): knot asks them again.`,
});
