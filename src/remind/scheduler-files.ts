import { KnotError } from "../errors.js";
import { remindText } from "../text/remind.js";
import { quote } from "../ui/safe.js";
import { DAYS, type Day, DEFAULT_BETWEEN, DEFAULT_DAYS, type Reminder } from "./model.js";

/**
 * The text of each scheduler's entry for a reminder: systemd timer and service units, crontab
 * lines, a launchd property list. Pure, so tests check them against each format's own tools.
 * Every entry runs knot's launcher (./launcher.ts) with the reminder's id, and every value is
 * escaped for where it goes; what a format cannot hold is refused, naming it.
 */
export interface EntryTarget {
  /** The launcher's path (in knot's data folder). */
  launcher: string;
  /** The profile's short tag (./profile.ts). */
  profile: string;
}

/** What each reminder is called in the scheduler, so a person can find it. */
export const unitName = (profile: string, id: string) => `knot-remind-${profile}-${id}`;
export const launchdLabel = (profile: string, id: string) => `org.knot.remind.${profile}.${id}`;
export const CRON_MARK = "# knot-remind";
export const cronMark = (profile: string, id: string) => `${CRON_MARK} ${profile} ${id}`;

/** The times of day a repeating reminder is due, grouped by minute: [minute, hours[]]. */
function timesByMinute(reminder: Reminder): [number, number[]][] {
  const [from, to] = (reminder.between ?? DEFAULT_BETWEEN).map((c) => {
    const [h, m] = c.split(":").map(Number) as [number, number];
    return h * 60 + m;
  }) as [number, number];
  const groups = new Map<number, number[]>();
  for (let t = from; t <= to; t += reminder.every ?? 60) {
    const list = groups.get(t % 60) ?? [];
    list.push(Math.floor(t / 60));
    groups.set(t % 60, list);
  }
  return [...groups].sort((a, b) => a[0] - b[0]);
}

const two = (n: number) => String(n).padStart(2, "0");
const daysOf = (reminder: Reminder): Day[] => reminder.days ?? DEFAULT_DAYS;
/** Local date and time parts of a once-reminder. */
const whenOf = (reminder: Reminder) => {
  const d = new Date(reminder.at!);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
  };
};

/** systemd OnCalendar= values (local time). */
export function onCalendar(reminder: Reminder): string[] {
  if (reminder.kind === "once") {
    const w = whenOf(reminder);
    return [`${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:00`];
  }
  const days = daysOf(reminder)
    .map((d) => d.charAt(0).toUpperCase() + d.slice(1))
    .join(",");
  return timesByMinute(reminder).map(
    ([minute, hours]) => `${days} *-*-* ${hours.map(two).join(",")}:${two(minute)}:00`,
  );
}

/** Whether text holds control characters (other than those in `allowed`). */
const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
const hasControl = (text: string, allowed = "") =>
  [...text].some((c) => isControl(c) && !allowed.includes(c));

const refuse = (what: string, path: string, why: string) =>
  new KnotError(remindText.folderRefused(quote(path), why, what), {
    hint: remindText.folderRefusedHint,
  });

/**
 * One word of a systemd unit line: double-quoted, with systemd's escapes: \\ and \" and C
 * escapes for control characters (its unquoting reads them), %% for its specifiers and $$
 * for its variables.
 */
export const systemdWord = (word: string) =>
  `"${word
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .split("")
    .map((c) => (isControl(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}` : c))
    .join("")
    .replace(/%/g, "%%")
    .replace(/\$/g, "$$$$")}"`;

/** Free text in a unit (Description=): one line, specifiers escaped. */
const systemdText = (text: string) => text.replace(/[\r\n]/g, " ").replace(/%/g, "%%");

export function systemdUnits(
  reminder: Reminder,
  target: EntryTarget,
): { service: string; timer: string } {
  const what = systemdText(remindText.unitDescription(reminder.id, remindText.describe(reminder)));
  const service = [
    "[Unit]",
    `Description=${what}`,
    "",
    "[Service]",
    "Type=oneshot",
    `ExecStart=/bin/sh ${systemdWord(target.launcher)} ${reminder.id}`,
    "TimeoutStartSec=15min",
    "",
  ].join("\n");
  const timer = [
    "[Unit]",
    `Description=${what}`,
    "",
    "[Timer]",
    ...onCalendar(reminder).map((c) => `OnCalendar=${c}`),
    // A laptop asleep at the time is reminded once when it wakes, never in a burst.
    "Persistent=true",
    "AccuracySec=30s",
    `Unit=${unitName(target.profile, reminder.id)}.service`,
    "",
    "[Install]",
    "WantedBy=timers.target",
    "",
  ].join("\n");
  return { service, timer };
}

