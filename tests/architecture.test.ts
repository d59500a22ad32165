import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * knot's layers, highest first. A file may import its own layer or a lower one, never a higher
 * one; and no import circle, type-only and dynamic imports included. A path names a file or a
 * folder under src/ (the longest that matches a file places it).
 */
const LAYERS: readonly { name: string; paths: readonly string[] }[] = [
  {
    // the program and each command's wiring (cli/): options, help and which use case it runs
    name: "entry",
    paths: [
      "cli.ts",
      "cli/",
      "main.ts",
      "knot-process.ts",
      "complete-main.ts",
      "fast-path.ts",
      "report-error.ts",
    ],
  },
  { name: "commands", paths: ["commands/"] },
  {
    // what a command does: run a session at the terminal, schedule and send reminders, build a
    // routine, gather a report
    name: "use cases",
    paths: ["coach/", "session/", "remind/", "builder/", "progress/", "cycle.ts", "complete.ts"],
  },
  {
    // files, the terminal, prompts: the edges the use cases are handed
    name: "adapters",
    paths: [
      "config/",
      "history/",
      "remind/state.ts",
      "remind/log.ts",
      "remind/lock.ts",
      "remind/profile.ts",
      "remind/store.ts",
      "remind/reminders-file.ts",
      "routine/folder.ts",
      "routine/library.ts",
      "routine/entry.ts",
      "routine/cache.ts",
      "routine/parse.ts",
      "routine/report.ts",
      "routine/builtin-index.ts",
      "safety/screening-log.ts",
      "safety/screening-answers.ts",
      "session/terminal.ts",
      "session/speech.ts",
      "session/cue-programs.ts",
      "ui/prompt.ts",
      "ui/asking.ts",
      "ui/yes-no.ts",
      "ui/line-prompt.ts",
      "context.ts",
      "output.ts",
      "direct-stdout.ts",
      "empty-input.ts",
      "files.ts",
      "paths.ts",
      "signals.ts",
      "process-start.ts",
      "on-path.ts",
    ],
  },
  {
    // the words: text modules by area, keyed by id, that turn the domain's codes and numbers
    // into messages (src/text/locale.ts chooses the language)
    name: "text",
    paths: ["text/"],
  },
  {
    // the change over weeks, what helps and the weekly check's activities (progress), and the
    // builder's steps, poses and typed text: the codes and numbers the text modules word
    name: "domain: progress and the builder's steps",
    paths: [
      "progress/change.ts",
      "progress/helps.ts",
      "progress/psfs.ts",
      "builder/clean-text.ts",
      "builder/draft-types.ts",
      "builder/poses.ts",
    ],
  },
  {
    // the session's state machine and the reminders' rules: they judge with the safety rules
    name: "domain: session and reminders",
    paths: [
      "session/engine.ts",
      "session/engine-state.ts",
      "session/engine-steps.ts",
      "session/engine-rules.ts",
      "session/engine-readings.ts",
      "session/reps.ts",
      "remind/model.ts",
      "remind/decide.ts",
    ],
  },
  { name: "domain: safety", paths: ["safety/"] },
  {
    name: "domain: history",
    paths: [
      "history/record.ts",
      "history/record-check.ts",
      "history/record-types.ts",
      "history/analysis.ts",
    ],
  },
  {
    // routines and the rules of a timeline's own cold and heat, which a routine file is checked
    // against
    name: "domain: routines",
    paths: ["routine/", "poses/", "safety/rules.ts"],
  },
  {
    name: "shared",
    paths: ["errors.ts", "duration.ts", "health.ts", "hash.ts", "suggest.ts", "package.ts", "ui/"],
  },
];

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [relative(SRC, path).split("\\").join("/")] : [];
  });
}

