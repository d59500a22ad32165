import { localized } from "./locale.js";

/**
 * The words of knot's settings folder: what `knot config reset` keeps, and what is said when
 * the reminders and screening answers an older knot kept in config.json cannot move to files
 * of their own, or when one of those files cannot be read.
 */
export const settingsText = localized({
  notASetting: (key: string, suggestion: string) => `${key} is not a setting.${suggestion}`,
  settings: (keys: string) => `Settings: ${keys}`,
  notTrueFalse: (key: string, raw: string) => `${key} must be true or false, not ${raw}.`,
  notInRange: (key: string, minimum: number, maximum: number, raw: string) =>
    `${key} must be a whole number from ${minimum} to ${maximum}, not ${raw}.`,
  notOneOf: (key: string, values: string, raw: string, suggestion: string) =>
    `${key} must be one of ${values}, not ${raw}.${suggestion}`,
  settingNotCommand: (word: string) => `${word} is a setting, not a command.`,
  settingNotCommandHint: (word: string) =>
    `To see it: knot config get ${word}. To change it: knot config set ${word} <value>.`,
  noConfigCommand: (word: string, suggestion: string) =>
    `There is no config command ${word}.${suggestion}`,
  configCommands: (commands: string) =>
    `knot config ${commands}; knot config list shows every setting.`,
  resetDone:
    "All settings are back to their defaults. Kept as they were: your reminders, your safety screening answers and your history.",
  notMoved: (file: string, why: string) =>
    `Your reminders and safety answers are still in ${file}: they could not be moved to files of their own (${why}). knot reads them there.`,
  remindersNotMoved: (from: string, to: string) =>
    `the reminders in ${from} could not be moved to ${to}`,
  remindersUnreadable: (file: string, why: string) =>
    `the reminders file ${file} cannot be read (${why})`,
  remindersRenamed: (moved: readonly (readonly [string, string])[]) =>
    `${moved.map(([from, to]) => `Reminder ${from} of your old settings file is now ${to}`).join("; ")}: the reminders file already had ${moved.length > 1 ? "those ids" : "that id"}. Run knot remind repair so that the system's scheduler runs each reminder under its own id.`,
  remindersUnreadableHint: (file: string) =>
    `Fix ${file} (it holds {"reminders": [...]}), or move it aside to start afresh; knot config path lists knot's files.`,
  remindersFixHint:
    "Fix the file named, or move it aside to start afresh; knot config path lists knot's files.",
  remindersAside: (aside: string, file: string) =>
    `your reminders are in ${aside}, a settings file knot moved aside because it could not be read; to get them back, fix it and copy its "reminders" list into ${file} as {"reminders": [...]}, then run knot remind repair`,
  remindersLinkHint: (file: string) =>
    `Nothing was changed. Replace the link with a copy of the file it points to (cp --remove-destination "$(readlink -f ${file})" ${file}), then try again.`,
  remindersLeftAside: (aside: string, file: string) =>
    `${aside} holds your reminders, which knot could not read: to get them back, fix it and copy its "reminders" list into ${file} as {"reminders": [...]}, then run knot remind repair.`,
  keptAnswersUnreadable: (why: string) =>
    `Your earlier safety answers could not be read (${why}): knot asks them again.`,
});
