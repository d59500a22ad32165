import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KnotError } from "../../src/errors.js";
import { findRoutine, loadLibrary } from "../../src/routine/library.js";
import { closestMatches } from "../../src/suggest.js";
import { routineJson, writeTree } from "../helpers.js";

const builtIns = {
  "a.json": routineJson({ id: "alpha", name: "Alpha" }),
  "b.json": routineJson({
    id: "beta",
    name: "Beta",
    steps: [{ routine: "alpha" }, { name: "B", kind: "rest", duration: 5 }],
  }),
  "schema.json": { not: "a routine" },
};

const load = (user: Record<string, string | object> = {}) => {
  const builtInDir = writeTree(builtIns);
  const userDir = writeTree(user);
  return loadLibrary({ builtInDir, userDir });
};

describe("loadLibrary", () => {
  it("loads built-ins (never schema.json) and expands includes", () => {
    const library = load();
    expect(library.entries.map((e) => e.routine.id)).toEqual(["alpha", "beta"]);
    expect(library.find("beta")?.timeline.map((t) => t.name)).toEqual(["Stretch", "B"]);
    expect(library.find("beta")?.totalSeconds).toBe(25);
    expect(library.broken).toEqual([]);
  });

  it("lets a user routine with a built-in's id replace it, marked as custom", () => {
    const library = load({ "alpha.json": routineJson({ id: "alpha", name: "My alpha" }) });
    const alpha = library.find("alpha");
    expect(alpha?.routine.name).toBe("My alpha");
    expect(alpha?.origin).toBe("custom");
    expect(alpha?.overridesBuiltIn).toBe(true);
  });

  it("lists a broken user file with its error and still loads the rest", () => {
    const library = load({
      "broken.json": "{ not json",
      "good.json": routineJson({ id: "good" }),
      "unsafe.json": routineJson({
        id: "unsafe",
        steps: [{ name: "Ice", kind: "cold", duration: "30m" }],
      }),
    });
    expect(library.find("good")).toBeDefined();
    const broken = Object.fromEntries(
      library.broken.map((b) => [b.path.split("/").pop(), b.issues[0]?.message]),
    );
    expect(broken["broken.json"]).toMatch(/not valid JSON at line 1/);
    expect(broken["unsafe.json"]).toMatch(/at most 20 minutes/);
  });

  it("marks a second user file with the same id as broken", () => {
    const library = load({
      "1.json": routineJson({ id: "dup" }),
      "2.json": routineJson({ id: "dup", name: "Two" }),
    });
    expect(library.find("dup")?.routine.name).toBe("My routine");
    expect(library.broken[0]?.path).toMatch(/2\.json$/);
    expect(library.broken[0]?.issues[0]?.message).toMatch(/already used by 1\.json/);
  });

  it("marks a routine broken when what it includes is broken", () => {
    const library = load({
      "alpha.json": routineJson({
        id: "alpha",
        steps: [{ name: "x", kind: "heat", duration: "45m" }],
      }),
    });
    expect(library.find("beta")).toBeUndefined();
    expect(library.broken.find((b) => b.id === "beta")?.issues[0]?.message).toMatch(
      /includes "alpha", which has errors/,
    );
  });

  it("copes with a missing user folder", () => {
    const builtInDir = writeTree(builtIns);
    expect(loadLibrary({ builtInDir, userDir: join(builtInDir, "nope") }).entries).toHaveLength(2);
  });
});

describe("findRoutine", () => {
  it("finds by id", () => {
    expect(findRoutine(load(), "beta").routine.name).toBe("Beta");
  });

  it("suggests close names for an unknown one", () => {
    const attempt = () => findRoutine(load(), "alpah");
    expect(attempt).toThrow(KnotError);
    expect(attempt).toThrow(/no routine called "alpah". Did you mean "alpha"\?/);
  });

  it("loads a file by path, resolving includes from the library", () => {
    const dir = writeTree({
      "mine.json": routineJson({ id: "mine", steps: [{ routine: "alpha" }] }),
    });
    const entry = findRoutine(load(), join(dir, "mine.json"));
    expect(entry.origin).toBe("file");
    expect(entry.timeline.map((t) => t.name)).toEqual(["Stretch"]);
  });

  it("explains what is wrong with a broken file given by path", () => {
    const dir = writeTree({
      "bad.json": routineJson({ steps: [{ name: "x", kind: "hold", duration: "ten" }] }),
    });
    expect(() => findRoutine(load(), join(dir, "bad.json"))).toThrow(
      /steps\[0\]\.duration: "ten" is not a duration/,
    );
  });

  it("explains a missing file", () => {
    expect(() => findRoutine(load(), "./missing.json")).toThrow(/no such file/);
  });

  it("explains why a broken user routine asked for by id cannot run", () => {
    const library = load({ "mine.json": routineJson({ id: "mine", category: "nope" }) });
    expect(() => findRoutine(library, "mine")).toThrow(
      /mine\.json has a problem:\n {2}category: .*"nope"/,
    );
  });
});

describe("closestMatches", () => {
  it.each([
    ["strech", ["stretch", "heat", "cold-cycle"], ["stretch"]],
    ["cold", ["stretch", "cold-cycle", "heat"], ["cold-cycle"]],
    ["tenis", ["tennis-ball", "fingertips"], ["tennis-ball"]],
    ["xyzzy", ["stretch", "heat"], []],
    // far from a long name's start too: nothing, rather than an unrelated name
    ["nosuch", ["e".repeat(40), "stretch"], []],
  ])("for %s among %j suggests %j", (input, candidates, expected) => {
    expect(closestMatches(input, candidates)).toEqual(expected);
  });
});
