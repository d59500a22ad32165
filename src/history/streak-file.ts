import { rmSync, statSync, utimesSync } from "node:fs";
import { sep } from "node:path";
import type { DayRun } from "./analysis.js";
import {
  type FolderStamp,
  offsetsOf,
  readStreak,
  type StreakFile,
  type StreakMonth,
  writeIndex,
} from "./index-files.js";

/**
 * The streak cache (index/streak.json in the index folder `dir`): the run of days counted back
 * from the month before this one, kept under the month files it was counted from.
 *
 * What is checked, and when. A month file that comes, goes or is replaced (a sync, a restore, an
 * editor that writes a new file) changes the history folder's change time or inode: the cache
 * is kept under them, and when they differ every month file's size and time are checked again.
 * When knot itself writes to a month before this one (a session recovered into last month, an
 * import), it sets the folder's times to now (monthWritten), which moves its change time too.
 * A month file changed in place by another program leaves the folder as it was: the end of each
 * session checks every month's file (recheckRun), so such an edit counts from the next session
 * on. A streak of decades (548 files at 100,000 sessions) is then read without asking the
 * system about each of its months, which on Node 20 costs about 5 ms.
 */

const fileIn = (dir: string) => `${dir}${sep}streak.json`;

/**
 * Whether every month `kept` counted still has its file as it was then (size and time), and
 * `counted`, the history's months now among them, are the same months.
 */
function filesAsKept(
  kept: StreakFile,
  counted: readonly string[],
  fileOf: (month: string) => string,
): boolean {
  if (counted.length !== kept.months.length) return false;
  for (let i = 0; i < counted.length; i++) {
    // read by place, not destructured: destructuring walks an array's iterator, which for
    // hundreds of months, in code V8 has not optimised yet, costs more than the checks
    const was = kept.months[i] as StreakMonth;
    if (was[0] !== counted[i]) return false;
    let stat: { size: number; mtimeMs: number } | undefined;
    try {
      // hundreds of months for a streak of decades: a missing file is no exception here
      stat = statSync(fileOf(was[0]), { throwIfNoEntry: false });
    } catch {
      return false; // one that cannot be asked about (permissions) is not taken as it was
    }
    if (!stat || stat.size !== was[1] || stat.mtimeMs !== was[2]) return false;
  }
  return true;
}

/**
 * The run of days the streak cache kept for the months up to `top` (oldest first in
 * `months`, the history's whole list), while the same months are there, the offset from UTC at
 * each month's start and end is still the same, and either the history folder is as it was
 * (`folder`, see above) or every month file counted is as it was then (the cache is then kept
 * under the folder as it is now).
 */
export function keptRun(
  dir: string,
  fileOf: (month: string) => string,
  top: string,
  months: readonly string[],
  folder: FolderStamp | undefined,
): DayRun | undefined {
  const kept = readStreak(fileIn(dir));
  if (!kept || kept.top !== top) return undefined;
  const counted = months.filter((m) => m >= kept.from && m <= top);
  if (counted.length !== kept.months.length) return undefined;
  for (let i = 0; i < counted.length; i++) {
    const was = kept.months[i] as StreakMonth;
    if (was[0] !== counted[i]) return undefined;
    const offsets = offsetsOf(was[0]);
    if (offsets[0] !== was[3] || offsets[1] !== was[4]) return undefined;
  }
  const same =
    folder && kept.folder && folder[0] === kept.folder[0] && folder[1] === kept.folder[1];
  if (same) return kept.run;
  if (!filesAsKept(kept, counted, fileOf)) return undefined;
  if (folder) writeIndex(fileIn(dir), { ...kept, folder });
  return kept.run;
}

/**
 * After a session: the streak cache is checked against every month file it counted (`months`,
 * the history's list), and dropped when one differs, so that a month changed in place by
 * another program is counted again (see above).
 */
export function recheckRun(
  dir: string,
  fileOf: (month: string) => string,
  months: readonly string[],
): void {
  const kept = readStreak(fileIn(dir));
  if (!kept) return;
  const counted = months.filter((m) => m >= kept.from && m <= kept.top);
  if (!filesAsKept(kept, counted, fileOf)) rmSync(fileIn(dir), { force: true });
}

/**
 * knot itself wrote to a month before this one, which the cache may have counted. The history
 * folder's times are set to now, after the write: its change time moves, so a cache kept under
 * the folder as it was is checked file by file before it is taken again, even one that a count
 * running beside this write read the months for before it, and keeps after it. Where the
 * folder's times cannot be set (a folder of another owner), the cache is dropped. Nothing here
 * fails the write it follows.
 */
export function monthWritten(historyDir: string, dir: string): void {
  try {
    const now = new Date();
    utimesSync(historyDir, now, now);
  } catch {
    try {
      rmSync(fileIn(dir), { force: true });
    } catch {
      // no index folder to drop it from: nothing is kept under it either
    }
  }
}

/**
 * Keeps the run counted back from `top` (see keptRun), under the months it was counted from:
 * `from` (the month before the run's earliest day's, where a session added could join it)
 * to `top`, each with its file's size and time as `statOf` gives them (nothing is kept when a
 * file is gone), and under the history folder as it was before they were read (`folder`).
 */
export function keepRun(
  dir: string,
  statOf: (month: string) => { size: number; mtimeMs: number },
  streak: { top: string; from: string; months: readonly string[]; run: DayRun },
  folder: FolderStamp | undefined,
): void {
  const { top, from, run } = streak;
  const counted: StreakMonth[] = [];
  for (const month of streak.months) {
    if (month < from || month > top) continue;
    let stat: { size: number; mtimeMs: number };
    try {
      stat = statOf(month);
    } catch {
      return;
    }
    counted.push([month, stat.size, stat.mtimeMs, ...offsetsOf(month)]);
  }
  writeIndex(fileIn(dir), { v: 2, top, from, run, months: counted, ...(folder ? { folder } : {}) });
}
