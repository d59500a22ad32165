import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { remindText } from "../text/remind.js";

/**
 * A small lock file, so two knots changing reminders at once (six `remind every` from a
 * script, a scheduler's firing beside `remind off`) take turns instead of losing each other's
 * changes. The holder writes its pid; a lock whose holder is gone, or older than `staleMs`,
 * is taken over, so a crash never leaves reminders stuck.
 */
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock's content if its holder is gone (or it is too old), else undefined. */
function stale(file: string, staleMs: number): string | undefined {
  try {
    const text = readFileSync(file, "utf8");
    const pid = Number(text.split(" ")[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return text;
    return Date.now() - statSync(file).mtimeMs > staleMs ? text : undefined;
  } catch {
    // gone meanwhile: free
    return "";
  }
}

/** Removes a stale lock only if it is still the one judged stale (not a new holder's). */
function removeIfSame(file: string, text: string): void {
  try {
    if (readFileSync(file, "utf8") === text) rmSync(file, { force: true });
  } catch {
    // gone already
  }
}

/** Locks this process holds: taking one again inside is a no-op, not a wait for itself. */
const held = new Set<string>();

export function withLock<T>(
  file: string,
  fn: () => T,
  options: { waitMs?: number; staleMs?: number } = {},
): T {
  if (held.has(file)) return fn();
  const waitMs = options.waitMs ?? 60_000;
  // a holder that died is seen by its pid; the age is for a pid reused since
  const staleMs = options.staleMs ?? 10 * 60_000;
  mkdirSync(dirname(file), { recursive: true });
  const until = Date.now() + waitMs;
  let fd: number | undefined;
  for (let attempt = 0; fd === undefined; attempt++) {
    try {
      fd = openSync(file, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const old = stale(file, staleMs);
      if (old !== undefined) {
        removeIfSame(file, old);
        continue;
      }
      if (Date.now() > until) {
        throw new KnotError(remindText.busy(file), {
          exitCode: ExitCode.failure,
          hint: remindText.busyHint,
        });
      }
      sleep(10 + Math.min(attempt, 10) * 5 + Math.floor(Math.random() * 20));
    }
  }
  try {
    writeSync(fd, `${process.pid} ${new Date().toISOString()}\n`);
    closeSync(fd);
    held.add(file);
    return fn();
  } finally {
    held.delete(file);
    rmSync(file, { force: true });
  }
}