/** Every file under src/ a file imports: static, type-only, re-exported and dynamic alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) =>
      relative(SRC, resolve(SRC, dirname(file), spec.replace(/\.js$/, ".ts")))
        .split("\\")
        .join("/"),
    );
}

function layerOf(file: string): number {
  let best = -1;
  let length = -1;
  LAYERS.forEach((layer, i) => {
    for (const path of layer.paths) {
      const fits = path.endsWith("/") ? file.startsWith(path) : file === path;
      if (fits && path.length > length) {
        best = i;
        length = path.length;
      }
    }
  });
  return best;
}

/** The import circles (strongly connected groups of two or more files, or a file importing itself). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)!.includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const files = sourceFiles(SRC).sort();
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe("the layers of knot's code", () => {
  it("places every source file in a layer", () => {
    expect(files.filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it("reads imports of every kind (the parser sees type-only, re-exported and dynamic ones)", () => {
    const { importedFiles } = ts.preProcessFile(
      'import type { A } from "./a.js";\nexport { b } from "./b.js";\nconst c = await import("./c.js");',
      true,
      true,
    );
    expect(importedFiles.map((f) => f.fileName)).toEqual(["./a.js", "./b.js", "./c.js"]);
  });

  it("has no import circle", () => {
    expect(circles(graph)).toEqual([]);
  });

  it("never imports from a lower layer into a higher one", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (!graph.has(target)) continue;
        if (layerOf(target) < layerOf(file)) {
          upward.push(
            `${file} (${LAYERS[layerOf(file)]!.name}) -> ${target} (${LAYERS[layerOf(target)]!.name})`,
          );
        }
      }
    }
    expect(upward).toEqual([]);
  });
});

/** Past this many lines a source file says at its top why it is long (a line "// Long: why"). */
const LONG_FILE_LINES = 300;
const TESTS = fileURLToPath(new URL("./", import.meta.url));

/**
 * Tests at the top of tests/ that are named after no single file: they follow a whole flow
 * through many modules, or the built-in routines in routines/. Every other test sits where its
 * source does (tests/routine/timeline.test.ts for src/routine/timeline.ts), a top-level source
 * file's at the top (tests/paths.test.ts for src/paths.ts).
 */
const CROSS_CUTTING_TESTS = [
  "architecture.test.ts",
  "builtins.test.ts",
  "fuzz.test.ts",
  "hardening.test.ts",
  "routines-content.test.ts",
];
/** Folders of tests/ with no folder of src/ to match: whole runs of the program, and the setup. */
const TEST_ONLY_FOLDERS = ["e2e", "setup"];

/** The top-level tests and test folders out of place, by the rules above. */
function misplacedTests(testEntries: readonly { name: string; folder: boolean }[]): string[] {
  const srcFolders = new Set(
    readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );
  return testEntries
    .filter(({ name, folder }) =>
      folder
        ? !srcFolders.has(name) && !TEST_ONLY_FOLDERS.includes(name) && !name.startsWith("__")
        : name.endsWith(".test.ts") &&
          !CROSS_CUTTING_TESTS.includes(name) &&
          !files.includes(name.replace(/\.test\.ts$/, ".ts")),
    )
    .map(({ name }) => name);
}

/** The source files over the limit without a note on one of their first lines saying why. */
function longWithoutNote(sources: ReadonlyMap<string, string>): string[] {
  return [...sources]
    .filter(([, text]) => text.split("\n").length - 1 > LONG_FILE_LINES)
    .filter(([, text]) => !/^\/\/ Long: \S/m.test(text.split("\n").slice(0, 5).join("\n")))
    .map(([file]) => file);
}

describe("the house in order", () => {
  it(`keeps source files under ${LONG_FILE_LINES} lines, or says at the top why one is longer`, () => {
    const sources = new Map(files.map((file) => [file, readFileSync(join(SRC, file), "utf8")]));
    expect(longWithoutNote(sources)).toEqual([]);
  });

  it("finds a long file without its note, and takes one with it", () => {
    const long = `${"const a = 1;\n".repeat(LONG_FILE_LINES + 1)}`;
    expect(
      longWithoutNote(
        new Map([
          ["long.ts", long],
          ["noted.ts", `// Long: one table of data, read whole.\n${long}`],
          ["short.ts", "const a = 1;\n".repeat(LONG_FILE_LINES)],
        ]),
      ),
    ).toEqual(["long.ts"]);
  });

  it("lays tests out like src/: a test at the top of tests/ is a top-level file's or a cross-cutting one", () => {
    const entries = readdirSync(TESTS, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      folder: entry.isDirectory(),
    }));
    expect(misplacedTests(entries)).toEqual([]);
  });

  it("finds a test out of place", () => {
    expect(
      misplacedTests([
        { name: "timeline.test.ts", folder: false },
        { name: "paths.test.ts", folder: false },
        { name: "fuzz.test.ts", folder: false },
        { name: "helpers.ts", folder: false },
        { name: "routine", folder: true },
        { name: "e2e", folder: true },
        { name: "widgets", folder: true },
      ]),
    ).toEqual(["timeline.test.ts", "widgets"]);
  });
});
