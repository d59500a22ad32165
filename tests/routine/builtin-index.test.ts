import { existsSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_DIR, BUILT_IN_INDEX } from "../../src/package.js";
import { readBuiltInIndex, writeBuiltInIndex } from "../../src/routine/builtin-index.js";
import { loadLibrary } from "../../src/routine/library.js";
import { routineJson, tempDir, writeTree } from "../helpers.js";

const fromFiles = (builtInDir: string) =>
  loadLibrary({ builtInDir, userDir: join(builtInDir, "none") }).entries;

describe("the built-in routines' index", () => {
  it("gives the same routines, timelines and cautions as reading the files", () => {
    const dir = writeTree({
      "a.json": routineJson({ id: "alpha", name: "Alpha" }),
      "b.json": routineJson({ id: "beta", steps: [{ routine: "alpha" }] }),
    });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    expect(readBuiltInIndex(file, dir)).toEqual(fromFiles(dir));
  });

  it("counts for nothing once a routine file changed, was added or removed", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha" }) });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    writeFileSync(
      join(dir, "a.json"),
      JSON.stringify(routineJson({ id: "alpha", name: "Changed" })),
    );
    expect(readBuiltInIndex(file, dir)).toBeUndefined();
    writeBuiltInIndex(file, dir, fromFiles(dir));
    writeFileSync(join(dir, "b.json"), JSON.stringify(routineJson({ id: "beta" })));
    expect(readBuiltInIndex(file, dir)).toBeUndefined();
    expect(readBuiltInIndex(join(dir, "missing.json"), dir)).toBeUndefined();
  });

  it("still counts after the files are given new times, as npm gives a package's files", () => {
    const dir = writeTree({ "a.json": routineJson({ id: "alpha" }) });
    const file = join(tempDir(), "index.json");
    writeBuiltInIndex(file, dir, fromFiles(dir));
    const packed = new Date("1985-10-26T08:15:00Z");
    utimesSync(join(dir, "a.json"), packed, packed);
    expect(readBuiltInIndex(file, dir)).toEqual(fromFiles(dir));
  });

  it.skipIf(!existsSync(BUILT_IN_INDEX))("as built, agrees with knot's routine files", () => {
    const index = readBuiltInIndex(BUILT_IN_INDEX, BUILT_IN_DIR);
    // undefined: a routine file was edited since the last build, and knot reads the files
    if (index) expect(index).toEqual(fromFiles(BUILT_IN_DIR));
  });

  it("gives way to a routine of the person's that replaces a built-in one", () => {
    const userDir = writeTree({
      "mine.json": routineJson({ id: "stretch", name: "My stretch" }),
    });
    const library = loadLibrary({ userDir });
    expect(library.find("stretch")?.routine.name).toBe("My stretch");
    expect(library.find("stretch")?.overridesBuiltIn).toBe(true);
    // a built-in that includes others is still whole
    expect(library.find("full-session")?.timeline.length).toBeGreaterThan(5);
  });
});
