import {
  DAYS,
  type Day,
  DEFAULT_BETWEEN,
  DEFAULT_DAYS,
  describeReminder,
  type Reminder,
} from "./model.js";
import type { SchedulerContext } from "./schedulers.js";

/**
 * The text of each scheduler's entry for a reminder: systemd timer and service units, crontab
 * lines, a launchd property list. Pure, so tests check them against each format's own tools.
 */
/** What each reminder is called in the scheduler, so a person can find it. */
export const unitName = (id: string) => `knot-remind-${id}`;
export const launchdLabel = (id: string) => `org.knot.remind.${id}`;
export const CRON_MARK = "# knot-remind";

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

/** Quotes one word of an ExecStart= line (systemd's own quoting). */
const systemdWord = (word: string) =>
  /^[A-Za-z0-9_./:=@+-]+$/.test(word) ? word : `"${word.replace(/(["\\])/g, "\\$1")}"`;

/** Settings and data folders the scheduled knot must share with this one. */
function carriedEnv(ctx: SchedulerContext): [string, string][] {
  const names = ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "HOME", "LANG", "KNOT_NOTIFY_COMMAND"];
  return names.flatMap((name) => {
    const value = ctx.env[name];
    return value && !/[\n\r"\\%$]/.test(value) ? [[name, value] as [string, string]] : [];
  });
}

export function systemdUnits(
  reminder: Reminder,
  ctx: SchedulerContext,
): { service: string; timer: string } {
  const what = `knot reminder ${reminder.id}: ${describeReminder(reminder)}`;
  const service = [
    "[Unit]",
    `Description=${what}`,
    "",
    "[Service]",
    "Type=oneshot",
    `ExecStart=${[...ctx.knot, "remind", "fire", reminder.id].map(systemdWord).join(" ")}`,
    ...carriedEnv(ctx).map(([k, v]) => `Environment="${k}=${v}"`),
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
    `Unit=${unitName(reminder.id)}.service`,
    "",
    "[Install]",
    "WantedBy=timers.target",
    "",
  ].join("\n");
  return { service, timer };
}

const shellWord = (word: string) =>
  /^[A-Za-z0-9_./:=@+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;

/** crontab lines (local time), each ending with a mark naming the reminder. */
export function cronLines(reminder: Reminder, ctx: SchedulerContext): string[] {
  const env = carriedEnv(ctx).map(([k, v]) => `${k}=${shellWord(v)}`);
  const uid = ctx.uid ?? process.getuid?.();
  // cron runs without the desktop session's bus: point notifications at it
  const bus =
    ctx.env.DBUS_SESSION_BUS_ADDRESS ??
    (uid === undefined ? undefined : `unix:path=/run/user/${uid}/bus`);
  if (bus && !/[\n\r'"%]/.test(bus)) env.push(`DBUS_SESSION_BUS_ADDRESS=${shellWord(bus)}`);
  const command = [...env, ...[...ctx.knot, "remind", "fire", reminder.id].map(shellWord)]
    .join(" ")
    .replace(/%/g, "\\%");
  const mark = `${CRON_MARK} ${reminder.id}`;
  if (reminder.kind === "once") {
    const w = whenOf(reminder);
    return [`${w.minute} ${w.hour} ${w.day} ${w.month} * ${command} ${mark}`];
  }
  const dow = daysOf(reminder)
    .map((d) => DAYS.indexOf(d))
    .join(",");
  return timesByMinute(reminder).map(
    ([minute, hours]) => `${minute} ${hours.join(",")} * * ${dow} ${command} ${mark}`,
  );
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function launchdPlist(reminder: Reminder, ctx: SchedulerContext): string {
  const dict = (entries: [string, number][]) =>
    `    <dict>\n${entries.map(([k, v]) => `      <key>${k}</key><integer>${v}</integer>`).join("\n")}\n    </dict>`;
  let intervals: string[];
  if (reminder.kind === "once") {
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
  const env = carriedEnv(ctx);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    "<dict>",
    `  <key>Label</key><string>${launchdLabel(reminder.id)}</string>`,
    "  <key>ProgramArguments</key>",
    "  <array>",
    ...[...ctx.knot, "remind", "fire", reminder.id].map((a) => `    <string>${xml(a)}</string>`),
    "  </array>",
    ...(env.length > 0
      ? [
          "  <key>EnvironmentVariables</key>",
          "  <dict>",
          ...env.map(([k, v]) => `    <key>${k}</key><string>${xml(v)}</string>`),
          "  </dict>",
        ]
      : []),
    "  <key>StartCalendarInterval</key>",
    "  <array>",
    ...intervals,
    "  </array>",
    "</dict>",
    "</plist>",
    "",
  ].join("\n");
}
