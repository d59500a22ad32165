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
  remindersDamaged: (file: string, why: string) =>
    `The reminders file ${file} cannot be read (${why}).`,
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
  /** What each setting does, for knot config list (by the key's name). */
  described: {
    leadIn: 'Seconds of "Get ready" before the first step',
    sound: "Ring the terminal bell at step changes",
    voice: "Speak cues aloud (espeak-ng or say)",
    voiceWords: "With voice on: speak each step's instruction too, or its name only",
    notify: "Desktop notification when a step of a minute or more ends",
    display: "How the countdown is drawn",
    "cold.minutes": "Minutes the cold pack stays on in knot cycle",
    "cold.offMinutes": "Minutes off between cold rounds",
    "cold.rounds": "Rounds of cold in knot cycle",
    "massage.dailyLimitMinutes": "Daily self-massage limit per body area, in minutes",
    checkin: "Ask how bad the pain is before and after a session",
  },
  guidance: {
    massageLimit:
      "knot's default, 6 minutes per area a day, is the stricter of its two sources; 30 (5 minutes, 6 times a day) is the looser source's own most, and knot's ceiling.",
  },
  // knot config list, get, set, unset, path
  headings: { key: "KEY", value: "VALUE", accepts: "ACCEPTS", does: "WHAT IT DOES" },
  /** A setting's value or what it accepts, as it is: data in a cell of its own. */
  cell: (value: string) => value,
  notDefault: (described: string, value: string) => `${described} (default ${value})`,
  assigned: (key: string, value: string) => `${key} = ${value}`,
  assignedDefault: (key: string, value: string) => `${key} = ${value} (default)`,
  /** One of knot's files, by its path (knot config path). */
  fileLine: (path: string) => path,
  checkinOff:
    "With the check-in off, knot asks no pain ratings, so the getting-worse checks that need them do not run: pain rising over days, pain worse after sessions than before, pain staying at 7 or more, a rating of 8 or more, and no fall in pain after 3 weeks on an area. Nor can a high rating after a session stop that routine for the day. knot still notices sessions stopped because they hurt, and an area worked for 3 weeks with no rating. knot safety lists the checks; knot config set checkin true turns the check-in back on.",
  // the settings file knot cannot use
  badValues: (keys: string) => `${keys}: a value knot cannot use`,
  remindersNotList: '"reminders" is not a list',
  movedAside: (why: string, aside: string) =>
    `Your settings file could not be read (${why}).\nIt was moved to ${aside} and knot is using the default settings.`,
  couldNotOpen: (path: string, why: string) => `Could not open the settings file ${path}: ${why}`,
  couldNotOpenHint: "Check that the folder exists and that you can write to it.",
  couldNotSave: (path: string, why: string) => `Could not save your settings to ${path}: ${why}.`,
  couldNotSaveHint:
    "Nothing was changed. Check that you may write to the folder and that the disk has room.",
  couldNotRead: (path: string, why: string) => `Could not read the settings file ${path}: ${why}.`,
  couldNotReadHint: "Move it aside (knot starts again from the defaults), or see knot config path.",
  isLink: (path: string) =>
    `The settings file ${path} is a symbolic link; knot never writes through a link in its own folders.`,
  isLinkHint: (path: string) =>
    `Nothing was changed. Replace the link with a copy of the file it points to (cp --remove-destination "$(readlink -f ${path})" ${path}), then try again.`,
});
