import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MonthList } from "../../src/history/month-list.js";
import { tempDir } from "../helpers.js";

/** Until a folder changed now has settled: a list is kept only a second after a change. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));

/** A history folder with these months' files. */
function folder(months: string[]) {
  const data = tempDir();
  const dir = join(data, "history");
  mkdirSync(dir);
  for (const m of months) writeFileSync(join(dir, `${m}.jsonl`), "");
  writeFileSync(join(dir, "notes.txt"), "");
  return { dir, kept: join(data, "index", "months.json") };
}

describe("the months of the history, listed and kept", () => {
  it("keeps the list under the folder's change time and inode, and the next knot takes it from there", async () => {
    const { dir, kept } = folder(["2026-10", "2026-09", "2026-11"]);
    // a folder changed in the last second is listed, not kept
    expect(new MonthList(dir, kept).get()).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(() => readFileSync(kept)).toThrow();
    await settle();
    expect(new MonthList(dir, kept).get()).toEqual(["2026-09", "2026-10", "2026-11"]);
    const written = JSON.parse(readFileSync(kept, "utf8"));
    expect(written).toMatchObject({ ctimeMs: statSync(dir).ctimeMs, ino: statSync(dir).ino });
    // what is kept is what the next knot uses while the folder is as it was
    writeFileSync(kept, JSON.stringify({ ...written, months: ["2026-11"] }));
    expect(new MonthList(dir, kept).get()).toEqual(["2026-11"]);
  }, 10_000);

  it("lists the folder again once a file came or went, even with its time set back", async () => {
    const { dir, kept } = folder(["2026-10"]);
    // a whole second, which a time set back gives exactly
    const then = Math.floor(Date.now() / 1000) - 60;
    utimesSync(dir, then, then);
    await settle();
    new MonthList(dir, kept).get();
    writeFileSync(join(dir, "2026-12.jsonl"), "");
    // a sync or an archive putting the folder's modification time back as it was
    utimesSync(dir, then, then);
    expect(statSync(dir).mtimeMs).toBe(then * 1000);
    expect(new MonthList(dir, kept).get()).toEqual(["2026-10", "2026-12"]);
  }, 10_000);

  it("ignores a kept list it cannot read or trust", async () => {
    const { dir, kept } = folder(["2026-10"]);
    await settle();
    new MonthList(dir, kept).get();
    const { ctimeMs, ino } = statSync(dir);
    writeFileSync(kept, JSON.stringify({ ctimeMs, ino, months: ["../x"] }));
    expect(new MonthList(dir, kept).get()).toEqual(["2026-10"]);
    writeFileSync(kept, "{");
    expect(new MonthList(dir, kept).get()).toEqual(["2026-10"]);
  }, 10_000);
});
