import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import { filesText } from "../text/files.js";
import type { Damage } from "./damage.js";
import type { HistoryLock } from "./lock.js";
import {
  appendLines,
  forEachLine,
  isLineProblem,
  type LineProblem,
  monthOf,
  parseLine,
} from "./store.js";

/**
 * Moves a single-file history (older versions) into monthly files under `dir`, once. The months
 * are written in a folder of this knot's own and renamed into place in one step, so two knots
 * starting at the same moment cannot both do it or mix their work. Damaged lines are passed to
 * `damaged` and not carried over (the old file is kept as a backup by the caller).
 */
export function moveIntoMonths(
  legacy: string,
  dir: string,
  damaged: (line: number, reason: LineProblem) => void,
  /** Throws if the history's lock is no longer this knot's; asked before the move lands. */
  stillMine: () => void = () => {},
): void {
  const work = `${dir}.moving-${process.pid}`;
  // what a knot that died while moving left (the lock is this knot's, so none is in use)
  removeLeftovers(dirname(dir));
  mkdirSync(work, { recursive: true });
  const buffers = new Map<string, string[]>();
  let bytes = 0;
  const flush = () => {
    for (const [month, lines] of buffers) appendLines(join(work, `${month}.jsonl`), lines);
    buffers.clear();
    bytes = 0;
  };
  try {
    forEachLine(legacy, (line, number) => {
      const parsed = parseLine(line);
      if (parsed === undefined) return;
      if (isLineProblem(parsed)) {
        damaged(number, parsed);
        return;
      }
      const month = monthOf(parsed.startedAt);
      const lines = buffers.get(month) ?? [];
      lines.push(line.trim());
      buffers.set(month, lines);
      bytes += line.length;
      if (bytes > 4 << 20) flush();
    });
    flush();
    syncFolder(work);
    stillMine();
    renameSync(work, dir);
    syncFolder(dirname(dir));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    // Another knot moved it first: its folder is in place, and this one's work is not needed.
    if ((code === "ENOTEMPTY" || code === "EEXIST") && exists(dir)) return;
    if (code === "ENOTREG" || code === "EISDIR") {
      throw new KnotError(filesText.historyNotRegular(legacy), {
        exitCode: ExitCode.failure,
        hint: filesText.historyRegularHint,
      });
    }
    throw error;
  }
}

/** The folders of moves that never finished: `history.moving-<pid>` (a partial copy). */
export function removeLeftovers(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir).filter((name) => /^history\.moving-\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of names) rmSync(join(dataDir, name), { recursive: true, force: true });
  return names;
}

export const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Flushes a folder's entries (a rename into it) to disk where the system allows it. */
function syncFolder(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not possible everywhere (Windows); the files themselves were flushed
  }
}

/**
 * Moves a single-file history (older versions) into months under `dir`, once, under the
 * history's lock: the months are made by moveIntoMonths, then the old file goes aside as a
 * backup (whoever moved it: the rename moves it away once). Returns the backup's path, or
 * undefined when there was nothing to move (the usual case: one stat). Damaged lines are
 * noted against the backup.
 */
export function moveLegacyHistory(
  legacy: string,
  dir: string,
  options: {
    lock: () => HistoryLock;
    backupName: (legacy: string) => string;
    damaged: Damage[];
  },
): string | undefined {
  try {
    statSync(legacy);
  } catch {
    return undefined;
  }
  let lock: HistoryLock | undefined;
  try {
    lock = options.lock();
    statSync(legacy); // moved by the knot that held the lock before this one
    if (!exists(dir)) {
      moveIntoMonths(
        legacy,
        dir,
        (line, reason) => options.damaged.push({ file: legacy, line, reason }),
        () => lock!.check(),
      );
    }
    const backup = options.backupName(legacy);
    renameSync(legacy, backup);
    for (const d of options.damaged) if (d.file === legacy) d.file = backup;
    return backup;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if (error instanceof KnotError) throw error;
    throw new KnotError(filesText.moveFailed(legacy, describeFsError(error)), {
      exitCode: ExitCode.failure,
      hint: filesText.moveFailedHint,
    });
  } finally {
    lock?.release();
  }
}
