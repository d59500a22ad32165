import { statSync } from "node:fs";
import { sep } from "node:path";
import type { DayRun } from "./analysis.js";
import { offsetsOf, readStreak, type StreakMonth, writeIndex } from "./index-files.js";

/**
 * The streak cache (index/streak.json in the index folder `dir`): the run of days counted back
 * from the month before this one, kept under the month files it was counted from.
 */

/**
 * The run of days the streak cache kept for the months up to `top` (oldest first in
 * `months`, the history's whole list), while every month file it counted is as it was then
 * (size and time, as the month indexes are kept) and none has come or gone among them, and
 * the offset from UTC at each month's start and end is still the same. Any write to those
 * months (a session recovered into them, an import, a hand edit), a clear or a lost index
 * folder makes it count them again.
 */
export function keptRun(
  dir: string,
  fileOf: (month: string) => string,
  top: string,
  months: readonly string[],
): DayRun | undefined {
  const kept = readStreak(`${dir}${sep}streak.json`);
  if (!kept || kept.top !== top) return undefined;
  const counted = months.filter((m) => m >= kept.from && m <= top);
  if (counted.length !== kept.months.length) return undefined;
  for (let i = 0; i < counted.length; i++) {
    const month = counted[i] as string;
    // read by place, not destructured: destructuring walks an array's iterator, which for
    // hundreds of months, in code V8 has not optimised yet, costs more than the checks
    const was = kept.months[i] as StreakMonth;
    if (was[0] !== month) return undefined;
    // hundreds of months for a streak of decades: a missing file is no exception here
    const stat = statSync(fileOf(month), { throwIfNoEntry: false });
    if (!stat || stat.size !== was[1] || stat.mtimeMs !== was[2]) return undefined;
    const offsets = offsetsOf(month);
    if (offsets[0] !== was[3] || offsets[1] !== was[4]) return undefined;
  }
  return kept.run;
}

/**
 * Keeps the run counted back from `top` (see keptRun), under the months it was counted from:
 * `from` (the month before the run's earliest day's, where a session added could join it)
 * to `top`, each with its file's size and time as `statOf` gives them (nothing is kept when a
 * file is gone).
 */
export function keepRun(
  dir: string,
  statOf: (month: string) => { size: number; mtimeMs: number },
  streak: { top: string; from: string; months: readonly string[]; run: DayRun },
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
  writeIndex(`${dir}${sep}streak.json`, { v: 1, top, from, run, months: counted });
}
