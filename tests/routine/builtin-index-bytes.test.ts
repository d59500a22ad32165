import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeBuiltInIndex, readBuiltInIndex } from "../../src/routine/builtin-index.js";
import { loadLibrary } from "../../src/routine/library.js";
import { routineJson, tempDir, writeTree } from "../helpers.js";

const fromFiles = (builtInDir: string) =>
  loadLibrary({ builtInDir, userDir: join(builtInDir, "none") }).entries;

describe("the built-in routines' index, checked against the files' bytes", () => {
  it("counts for nothing after a change that keeps the file's size", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha", name: "Alpha" }) });
    const file = join(tempDir(), "index.json");
    writeFileSync(file, JSON.stringify(makeBuiltInIndex(dir, fromFiles(dir))));
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
    writeFileSync(file, JSON.stringify(makeBuiltInIndex(dir, fromFiles(dir))));
    expect(readBuiltInIndex(file, dir)).toEqual(fromFiles(dir));
    writeFileSync(join(dir, "a.json"), readFileSync(join(dir, "a.json"), "utf8").replace("é", "è"));
    expect(readBuiltInIndex(file, dir)).toBeUndefined();
  });
});
