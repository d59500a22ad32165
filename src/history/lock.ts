import {
  closeSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { processStart } from "../process-start.js";
import { filesText } from "../text/files.js";

/**
 * One writer at a time for the history's whole-history changes: an import, the move of an old
 * single-file history into months, a clear, and the tidying after a knot that died. A session's
 * own record needs no lock (one O_APPEND write lands whole); these need one, as each reads what
 * is there before it writes (an import checks ids, then appends), and two at once would each
 * add what the other was adding.
 *
 * The lock is a file created with O_EXCL holding its owner's process id and start time. A
 * lock whose owner is gone (killed, power cut) is stale: the next writer takes it over, so a
 * writer that dies never blocks the history for good. An owner checks that the lock is still
 * its own before each write it makes (see HistoryLock.check), and stops, saying so, if another
 * knot took it over.
 */
export const lockFile = (dataDir: string): string => join(dataDir, "history.lock");

interface Owner {
  pid: number;
  started?: string;
  what: string;
  at: string;
}

export interface HistoryLock {
  /** Throws a KnotError if the lock is no longer this knot's (see lockLost). */
  check(): void;
  release(): void;
}

export interface LockOptions {
  /** What the lock is for, named to a knot that has to wait ("importing sessions"). */
  what: string;
  /** How long to wait for another writer to finish; 0 gives up at once (returns undefined). */
  waitMs?: number;
  now?: () => number;
  /** Whether a process (id, start time) still runs; tests hand in their own. */
  alive?: (pid: number, started: string | undefined) => boolean;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function isAlive(pid: number, started: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (started === undefined) return true;
  const now = processStart(pid);
  return now === undefined || now === started;
}

function readOwner(path: string): { owner?: Owner; ino?: number; ageMs: number } | undefined {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return { ageMs: 0 };
  }
  // a lock is a regular file knot made; anything else there (a link) is taken over
  if (!stat.isFile()) return { ino: stat.ino, ageMs: Number.POSITIVE_INFINITY };
  const ageMs = Date.now() - stat.mtimeMs;
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Owner;
    const usable = Number.isInteger(owner?.pid) && typeof owner.what === "string";
    return { ...(usable ? { owner } : {}), ino: stat.ino, ageMs };
  } catch {
    // being written this moment (created, not yet filled), or left so by a knot that died
    // then: judged by its age
    return { ino: stat.ino, ageMs };
  }
}

/**
 * Takes the history's lock, waiting up to `waitMs` for another writer to finish. Returns
 * undefined only when `waitMs` is 0 and another knot holds it; otherwise throws a KnotError
 * saying who holds it when the wait runs out.
 */
export function lockHistory(dataDir: string, options: LockOptions): HistoryLock | undefined {
  const path = lockFile(dataDir);
  const alive = options.alive ?? isAlive;
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  const mine: Owner = {
    pid: process.pid,
    what: options.what,
    at: new Date(options.now?.() ?? Date.now()).toISOString(),
  };
  const started = processStart(process.pid);
  if (started !== undefined) mine.started = started;
  const text = JSON.stringify(mine);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw lockError(path, error);
  }
  for (;;) {
    let fd: number;
    try {
      fd = openSync(path, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw lockError(path, error);
      const held = readOwner(path);
      if (!held) continue; // released this moment
      const stale = held.owner ? !alive(held.owner.pid, held.owner.started) : held.ageMs > 10_000; // never filled in: its knot died between creating and writing
      if (stale) {
        takeOver(path, held.ino);
        continue;
      }
      if (Date.now() >= deadline) {
        if (options.waitMs === 0) return undefined;
        const who = held.owner
          ? filesText.historyBusyWith(held.owner.pid, held.owner.what, held.owner.at)
          : filesText.historyBusyWriting;
        throw new KnotError(filesText.historyBusy(who), {
          exitCode: ExitCode.failure,
          hint: filesText.historyBusyHint(path),
        });
      }
      sleep(50);
      continue;
    }
    let ino: number;
    try {
      writeSync(fd, text);
      fsyncSync(fd);
      ino = fstatSync(fd).ino;
    } catch (error) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw lockError(path, error);
    }
    closeSync(fd);
    let released = false;
    const ours = () => {
      try {
        return lstatSync(path).ino === ino && readFileSync(path, "utf8") === text;
      } catch {
        return false;
      }
    };
    return {
      check: () => {
        if (!released && !ours()) throw lockLost(path);
      },
      release: () => {
        if (released) return;
        released = true;
        if (ours()) rmSync(path, { force: true });
      },
    };
  }
}

/**
 * Moves a stale lock aside and removes it. Moved first (a rename happens once), so of two
 * knots finding the same stale lock only one removes it; if what was moved is not the stale
 * lock seen (a new owner took it in between), it is put back.
 */
function takeOver(path: string, ino: number | undefined): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another knot took it over first
  }
  try {
    if (ino !== undefined && lstatSync(aside).ino !== ino) {
      renameSync(aside, path);
      return;
    }
  } catch {
    // gone already
  }
  rmSync(aside, { force: true });
}

/** Whether a lock is left by a knot that is gone (for tidying at start). */
export function staleLock(
  dataDir: string,
  alive: (pid: number, started: string | undefined) => boolean = isAlive,
): boolean {
  const held = readOwner(lockFile(dataDir));
  if (!held) return false;
  return held.owner ? !alive(held.owner.pid, held.owner.started) : held.ageMs > 10_000;
}

const lockError = (path: string, error: unknown) =>
  new KnotError(filesText.lockFailed(path, describeFsError(error)), {
    exitCode: ExitCode.failure,
    hint: filesText.lockFailedHint,
  });

export const lockLost = (path: string) =>
  new KnotError(filesText.lockLost(path), {
    exitCode: ExitCode.failure,
    hint: filesText.lockLostHint,
  });
