import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeFsError } from "../../src/files.js";
import { HistoryStore } from "../../src/history/months.js";
import { tempDir } from "../helpers.js";
import { rec } from "./fixtures.js";

describe("knot never writes through a link in its own folders", () => {
  it("a month file that is a link is refused, and its target left as it was", () => {
    const data = tempDir();
    const record = rec();
    const store = new HistoryStore(data);
    const target = join(tempDir(), "someone-elses.txt");
    writeFileSync(target, "keep me\n");
    mkdirSync(store.dir, { recursive: true });
    symlinkSync(target, store.fileOf(record.startedAt.slice(0, 7)));
    let error: unknown;
    try {
      store.append(record);
    } catch (e) {
      error = e;
    }
    expect(describeFsError(error)).toMatch(/symbolic link, and knot never writes through/);
    expect(readFileSync(target, "utf8")).toBe("keep me\n");
  });

  it("an index planted as a link is replaced by the rename, its target untouched", () => {
    const data = tempDir();
    const record = rec();
    const store = new HistoryStore(data);
    store.append(record);
    const month = record.startedAt.slice(0, 7);
    const target = join(tempDir(), "target.json");
    writeFileSync(target, "untouched");
    mkdirSync(join(data, "index"), { recursive: true });
    symlinkSync(target, join(data, "index", `${month}.json`));
    symlinkSync(target, join(data, "index", `${month}.json.${process.pid}.tmp`));
    store.summariesSince(0);
    expect(readFileSync(target, "utf8")).toBe("untouched");
    expect(JSON.parse(readFileSync(join(data, "index", `${month}.json`), "utf8")).v).toBe(5);
  });
});
