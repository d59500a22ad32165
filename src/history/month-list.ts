import { readdirSync, statSync } from "node:fs";
import { historyReadError } from "./store.js";

const MONTH_FILE = /^(\d{4})-(\d{2})\.jsonl$/;

/** The months that have a file in the history folder, oldest first. */
export class MonthList {
  /** The months as last listed, under the folder's time then. */
  private listed: { mtimeMs: number; ino: number; months: string[] } | undefined;

  constructor(private readonly dir: string) {}

  /** The months, oldest first ([] with no folder). */
  get(): string[] {
    try {
      // A command asks several times (its window, the rules' weeks, the streak): the folder is
      // listed again only when a file has come or gone since, which changes its time. A folder
      // changed in the last second is listed every time: its time is kept in steps of a few
      // milliseconds, so a file added within the same step would not change it.
      const folder = statSync(this.dir);
      const listed = this.listed;
      if (listed && listed.mtimeMs === folder.mtimeMs && listed.ino === folder.ino) {
        return listed.months.slice();
      }
      const months = readdirSync(this.dir)
        .filter((name) => MONTH_FILE.test(name))
        .map((name) => name.slice(0, 7))
        .sort();
      const settled = Date.now() - folder.mtimeMs > 1000;
      this.listed = settled ? { mtimeMs: folder.mtimeMs, ino: folder.ino, months } : undefined;
      return months.slice();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw historyReadError(this.dir, error);
    }
  }

  /** A file came or went: the folder is listed again. */
  forget(): void {
    this.listed = undefined;
  }
}
