import { readdirSync, statSync } from "node:fs";
import { type FolderStamp, type MonthsList, readMonthsList, writeIndex } from "./index-files.js";
import { historyReadError } from "./store.js";

const MONTH_FILE = /^(\d{4})-(\d{2})\.jsonl$/;

/**
 * The months that have a file in the history folder, oldest first. The list is kept (in the
 * index folder, `kept`) under the folder's change time and inode, which change whenever a file
 * comes or goes: a history of decades is not listed again at every start (548 names for
 * 100,000 sessions, about 1 ms). The change time, not the modification time: a sync or an
 * archive can set a folder's modification time back (rsync -a, tar), never its change time.
 */
export class MonthList {
  /** The months as last listed, under the folder's change time then. */
  private listed: MonthsList | undefined;
  private read = false;
  /**
   * The folder's change time and inode when get() last looked, once a second old (see below):
   * what the streak cache is kept under. Undefined before, or while the folder is that young.
   */
  stamp: FolderStamp | undefined;

  constructor(
    private readonly dir: string,
    private readonly kept?: string,
  ) {}

  /** The months, oldest first ([] with no folder). */
  get(): string[] {
    try {
      // A command asks several times (its window, the rules' weeks, the streak): the folder is
      // listed again only when a file has come or gone since, which changes its time. A folder
      // changed in the last second is listed every time: its time is kept in steps of a few
      // milliseconds, so a file added within the same step would not change it.
      const folder = statSync(this.dir);
      const settled = Date.now() - folder.ctimeMs > 1000;
      this.stamp = settled ? [folder.ctimeMs, folder.ino] : undefined;
      if (!this.read && this.kept) {
        this.read = true;
        this.listed = readMonthsList(this.kept);
      }
      const listed = this.listed;
      if (listed && listed.ctimeMs === folder.ctimeMs && listed.ino === folder.ino) {
        return listed.months.slice();
      }
      const months = readdirSync(this.dir)
        .filter((name) => MONTH_FILE.test(name))
        .map((name) => name.slice(0, 7))
        .sort();
      this.listed = settled ? { ctimeMs: folder.ctimeMs, ino: folder.ino, months } : undefined;
      if (this.listed && this.kept) writeIndex(this.kept, this.listed);
      return months.slice();
    } catch (error) {
      this.stamp = undefined;
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw historyReadError(this.dir, error);
    }
  }

  /** A file came or went: the folder is listed again. */
  forget(): void {
    this.listed = undefined;
  }
}
