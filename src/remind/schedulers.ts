import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { remindText } from "../text/remind.js";
import { cronId, editCrontab, readCrontab } from "./crontab-edit.js";
import type { Reminder } from "./model.js";
import {
  check,
  legacyOurs,
  type SchedulerContext,
  type SchedulerName,
  uidOf,
} from "./scheduler-context.js";
import {
  cronCommand,
  cronLines,
  cronMark,
  launchdLabel,
  launchdPlist,
  launchdRetryPlist,
  systemdUnits,
  unitName,
} from "./scheduler-files.js";

/**
 * Reminders are run by the system's own scheduler, so nothing of knot's stays running: a
 * systemd user timer on Linux, a launchd agent on macOS, cron where neither is there. Each
 * reminder is one entry named by its profile and id (knot-remind-1a2b3c-r1), which runs knot's
 * launcher with the id; knot's decision (./decide.ts) then says whether it reaches the person.
 */

/** The scheduler this system has, or undefined (Windows; Linux with neither systemd nor cron). */
export function pickScheduler(ctx: SchedulerContext): SchedulerName | undefined {
  const wanted = ctx.env.KNOT_SCHEDULER;
  if (wanted === "systemd" || wanted === "launchd" || wanted === "cron") return wanted;
  if (ctx.platform === "darwin") return "launchd";
  if (ctx.platform !== "linux") return undefined;
  if (ctx.findProgram("systemctl")) {
    const state = String(ctx.run("systemctl", ["--user", "is-system-running"]).stdout).trim();
    if (/^(running|degraded|starting|initializing)$/.test(state)) return "systemd";
  }
  return ctx.findProgram("crontab") ? "cron" : undefined;
}

/**
 * Where the user manager reads units: its own XDG_CONFIG_HOME, not this shell's (a profile
 * with another settings folder still needs its timers where systemd looks), else ~/.config.
 */
const unitDirs = new WeakMap<SchedulerContext, string>();
export function systemdDir(ctx: SchedulerContext): string {
  let dir = unitDirs.get(ctx);
  if (dir === undefined) {
    const shown = ctx.run("systemctl", ["--user", "show-environment"]);
    const own = shown.status === 0 ? /^XDG_CONFIG_HOME=(\/.*)$/m.exec(String(shown.stdout)) : null;
    dir = join(own?.[1] ?? join(ctx.env.HOME || homedir(), ".config"), "systemd", "user");
    unitDirs.set(ctx, dir);
  }
  return dir;
}
export const launchAgentsDir = (env: NodeJS.ProcessEnv) =>
  join(env.HOME || homedir(), "Library", "LaunchAgents");

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/**
 * This profile's entries in a scheduler's folder, by id: the names (without extension) of the
 * files `pattern` matches (groups: name, profile, id). A file of an earlier knot, with no
 * profile in its name, is this profile's only if `legacyFile` (the file that says which knot
 * wrote it) names this profile's settings.
 */
function entriesIn(
  dir: string,
  pattern: RegExp,
  legacyFile: (name: string, file: string) => string,
  ctx: SchedulerContext,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return out;
  }
  for (const file of files) {
    const m = pattern.exec(file);
    if (!m) continue;
    const [, name, profile, id] = m as unknown as [string, string, string | undefined, string];
    if (profile !== undefined && profile !== ctx.profile) continue;
    if (profile === undefined && !legacyOurs(readText(join(dir, legacyFile(name, file))), ctx))
      continue;
    const names = out.get(id) ?? [];
    if (!names.includes(name)) out.set(id, [...names, name]);
  }
  return out;
}

/** This profile's systemd units, by id: their names' stems (a timer and a service each). */
const systemdEntries = (ctx: SchedulerContext) =>
  entriesIn(
    systemdDir(ctx),
    /^(knot-remind-(?:([0-9a-f]{6})-)?(r\d+))\.(timer|service)$/,
    (stem) => `${stem}.service`,
    ctx,
  );

/** This profile's launchd agents, by id: their labels. */
const launchdEntries = (ctx: SchedulerContext) =>
  entriesIn(
    launchAgentsDir(ctx.env),
    /^(org\.knot\.remind\.(?:([0-9a-f]{6})\.)?(r\d+))\.plist$/,
    (_label, file) => file,
    ctx,
  );

/** Ids with an entry in the scheduler, for this profile. */
export function entriesPresent(name: SchedulerName, ctx: SchedulerContext): Set<string> {
  if (name === "systemd") return new Set(systemdEntries(ctx).keys());
  if (name === "launchd") return new Set(launchdEntries(ctx).keys());
  const table = readCrontab(ctx);
  return new Set(table.lines.flatMap((l) => cronId(l, ctx) ?? []));
}