/**
 * The command of a crontab line. cron hands the rest of the line to sh, but first turns each
 * % into a new line (\% is a %), and a line cannot hold a new line at all: a path with a new
 * line (or a control character, or \ before %) is refused, not written.
 */
export function cronCommand(target: EntryTarget, id: string): string {
  const path = target.launcher;
  if (hasControl(path)) throw refuse(remindText.cronLine, path, remindText.newLineOrControl);
  if (/\\%/.test(path)) throw refuse(remindText.cronLine, path, remindText.backslashPercent);
  const word = `'${path.replace(/'/g, "'\\''")}'`.replace(/%/g, "\\%");
  return `/bin/sh ${word} ${id}`;
}

/** crontab lines (local time), each ending with a mark naming the profile and the reminder. */
export function cronLines(reminder: Reminder, target: EntryTarget): string[] {
  const command = `${cronCommand(target, reminder.id)} ${cronMark(target.profile, reminder.id)}`;
  if (reminder.kind === "once") {
    // cron has no year: the firing itself makes sure a one-time reminder never comes again
    const w = whenOf(reminder);
    return [`${w.minute} ${w.hour} ${w.day} ${w.month} * ${command}`];
  }
  const dow = daysOf(reminder)
    .map((d) => DAYS.indexOf(d))
    .join(",");
  return timesByMinute(reminder).map(
    ([minute, hours]) => `${minute} ${hours.join(",")} * * ${dow} ${command}`,
  );
}

/** Text for an XML element; XML 1.0 cannot hold most control characters at all. */
export function xmlText(text: string): string {
  if (hasControl(text, "\t\n\r") || /[\ufffe\uffff]/.test(text)) {
    throw refuse(remindText.plist, text, remindText.control);
  }
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;");
}

export function launchdPlist(reminder: Reminder, target: EntryTarget): string {
  const dict = (entries: [string, number][]) =>
    `    <dict>\n${entries.map(([k, v]) => `      <key>${k}</key><integer>${v}</integer>`).join("\n")}\n    </dict>`;
  let intervals: string[];
  if (reminder.kind === "once") {
    // launchd has no year either: the firing ends a one-time reminder for good
    const w = whenOf(reminder);
    intervals = [
      dict([
        ["Month", w.month],
        ["Day", w.day],
        ["Hour", w.hour],
        ["Minute", w.minute],
      ]),
    ];
  } else {
    intervals = daysOf(reminder).flatMap((day) =>
      timesByMinute(reminder).flatMap(([minute, hours]) =>
        hours.map((hour) =>
          dict([
            ["Weekday", DAYS.indexOf(day)],
            ["Hour", hour],
            ["Minute", minute],
          ]),
        ),
      ),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    "<dict>",
    `  <key>Label</key><string>${launchdLabel(target.profile, reminder.id)}</string>`,
    "  <key>ProgramArguments</key>",
    "  <array>",
    ...["/bin/sh", target.launcher, reminder.id].map((a) => `    <string>${xmlText(a)}</string>`),
    "  </array>",
    "  <key>StartCalendarInterval</key>",
    "  <array>",
    ...intervals,
    "  </array>",
    "</dict>",
    "</plist>",
    "",
  ].join("\n");
}

/** A launchd agent that runs a reminder every 5 minutes until it reaches the person. */
export function launchdRetryPlist(target: EntryTarget, id: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    "<dict>",
    `  <key>Label</key><string>${launchdLabel(target.profile, id)}.retry</string>`,
    "  <key>ProgramArguments</key>",
    "  <array>",
    ...["/bin/sh", target.launcher, id].map((a) => `    <string>${xmlText(a)}</string>`),
    "  </array>",
    "  <key>StartInterval</key><integer>300</integer>",
    "</dict>",
    "</plist>",
    "",
  ].join("\n");
}
