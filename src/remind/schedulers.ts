import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import {
  DAYS,
  type Day,
  DEFAULT_BETWEEN,
  DEFAULT_DAYS,
  describeReminder,
  type Reminder,
} from "./model.js";

/**
 * Reminders are run by the system's own scheduler, so nothing of knot's stays running: a
 * systemd user timer on Linux, a launchd agent on macOS, cron where neither is there. Each
 * reminder is one named entry (knot-remind-r1), which runs `knot remind fire r1`; knot's
 * decision (./decide.ts) then says whether it reaches the person.
 */
export type SchedulerName = "systemd" | "launchd" | "cron";

export type Run = (
  command: string,
  args: string[],
  input?: string,
) => {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
};

export interface SchedulerContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  run: Run;
  findProgram: (name: string) => boolean;
  /** The command that runs knot: node and knot's own script, as absolute paths. */
  knot: string[];
  uid?: number;
}

export const unitName = (id: string) => `knot-remind-${id}`;
export const launchdLabel = (id: string) => `org.knot.remind.${id}`;
const CRON_MARK = "# knot-remind";

/** The scheduler this system has, or undefined (Windows; Linux with neither systemd nor cron). */
export function pickScheduler(ctx: SchedulerContext): SchedulerName | undefined {
  const wanted = ctx.env.KNOT_SCHEDULER;
  if (wanted === "systemd" || wanted === "launchd" || wanted === "cron") return wanted;
  if (ctx.platform === "darwin") return "launchd";
  if (ctx.platform !== "linux") return undefined;
  if (ctx.findProgram("systemctl")) {
    const state = ctx.run("systemctl", ["--user", "is-system-running"]).stdout.trim();
    if (/^(running|degraded|starting|initializing)$/.test(state)) return "systemd";
  }
  return ctx.findProgram("crontab") ? "cron" : undefined;
}

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

export const systemdDir = (env: NodeJS.ProcessEnv) =>
  join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "systemd", "user");
export const launchAgentsDir = (env: NodeJS.ProcessEnv) =>
  join(env.HOME || homedir(), "Library", "LaunchAgents");

function check(result: ReturnType<Run>, what: string): void {
  if (result.error || result.status !== 0) {
    const why =
      result.error?.message ?? (result.stderr.trim().split("\n")[0] || `exit ${result.status}`);
    throw new KnotError(`Could not ${what}: ${why}.`, {
      exitCode: ExitCode.failure,
      hint: "knot remind --here gives the same reminders in this terminal, with nothing installed.",
    });
  }
}

/** Writes and enables a reminder's scheduler entry (replacing one of the same id). */
export function install(name: SchedulerName, reminder: Reminder, ctx: SchedulerContext): string {
  const id = reminder.id;
  if (name === "systemd") {
    const dir = systemdDir(ctx.env);
    mkdirSync(dir, { recursive: true });
    const { service, timer } = systemdUnits(reminder, ctx);
    writeFileSync(join(dir, `${unitName(id)}.service`), service);
    writeFileSync(join(dir, `${unitName(id)}.timer`), timer);
    check(ctx.run("systemctl", ["--user", "daemon-reload"]), "reload systemd's user units");
    check(
      ctx.run("systemctl", ["--user", "enable", "--now", `${unitName(id)}.timer`]),
      `start the timer ${unitName(id)}.timer`,
    );
    return `systemd user timer ${unitName(id)}.timer (systemctl --user list-timers)`;
  }
  if (name === "launchd") {
    const dir = launchAgentsDir(ctx.env);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${launchdLabel(id)}.plist`);
    ctx.run("launchctl", ["bootout", `gui/${ctx.uid ?? process.getuid?.()}/${launchdLabel(id)}`]);
    writeFileSync(file, launchdPlist(reminder, ctx));
    check(
      ctx.run("launchctl", ["bootstrap", `gui/${ctx.uid ?? process.getuid?.()}`, file]),
      `load the launchd agent ${launchdLabel(id)}`,
    );
    return `launchd agent ${launchdLabel(id)} (launchctl list | grep knot)`;
  }
  const lines = readCrontab(ctx).filter((l) => !l.endsWith(`${CRON_MARK} ${id}`));
  writeCrontab(ctx, [...lines, ...cronLines(reminder, ctx)]);
  return `crontab lines marked "${CRON_MARK} ${id}" (crontab -l)`;
}

/** Stops and deletes reminders' scheduler entries; with `all`, every one knot made. */
export function remove(
  name: SchedulerName,
  ids: readonly string[] | "all",
  ctx: SchedulerContext,
): string[] {
  const removed: string[] = [];
  if (name === "systemd") {
    const dir = systemdDir(ctx.env);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => /^knot-remind-r\d+\.(timer|service)$/.test(f));
    } catch {
      // no unit folder: nothing of knot's there
    }
    const found = [
      ...new Set(files.map((f) => f.replace(/^knot-remind-|\.(timer|service)$/g, ""))),
    ];
    const gone = ids === "all" ? found : found.filter((id) => ids.includes(id));
    for (const id of gone) {
      ctx.run("systemctl", ["--user", "disable", "--now", `${unitName(id)}.timer`]);
      rmSync(join(dir, `${unitName(id)}.timer`), { force: true });
      rmSync(join(dir, `${unitName(id)}.service`), { force: true });
      removed.push(id);
    }
    if (gone.length > 0) ctx.run("systemctl", ["--user", "daemon-reload"]);
    return removed;
  }
  if (name === "launchd") {
    const dir = launchAgentsDir(ctx.env);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => /^org\.knot\.remind\.r\d+\.plist$/.test(f));
    } catch {
      // none
    }
    for (const file of files) {
      const id = file.replace(/^org\.knot\.remind\.|\.plist$/g, "");
      if (ids !== "all" && !ids.includes(id)) continue;
      ctx.run("launchctl", ["bootout", `gui/${ctx.uid ?? process.getuid?.()}/${launchdLabel(id)}`]);
      rmSync(join(dir, file), { force: true });
      removed.push(id);
    }
    return removed;
  }
  const lines = readCrontab(ctx);
  const ours = (l: string) => {
    const m = new RegExp(`${CRON_MARK} (r\\d+)$`).exec(l);
    return m && (ids === "all" || ids.includes(m[1]!)) ? m[1] : undefined;
  };
  const kept = lines.filter((l) => !ours(l));
  if (kept.length !== lines.length) {
    for (const l of lines) {
      const id = ours(l);
      if (id && !removed.includes(id)) removed.push(id);
    }
    writeCrontab(ctx, kept);
  }
  return removed;
}

function readCrontab(ctx: SchedulerContext): string[] {
  const result = ctx.run("crontab", ["-l"]);
  if (result.error) check(result, "read your crontab");
  // "no crontab for you" is an empty one
  if (result.status !== 0) return [];
  return result.stdout.split("\n").filter((l) => l.trim() !== "");
}

function writeCrontab(ctx: SchedulerContext, lines: string[]): void {
  check(
    ctx.run("crontab", ["-"], lines.length > 0 ? `${lines.join("\n")}\n` : ""),
    "write your crontab",
  );
}
