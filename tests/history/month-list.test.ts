import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MonthList } from "../../src/history/month-list.js";
import { tempDir } from "../helpers.js";

/** A history folder with these months' files, last changed a minute ago (settled). */
function folder(months: string[]) {
  const data = tempDir();
  const dir = join(data, "history");
  mkdirSync(dir);
  for (const m of months) writeFileSync(join(dir, `${m}.jsonl`), "");
  writeFileSync(join(dir, "notes.txt"), "");
  const past = new Date(Date.now() - 60_000);
  utimesSync(dir, past, past);
  return { dir, kept: join(data, "index", "months.json") };
}

describe("the months of the history, listed and kept", () => {
  it("keeps the list under the folder's time and inode, and the next knot takes it from there", () => {
    const { dir, kept } = folder(["2026-10", "2026-09", "2026-11"]);
    expect(new MonthList(dir, kept).get()).toEqual(["2026-09", "2026-10", "2026-11"]);
    const written = JSON.parse(readFileSync(kept, "utf8"));
    expect(written).toMatchObject({ mtimeMs: statSync(dir).mtimeMs, ino: statSync(dir).ino });
    // what is kept is what the next knot uses while the folder is as it was
    writeFileSync(kept, JSON.stringify({ ...written, months: ["2026-11"] }));
    expect(new MonthList(dir, kept).get()).toEqual(["2026-11"]);
  });

  it("lists the folder again once a file came or went, and ignores a kept list it cannot read", () => {
    const { dir, kept } = folder(["2026-10"]);
    new MonthList(dir, kept).get();
    writeFileSync(join(dir, "2026-12.jsonl"), "");
    expect(new MonthList(dir, kept).get()).toEqual(["2026-10", "2026-12"]);
    const past = new Date(Date.now() - 30_000);
    utimesSync(dir, past, past);
    writeFileSync(
      kept,
      JSON.stringify({ mtimeMs: statSync(dir).mtimeMs, ino: statSync(dir).ino, months: ["../x"] }),
    );
    expect(new MonthList(dir, kept).get()).toEqual(["2026-10", "2026-12"]);
    writeFileSync(kept, "{");
    expect(new MonthList(dir, kept).get()).toEqual(["2026-10", "2026-12"]);
  });
});
