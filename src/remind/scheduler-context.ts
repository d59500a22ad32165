import { homedir } from "node:os";
import { join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { remindText } from "../text/remind.js";
import type { EntryTarget } from "./scheduler-files.js";

/** What the schedulers are handed: the system, how to run its programs, and whose entries. */
export type SchedulerName = "systemd" | "launchd" | "cron";

export type Run = (
  command: string,
  args: string[],
  input?: string | Buffer,
) => {
  status: number | null;
  /** Bytes where the caller needs them exactly (a crontab); text otherwise. */
  stdout: string | Buffer;
  stderr: string;
  error?: Error;
};

export interface SchedulerContext extends EntryTarget {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  run: Run;
  findProgram: (name: string) => boolean;
  /** The settings folder: entries written before profiles are knot's if they name it. */
  configDir: string;
  uid?: number;
}

export const uidOf = (ctx: SchedulerContext) => ctx.uid ?? process.getuid?.();

/** Throws the scheduler program's failure as knot's error, naming what it was doing. */
export function check(result: ReturnType<Run>, what: string): void {
  if (result.error || result.status !== 0) {
    const why =
      result.error?.message ?? (result.stderr.trim().split("\n")[0] || `exit ${result.status}`);
    throw new KnotError(remindText.couldNot(what, why), {
      exitCode: ExitCode.failure,
      hint: remindText.couldNotHint,
    });
  }
}

/**
 * Whether an entry written before entries named their profile belongs to this one: it
 * carried XDG_CONFIG_HOME (or none, for the default folder).
 */
export function legacyOurs(text: string, ctx: SchedulerContext): boolean {
  const m =
    /XDG_CONFIG_HOME=(?:'([^']*)'|"?([^"\s]+))/.exec(text) ??
    /<key>XDG_CONFIG_HOME<\/key><string>([^<]*)<\/string>/.exec(text);
  const base = m ? (m[1] ?? m[2] ?? "") : join(ctx.env.HOME || homedir(), ".config");
  return join(base, "knot") === ctx.configDir;
}
