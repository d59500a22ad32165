// Long: the reminders' one table of words, read whole: a message kept in a reminder's state or log is looked up in it by id.
import type { Nudge } from "../remind/decide.js";
import type { KeptReason } from "../safety/trend.js";
import { localized } from "./locale.js";
import {
  adviceText,
  describe,
  type ReminderRoutine,
  reminderBody,
  when,
} from "./remind-phrases.js";
import { settingsText } from "./settings.js";
import { trendMessage, trendText } from "./trend.js";

/**
 * The reminders' words: what a reminder is, what setting, stopping, listing and repairing
 * them say. Ids, routine ids, times and paths come in as data.
 */

const fixTheFile = "Fix the file (knot config path shows it), or move it aside to start afresh.";

export const remindText = localized({
  advice: adviceText,
  reminderBody,
  /** A reminder's title: the routine's name as given. */
  title: (name: string) => name,
  quiet: (why: string) => `quiet: ${why}`,
  waitingNow: (why: string) => `waiting: ${why}`,
  longPast: "quiet: a one-time reminder long past, removed",
  alreadyReminded: "quiet: already reminded",
  advised: "advised to see a doctor",
  /** Why knot advised a doctor, as a log line keeps it: each reason (src/text/trend.ts). */
  trend: trendText,
  /** Two reasons or more, one after the other. */
  reasonList: (...reasons: string[]) => reasons.join("; "),
  reminded: (body: string) => `reminded: ${body}`,
  couldNotReach: (id: string, reason: string, fix: string) =>
    `knot: reminder ${id} could not reach you: ${reason}.\nFix: ${fix}.`,
  start: "Start",
  // knot remind --here
  hereNoTerminal: "knot remind --here keeps reminders in a terminal, and there is none here.",
  hereNoTerminalHint: "Run it in a terminal tab, or let the system run them: knot remind every 1h",
  nothingToKeep: "No reminders to keep.",
  nothingToKeepHint:
    "Set one first: knot remind every 1h --between 09:00-17:30 (add --here to this later)",
  nextHere: (routine: string, at: string) => `next: ${routine} at ${at}`,
  noneThisWeek: "no reminder due in the coming week",
  status: (text: string) => `${text}  (q quits)`,
  isDue: (title: string) => `${title} is due`,
  dueLine: (isDue: string, body: string) => `${isDue}: ${body}`,
  hereKeys: "Enter starts it here, s snoozes 10 minutes, q quits.",
  hereStopped: "Reminders here stopped.",
  snoozedUntil: (at: string) => `Snoozed until ${at}.`,
  describe,
  when,
  notFromLibrary: (id: string) => `A reminder needs a routine from knot list, not a file (${id}).`,
  notFromLibraryHint: (dir: string) =>
    `Put the file in your routines folder (${dir}) and use its id.`,
  notSet: (problem: string | undefined) => `No reminder was set: ${problem}.`,
  notChanged: (problem: string | undefined) => `Reminders were not changed: ${problem}.`,
  fixTheFile,
  tooMany: (count: number) => `You have ${count} reminders, the most knot keeps.`,
  tooManyHint: "Stop one first: knot remind list, then knot remind off ID",
  set: (id: string, what: string, next: string | undefined) =>
    `Reminder ${id}: ${what}.${next === undefined ? "" : ` Next: ${next}.`}`,
  scheduled: (where: string, id: string) => `Scheduled: ${where}. Stop it: knot remind off ${id}`,
  noScheduler: (windows: boolean) =>
    `No system scheduler knot can use here (${windows ? "Windows is not supported yet" : "neither systemd nor cron"}): it is kept for knot remind --here, which reminds you while it runs in a terminal.`,
  noColdYet: "No cold session since yesterday to follow on from.",
  noColdYetHint:
    "knot remind cold comes after a cold session (knot start cold-cycle, or knot cycle).",
  coldFineNow: (at: string) =>
    `Cold is fine again now: the last application ended at ${at}, over 2 hours ago. Check your skin is back to normal first.`,
  whichOne: "Which reminder? Give its id (knot remind list), or --all.",
  noSuch: (id: string) => `There is no reminder ${id}.`,
  known: (ids: string) => `Reminders: ${ids}`,
  allOff: "All reminders stopped and removed.",
  off: (id: string) => `Reminder ${id} stopped and removed.`,
  adviceTitle: "knot: please see a doctor",
  badEvery: (text: string, min: number, maxHours: number) =>
    `Remind every ${text}? Give a time from ${min} minutes to ${maxHours} hours, such as 1h, 45m or 1h30m.`,
  badBetween: (text: string) =>
    `--between takes two times of day, the first earlier, such as 09:00-17:30, not ${text}.`,
  badDays: (text: string) =>
    `--days takes days such as mon-fri, mon,wed,fri, weekdays or daily, not ${text}.`,
  // the schedulers
  couldNot: (what: string, why: string) => `Could not ${what}: ${why}.`,
  couldNotHint:
    "knot remind --here gives the same reminders in this terminal, with nothing installed.",
  reloadUnits: "reload systemd's user units",
  startTimer: (unit: string) => `start the timer ${unit}.timer`,
  loadAgent: (label: string) => `load the launchd agent ${label}`,
  readCrontab: "read your crontab",
  writeCrontab: "write your crontab",
  // the launcher's own lines in knot's reminder log (`was` is where it looked, as data)
  launcherNoNodeCheck: (was: string) => `node: not found (was ${was})`,
  launcherNoKnotCheck: (was: string) => `knot: not found (was ${was})`,
  launcherNoNode: (was: string) =>
    `knot: no Node.js 20 or later found (it was ${was}): run knot remind repair`,
  launcherNoKnot: (was: string) =>
    `knot: knot was not found (it was ${was}): run knot remind repair`,
  /** A systemd unit's Description= (systemctl --user list-timers shows it). */
  unitDescription: (id: string, what: string) => `knot reminder ${id}: ${what}`,
  atTimer: (unit: string) => `systemd user timer ${unit}.timer (systemctl --user list-timers)`,
  atAgent: (label: string) => `launchd agent ${label} (launchctl list | grep knot)`,
  atCron: (profile: string, id: string) =>
    `crontab lines marked "# knot-remind ${profile} ${id}" (crontab -l)`,
  folderRefused: (path: string, why: string, what: string) =>
    `knot's folder ${path} ${why}, which ${what} cannot hold.`,
  folderRefusedHint:
    "Set XDG_DATA_HOME (or HOME) to a folder without it, then run knot remind repair.",
  cronLine: "a crontab line",
  plist: "a launchd property list",
  newLineOrControl: "holds a new line or a control character",
  backslashPercent: "holds \\ before %",
  control: "holds a control character",
  // knot remind list
  settingsProblem: (problem: string) => `Settings: ${problem}.`,
  none: "No reminders. Set one: knot remind every 1h --between 09:00-17:30",
  next: (snoozed: boolean, at: string) => `  ${snoozed ? "snoozed until" : "next"} ${at}`,
  lastReminded: (at: string) => `last reminded ${at}`,
  notReminded: "not reminded yet",
  row: (id: string, what: string, next: string) => `${id} ${what}${next}`,
  facts: (facts: string) => `     ${facts}`,
  entryMissing: "its scheduler entry is missing (knot remind repair)",
  waiting: (since: string, why: string) => `     waiting since ${since}: ${why}`,
  failed: (at: string, reason: string) => `failed ${at}: ${reason}`,
  fix: (fix: string) => `     fix: ${fix}`,
  cannotRun: (detail: string) => `Entries cannot run: ${detail}. Run knot remind repair.`,
  strays: (ids: string) => `Entries with no reminder: ${ids} (knot remind repair removes them).`,
  launcherMissing: (path: string) => `${path} is missing`,
  exitStatus: (status: number | null) => `exit ${status}`,
  // knot remind repair and log
  noSchedulerToRepair: "No system scheduler knot can use here.",
  noSchedulerToRepairHint: "knot remind --here keeps the reminders in a terminal.",
  rewritten: (line: string) => `Rewritten ${line}`,
  removedStrays: (ids: string) => `Removed entries with no reminder: ${ids}`,
  nothingToRepair: "No reminders to repair.",
  noFirings: "No firings yet.",
  logLine: (stamp: string, id: string, outcome: string, why: string | undefined) =>
    `${stamp}  ${id} ${outcome}${why ? `: ${why}` : ""}`,
  /** A firing's outcome in knot remind log, by the code the log keeps. */
  outcomes: {
    reminded: "reminded",
    advised: "advised",
    quiet: "quiet",
    waiting: "waiting",
    failed: "failed",
    problem: "problem",
  } as Record<string, string>,
  /** Why a reminder stays quiet, by the code its decision gives. */
  quietWhy: {
    "not-due": "not due yet",
    snoozed: "snoozed",
    "already-reminded": "already reminded",
    "outside-hours": "outside its hours",
    "advice-given": "advice already given today",
    stopped: "stopped for now after a high pain rating",
    structure: "the routine breaks a safety rule",
    "time-off": "10 minutes off between applications of cold or heat",
    "heat-per-day": "heat up to 3 times in 24 hours",
    "massage-ceiling": "the daily self-massage limit is reached",
    "massage-limit": "the daily self-massage limit is reached",
    "cold-gap": "cold again only 2 hours after the last",
  } as Record<string, string>,
  doneInInterval: (category: string) => `a ${category} session ended within the interval`,
  doneSinceSet: (category: string) => `a ${category} session was done since it was set`,
  // why a due reminder waits for the person
  screenLocked: "the screen is locked",
  away: "you are away (idle)",
  pausedDunst: "notifications are paused (dunst)",
  doNotDisturb: "do not disturb is on",
  // why a notification could not be shown, and what to do
  osascriptFailed: (detail: string) => `osascript could not show it: ${detail}`,
  osascriptFix: "allow notifications for Script Editor in System Settings > Notifications",
  noNotifySend: "notify-send was not found",
  noNotifySendFix: "install it (libnotify-bin on Debian and Ubuntu, libnotify on Fedora and Arch)",
  noBus:
    "no desktop session was found (no session bus at XDG_RUNTIME_DIR/bus or in the user manager)",
  noBusFix:
    "it is tried again at its next time, once you are logged in to a desktop; knot remind --here works in a terminal",
  notifySendFailed: (detail: string) => `notify-send could not show it: ${detail}`,
  noServiceFix:
    "no notification service answered on the session bus: log in to a desktop with a notification service (it is tried again at its next time)",
  byHandFix: "run notify-send test by hand to see why",
  // why Start could not open a terminal
  noDisplay: (command: string) => `no display was found to open a terminal on: run ${command}`,
  noTerminal: (command: string) => `no terminal program was found to start it in: run ${command}`,
  terminalCouldNotStart: (program: string, detail: string) =>
    `${program} could not start: ${detail}`,
  terminalExited: (program: string, code: number | null, command: string) =>
    `${program} exited with ${code}: run ${command}`,
  startPressed: (problem: string) => `Start was pressed, but ${problem}`,
  openTerminalFix: "open a terminal and run it there",
  // a reminder that fires but cannot be read from the settings
  needsYouTitle: "knot: a reminder needs you",
  needsYouBody: (reason: string, fix: string) => `${reason}. Fix: ${fix}.`,
  missingFromSettings: (id: string) =>
    `reminder ${id} is missing from your settings, which were moved aside`,
  fileGone: (file: string, id: string) =>
    `your reminders file (${file}) is gone, with reminder ${id}`,
  putRightOrOff: (file: string, id: string) =>
    `put your reminders right (${file}), or stop it: knot remind off ${id}`,
  putRightOrMove: (file: string) =>
    `put your reminders right (${file}), or move that file aside (its reminders stop) and run knot remind repair`,
  offStopsIt: (id: string) => `knot remind off ${id} stops it`,
  routineGone: (routine: string) => `There is no routine called ${routine}`,
  routineGoneFix: (id: string) =>
    `put the routine back in your routines folder (knot list shows them), or stop the reminder: knot remind off ${id}`,
  entryRemoved: "no such reminder: its entry was removed",
  longPastRemoved: "a one-time reminder long past: removed",
  // knot today: reminders that need the person
  troubleReach: (id: string, reason: string, fix: string) =>
    `Reminder ${id} could not reach you: ${reason}. Fix: ${fix}.`,
  troubleOf: (id: string, reason: string, fix: string) => `Reminder ${id}: ${reason}. Fix: ${fix}.`,
  troubleSettings: (problem: string) => `Reminders: ${problem}.`,
  // the settings and reminders files as the reminders read them
  settingsUnreadable: (path: string, why: string) =>
    `the settings file ${path} cannot be read (${why}); the default settings are used`,
  settingsBadValues: (keys: string, path: string, count: number) =>
    `${keys} in ${path} ${count > 1 ? "have values" : "has a value"} knot cannot use (the default is used)`,
  // the reminders file, as the settings' words say it
  remindersNotMoved: settingsText.remindersNotMoved,
  remindersUnreadable: settingsText.remindersUnreadable,
  remindersAside: settingsText.remindersAside,
  settingsNotes: (notes: string) => notes,
  notAList: (path: string) => `"reminders" in ${path} is not a list`,
  unreadableReminder: (ids: string, path: string) =>
    `reminder ${ids} in ${path} has a value knot cannot use`,
  couldNotSave: (path: string, why: string) => `Could not save the reminders to ${path}: ${why}.`,
  couldNotSaveHint:
    "The reminders file is as it was. Check that you may write to the folder and that the disk has room.",
  busy: (file: string) => `Another knot is changing your reminders (${file}).`,
  busyHint: "Try again in a moment; if no knot is running, remove that file.",
  firedHere: "in this terminal (--here)",
  /** A failed firing in the log: why, and the fix. */
  failedWhy: (reason: string, fix: string) => `${reason} (${fix})`,
});

