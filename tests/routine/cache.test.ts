import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openRoutineCache } from "../../src/routine/cache.js";
import { briefOf } from "../../src/routine/entry.js";
import { loadLibrary } from "../../src/routine/library.js";
import { routineJson, tempDir, writeTree } from "../helpers.js";

const folder = () =>
  writeTree({
    "alone.json": routineJson({ id: "alone", name: "Alone" }),
    "whole.json": routineJson({
      id: "whole",
      steps: [{ routine: "alone" }, { name: "Rest", kind: "rest", duration: 5 }],
    }),
    "broken.json": "{ not json",
  });
// each entry whole (a brief kept in the cache aside): its routine, timeline, cautions, warnings
const summary = (library: ReturnType<typeof loadLibrary>) => ({
  entries: library.entries.map((e) => ({
    routine: e.routine,
    path: e.path,
    origin: e.origin,
    overridesBuiltIn: e.overridesBuiltIn,
    timeline: e.timeline,
    totalSeconds: e.totalSeconds,
    warnings: e.warnings,
    cautions: e.cautions,
  })),
  broken: library.broken,
});

describe("the cache of the person's routines", () => {
  it("gives what reading the files gives, on the first run and the next", () => {
    const userDir = folder();
    const cacheFile = join(tempDir(), "cache", "routines.json");
    const plain = summary(loadLibrary({ userDir }));
    expect(summary(loadLibrary({ userDir, cacheFile }))).toEqual(plain);
    expect(summary(loadLibrary({ userDir, cacheFile }))).toEqual(plain);
    expect(plain.broken.map((b) => b.path)).toEqual([join(userDir, "broken.json")]);
  });

  it("is what a second run lists, the routine itself read from its file, and a changed file is read again", () => {
    const userDir = folder();
    const cacheFile = join(tempDir(), "routines.json");
    loadLibrary({ userDir, cacheFile });
    // what the cache holds stands for the unchanged file (here altered to tell it apart)
    const stored = JSON.parse(readFileSync(cacheFile, "utf8"));
    stored.files[join(userDir, "alone.json")].brief.name = "From the cache";
    writeFileSync(cacheFile, JSON.stringify(stored));
    const kept = loadLibrary({ userDir, cacheFile }).find("alone")!;
    expect(briefOf(kept).name).toBe("From the cache");
    // shown or run, a routine is its file's
    expect(kept.routine.name).toBe("Alone");
    // an edit in place, which leaves the folder's time as it was
    writeFileSync(
      join(userDir, "alone.json"),
      JSON.stringify(routineJson({ id: "alone", name: "Edited since" })),
    );
    const library = loadLibrary({ userDir, cacheFile });
    expect(briefOf(library.find("alone")!).name).toBe("Edited since");
    expect(library.find("alone")?.routine.name).toBe("Edited since");
    expect(library.find("whole")?.timeline[0]?.name).toBe("Stretch");
  });

  it("keeps a routine that stands alone as its brief, the others as read", () => {
    const userDir = folder();
    const cacheFile = join(tempDir(), "routines.json");
    const plain = loadLibrary({ userDir });
    loadLibrary({ userDir, cacheFile });
    const { files } = JSON.parse(readFileSync(cacheFile, "utf8"));
    expect(files[join(userDir, "alone.json")].brief).toEqual(briefOf(plain.find("alone")!));
    expect(files[join(userDir, "alone.json")].parsed).toBeUndefined();
    // one that includes another depends on that file too; a broken one keeps its problems
    expect(files[join(userDir, "whole.json")].parsed.routine.id).toBe("whole");
    expect(files[join(userDir, "broken.json")].parsed.ok).toBe(false);
    // a second file with a kept routine's id is refused as it was
    writeFileSync(join(userDir, "same.json"), JSON.stringify(routineJson({ id: "alone" })));
    const again = loadLibrary({ userDir, cacheFile });
    expect(again.broken.map((b) => [b.path, b.id])).toContainEqual([
      join(userDir, "same.json"),
      "alone",
    ]);
  });

  it("counts for nothing once knot itself changed", () => {
    const userDir = folder();
    const cacheFile = join(tempDir(), "routines.json");
    const path = join(userDir, "alone.json");
    const first = openRoutineCache(cacheFile, "1.0.0 built-1");
    first.keepParsed(path, { ok: false, issues: [] });
    first.save();
    expect(openRoutineCache(cacheFile, "1.0.0 built-1").lookup(path)).toBeDefined();
    expect(openRoutineCache(cacheFile, "1.0.1 built-2").lookup(path)).toBeUndefined();
  });
});
