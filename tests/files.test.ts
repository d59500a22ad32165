import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeWhole } from "../src/files.js";
import { tempDir } from "./helpers.js";

describe("writeWhole: one of knot's files replaced whole", () => {
  it("replaces the file and leaves nothing beside it", () => {
    const dir = tempDir();
    const file = join(dir, "psfs.json");
    writeFileSync(file, "old");
    writeWhole(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["psfs.json"]);
  });

  it("refuses a link at the name, and its target is untouched", () => {
    const dir = tempDir();
    const target = join(dir, "elsewhere.json");
    writeFileSync(target, "theirs");
    symlinkSync(target, join(dir, "psfs.json"));
    expect(() => writeWhole(join(dir, "psfs.json"), "new")).toThrow(/symbolic link/);
    expect(readFileSync(target, "utf8")).toBe("theirs");
  });

  it("a rename that fails leaves what was there and no part-written file", () => {
    const dir = tempDir();
    const file = join(dir, "routine.json");
    // a folder with something in it cannot be replaced by a file
    mkdirSync(file);
    writeFileSync(join(file, "kept"), "x");
    expect(() => writeWhole(file, "new")).toThrow();
    expect(readdirSync(dir)).toEqual(["routine.json"]);
    expect(readdirSync(file)).toEqual(["kept"]);
  });
});