/** What the notification says: its title is the routine's name (data, as the one value of a message); the body says what, for how long, and how to start it. */
export const reminderText = (routine: ReminderRoutine): { title: string; body: string } => ({
  title: remindText.title(routine.name),
  body: remindText.reminderBody(routine),
});

/** Why a reminder stays quiet, worded from its decision's code. */
export function whyQuiet(nudge: Extract<Nudge, { action: "quiet" }>): string {
  if (nudge.code === "done-in-interval") return remindText.doneInInterval(nudge.category ?? "");
  if (nudge.code === "done-since-set") return remindText.doneSinceSet(nudge.category ?? "");
  return remindText.quietWhy[nudge.code] ?? nudge.code;
}

/**
 * A message a reminder keeps in its state or its log as data: the id of a remindText message
 * (a path into a nested table, such as "quietWhy.snoozed") and its values, each a value or
 * another kept message. Worded by `said` when shown, so a language changed since shows the
 * new one.
 */
export interface Said {
  say: string;
  with?: SaidPart[];
}
export type SaidPart = string | number | null | Said;

type RemindTable = typeof remindText;
type SaidArgs<A> = { [I in keyof A]: A[I] extends string ? string | Said : A[I] };
type ArgsOf<K extends keyof RemindTable> = RemindTable[K] extends (...a: infer A) => string
  ? SaidArgs<A>
  : [];

