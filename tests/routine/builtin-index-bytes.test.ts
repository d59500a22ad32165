import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBuiltInIndex, writeBuiltInIndex } from "../../src/routine/builtin-index.js";
import { openRoutineCache } from "../../src/routine/cache.js";
import { loadLibrary } from "../../src/routine/library.js";
import { routineJson, tempDir, writeTree } from "../helpers.js";

const fromFiles = (builtInDir: string) =>
  loadLibrary({ builtInDir, userDir: join(builtInDir, "none") }).entries;

describe("the built-in routines' index, checked against the files' bytes", () => {
  it("counts for nothing after a change that keeps the file's size", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha", name: "Alpha" }) });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    const before = readFileSync(join(dir, "a.json"), "utf8");
    const after = before.replace("Alpha", "Alfa!");
    expect(after.length).toBe(before.length);
    writeFileSync(join(dir, "a.json"), after);
    expect(readBuiltInIndex(file, dir)).toBeUndefined();
    // and read from the files instead, the routine is as changed
    expect(fromFiles(dir)[0]?.routine.name).toBe("Alfa!");
  });

  it("keeps a file's bytes exactly, whatever characters it holds", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha", name: "Stretch … ☀ é" }) });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    expect(readBuiltInIndex(file, dir)).toEqual(fromFiles(dir));
    writeFileSync(join(dir, "a.json"), readFileSync(join(dir, "a.json"), "utf8").replace("é", "è"));
    expect(readBuiltInIndex(file, dir)).toBeUndefined();
  });
});

/** A routines cache's keeping of the files' stamp, recording what was kept. */
const keeper = () => {
  const kept: string[] = [];
  return {
    kept,
    get builtIns() {
      return kept.at(-1);
    },
    keepBuiltIns(stamp: string) {
      kept.push(stamp);
    },
  };
};

describe("the built-in routines' index, once the files were found to match it", () => {
  it("is trusted from the files' names, sizes, times and inodes, without their bytes", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha" }) });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    const stamps = keeper();
    expect(readBuiltInIndex(file, dir, stamps)).toEqual(fromFiles(dir));
    expect(stamps.kept).toHaveLength(1);
    // the bytes are not read again: without them, the index still counts
    rmSync(file.replace(/\.json$/, ".files.json"));
    expect(readBuiltInIndex(file, dir, stamps)).toEqual(fromFiles(dir));
    expect(readBuiltInIndex(file, dir)).toBeUndefined();
    expect(stamps.kept).toHaveLength(1);
  });

  it("compares the bytes again when a file has another time, and keeps the new stamp if they match", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha", name: "Alpha" }) });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    const stamps = keeper();
    readBuiltInIndex(file, dir, stamps);
    // npm's time for a package's files: the same bytes
    const packed = new Date("1985-10-26T08:15:00Z");
    utimesSync(join(dir, "a.json"), packed, packed);
    expect(readBuiltInIndex(file, dir, stamps)).toEqual(fromFiles(dir));
    expect(stamps.kept).toHaveLength(2);
    expect(stamps.kept[1]).not.toBe(stamps.kept[0]);
    // an edit of the same size: a new time, other bytes
    const before = readFileSync(join(dir, "a.json"), "utf8");
    writeFileSync(join(dir, "a.json"), before.replace("Alpha", "Alfa!"));
    expect(readBuiltInIndex(file, dir, stamps)).toBeUndefined();
    expect(stamps.kept).toHaveLength(2);
  });

  it("is kept in the person's routines cache between runs", () => {
    const cacheFile = join(tempDir(), "cache", "routines.json");
    const first = openRoutineCache(cacheFile, "knot 1");
    expect(first.builtIns).toBeUndefined();
    first.keepBuiltIns("a.json 10 1 2");
    first.save();
    expect(openRoutineCache(cacheFile, "knot 1").builtIns).toBe("a.json 10 1 2");
    // another knot's cache counts for nothing
    expect(openRoutineCache(cacheFile, "knot 2").builtIns).toBeUndefined();
  });
});
