import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import type { Reminder } from "./model.js";
import {
  CRON_MARK,
  cronLines,
  launchdLabel,
  launchdPlist,
  systemdUnits,
  unitName,
} from "./scheduler-files.js";

export {
  cronLines,
  launchdLabel,
  launchdPlist,
  onCalendar,
  systemdUnits,
  unitName,
} from "./scheduler-files.js";

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