/** The message `key` with these values, kept to be worded later. */
export const say = <K extends keyof RemindTable>(key: K, ...values: ArgsOf<K>): Said =>
  values.length > 0 ? { say: key, with: values as SaidPart[] } : { say: key };

/** Why a reminder stays quiet, kept as its message's id and values (see whyQuiet). */
export function quietSaid(nudge: Extract<Nudge, { action: "quiet" }>): Said {
  if (nudge.code === "done-in-interval") return say("doneInInterval", nudge.category ?? "");
  if (nudge.code === "done-since-set") return say("doneSinceSet", nudge.category ?? "");
  return { say: `quietWhy.${nudge.code}` };
}

/**
 * A kept message in the current language. Older entries kept words (a string): shown as they
 * are. An id this knot does not know (written by a newer one) shows as itself.
 */
export function said(kept: Said | string): string {
  if (typeof kept === "string") return kept;
  let entry: unknown = remindText;
  for (const part of kept.say.split(".")) {
    entry =
      entry !== null && typeof entry === "object" && Object.hasOwn(entry, part)
        ? (entry as Record<string, unknown>)[part]
        : undefined;
  }
  const values = (kept.with ?? []).map((v) => (v !== null && typeof v === "object" ? said(v) : v));
  if (typeof entry === "function") return String(entry(...values));
  return typeof entry === "string" ? entry : kept.say;
}

/**
 * The reasons for the advice to see a doctor, kept as their messages' ids and figures; words
 * an older knot kept stay words.
 */
export function reasonsSaid(reasons: readonly KeptReason[]): Said | string {
  const one = (reason: KeptReason): Said | string => {
    if (typeof reason === "string") return reason;
    const [key, values] = trendMessage(reason);
    return { say: `trend.${key}`, with: values };
  };
  return reasons.length === 1 ? one(reasons[0]!) : say("reasonList", ...reasons.map(one));
}
