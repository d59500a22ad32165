import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_DIR } from "../src/package.js";
import { loadLibrary } from "../src/routine/library.js";
import { parseRoutineBytes } from "../src/routine/parse.js";
import { formatIssues } from "../src/routine/report.js";
import { knot } from "./e2e/run-knot.js";
import { BUILT_IN_IDS, tempDir } from "./helpers.js";
import { mutate, random } from "./mutate.js";

/**
 * Mutations of the built-in routines, as a careless editor or a hostile file would make them.
 * Whatever the file, knot answers with a result (ok or problems), in bounded time, with nothing
 * raw echoed back.
 */
const BUILT_INS = BUILT_IN_IDS;
const sources = BUILT_INS.map((id) => readFileSync(join(BUILT_IN_DIR, `${id}.json`), "utf8"));

const mutants = (count: number, seed: number): string[] => {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const source = sources[i % sources.length]!;
    if (rand() < 0.1) {
      // byte-level damage: cut short, or a character replaced
      const at = Math.floor(rand() * source.length);
      return rand() < 0.5
        ? source.slice(0, at)
        : `${source.slice(0, at)}\u001b${source.slice(at + 1)}`;
    }
    return JSON.stringify(mutate(JSON.parse(source), rand));
  });
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are the failure
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe("routine files, mutated", () => {
  it("every mutation of the built-ins is validated in bounded time, with nothing raw echoed", () => {
    const files = mutants(400, 20261123);
    const dir = tempDir();
    const started = performance.now();
    for (const [i, text] of files.entries()) {
      const result = parseRoutineBytes(new TextEncoder().encode(text));
      expect(typeof result.ok, `mutant ${i}`).toBe("boolean");
      if (!result.ok)
        expect(formatIssues(`m${i}.json`, result.issues), `mutant ${i}`).not.toMatch(RAW);
      writeFileSync(join(dir, `m${i}.json`), text);
    }
    // All of them in one routines folder: one bad file never hides the others.
    const library = loadLibrary({ userDir: dir });
    expect(library.entries.length + library.broken.length).toBeGreaterThanOrEqual(BUILT_INS.length);
    for (const b of library.broken) expect(formatIssues(b.path, b.issues)).not.toMatch(RAW);
    // generous, against a validator that backtracks without end: the corpus takes a few
    // seconds on a small machine, and some three times that with both cores busy elsewhere
    expect(performance.now() - started).toBeLessThan(45_000);
  });

  it("the built knot answers every mutant with exit 0 or 2, no stack trace, nothing raw", () => {
    const dir = tempDir();
    const files = mutants(60, 7).map((text, i) => {
      const path = join(dir, `m${i}.json`);
      writeFileSync(path, text);
      return path;
    });
    const result = knot(["validate", ...files]);
    expect([0, 2]).toContain(result.status);
    expect(result.stderr + result.stdout).not.toMatch(
      /\n\s+at .+\(.+:\d+:\d+\)|something went wrong/,
    );
    expect(result.stderr + result.stdout).not.toMatch(RAW);
    const listed = knot(["list"], {
      env: { ...process.env, XDG_CONFIG_HOME: join(dir, "..") },
    });
    expect([0, 2]).toContain(listed.status);
  });
});