/** Writes and enables a reminder's scheduler entry (replacing one of the same id). */
export function install(name: SchedulerName, reminder: Reminder, ctx: SchedulerContext): string {
  const id = reminder.id;
  if (name === "systemd") {
    const dir = systemdDir(ctx);
    mkdirSync(dir, { recursive: true });
    const { service, timer } = systemdUnits(reminder, ctx);
    const unit = unitName(ctx.profile, id);
    writeFileSync(join(dir, `${unit}.service`), service);
    writeFileSync(join(dir, `${unit}.timer`), timer);
    check(ctx.run("systemctl", ["--user", "daemon-reload"]), remindText.reloadUnits);
    check(
      ctx.run("systemctl", ["--user", "enable", "--now", `${unit}.timer`]),
      remindText.startTimer(unit),
    );
    return remindText.atTimer(unit);
  }
  if (name === "launchd") {
    const dir = launchAgentsDir(ctx.env);
    mkdirSync(dir, { recursive: true });
    const label = launchdLabel(ctx.profile, id);
    const file = join(dir, `${label}.plist`);
    const plist = launchdPlist(reminder, ctx);
    ctx.run("launchctl", ["bootout", `gui/${uidOf(ctx)}/${label}`]);
    writeFileSync(file, plist);
    check(
      ctx.run("launchctl", ["bootstrap", `gui/${uidOf(ctx)}`, file]),
      remindText.loadAgent(label),
    );
    return remindText.atAgent(label);
  }
  const lines = cronLines(reminder, ctx);
  editCrontab(ctx, (l) => cronId(l, ctx) !== id, lines);
  return remindText.atCron(ctx.profile, id);
}

/** Stops and deletes reminders' scheduler entries; with `all`, every one of this profile's. */
export function remove(
  name: SchedulerName,
  ids: readonly string[] | "all",
  ctx: SchedulerContext,
): string[] {
  const wanted = (id: string) => ids === "all" || ids.includes(id);
  const removed: string[] = [];
  if (name === "systemd") {
    const dir = systemdDir(ctx);
    const gone = [...systemdEntries(ctx)].filter(([id]) => wanted(id));
    for (const [id, stems] of gone) {
      retryDone(name, id, ctx);
      for (const stem of stems) {
        ctx.run("systemctl", ["--user", "disable", "--now", `${stem}.timer`]);
        rmSync(join(dir, `${stem}.timer`), { force: true });
        rmSync(join(dir, `${stem}.service`), { force: true });
      }
      removed.push(id);
    }
    if (gone.length > 0) ctx.run("systemctl", ["--user", "daemon-reload"]);
    return removed;
  }
  if (name === "launchd") {
    const dir = launchAgentsDir(ctx.env);
    for (const [id, labels] of launchdEntries(ctx)) {
      if (!wanted(id)) continue;
      retryDone(name, id, ctx);
      for (const label of labels) {
        ctx.run("launchctl", ["bootout", `gui/${uidOf(ctx)}/${label}`]);
        rmSync(join(dir, `${label}.plist`), { force: true });
      }
      removed.push(id);
    }
    return removed;
  }
  editCrontab(ctx, (l) => {
    const id = cronId(l, ctx);
    if (id === undefined || !wanted(id)) return true;
    if (!removed.includes(id)) removed.push(id);
    return false;
  });
  return removed;
}

/**
 * A due reminder that could not reach the person (held back while they are away, or the
 * notification failed) is tried again in a few minutes, not only at its next time: a
 * one-shot systemd timer, or a crontab line every 5 minutes that goes once it has reminded.
 * launchd runs the next time only.
 */
export function retrySoon(name: SchedulerName, id: string, ctx: SchedulerContext): void {
  if (name === "systemd" && ctx.findProgram("systemd-run")) {
    // a new name each time (this firing may be the last retry, still running); one waits
    ctx.run("systemctl", ["--user", "stop", `${unitName(ctx.profile, id)}-retry-*.timer`]);
    ctx.run("systemd-run", [
      "--user",
      "--collect",
      "--quiet",
      `--unit=${unitName(ctx.profile, id)}-retry-${Date.now()}`,
      "--on-active=5min",
      "--timer-property=AccuracySec=30s",
      "/bin/sh",
      ctx.launcher,
      id,
    ]);
  } else if (name === "launchd") {
    const file = retryPlistFile(ctx, id);
    if (existsSync(file)) return;
    mkdirSync(launchAgentsDir(ctx.env), { recursive: true });
    writeFileSync(file, launchdRetryPlist(ctx, id));
    ctx.run("launchctl", ["bootstrap", `gui/${uidOf(ctx)}`, file]);
  } else if (name === "cron") {
    const line = `*/5 * * * * ${cronCommand(ctx, id)} ${cronMark(ctx.profile, id)} retry`;
    editCrontab(ctx, (l) => !(cronId(l, ctx) === id && l.endsWith(" retry")), [line]);
  }
}

/** The retry is done with (the reminder reached the person, or is not due any more). */
export function retryDone(name: SchedulerName, id: string, ctx: SchedulerContext): void {
  if (name === "systemd") {
    // one-shot; one still waiting (this firing came from the entry itself) is stopped
    if (ctx.findProgram("systemd-run")) {
      ctx.run("systemctl", ["--user", "stop", `${unitName(ctx.profile, id)}-retry-*.timer`]);
    }
  } else if (name === "launchd") {
    const file = retryPlistFile(ctx, id);
    if (!existsSync(file)) return;
    ctx.run("launchctl", ["bootout", `gui/${uidOf(ctx)}/${launchdLabel(ctx.profile, id)}.retry`]);
    rmSync(file, { force: true });
  } else {
    editCrontab(ctx, (l) => !(cronId(l, ctx) === id && l.endsWith(" retry")));
  }
}

const retryPlistFile = (ctx: SchedulerContext, id: string) =>
  join(launchAgentsDir(ctx.env), `${launchdLabel(ctx.profile, id)}.retry.plist`);
