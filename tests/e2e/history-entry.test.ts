import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isolatedEnv, KNOT_BIN, minuteRecord } from "./run-knot.js";

// `knot start`, `today`, `stats` and `history` start from an entry of their own (dist/start.cjs,
// dist/today.cjs, dist/stats.cjs, dist/history.cjs), without the command line. Whatever words
// they are given, a person must see what the whole program (dist/main.js, commander behind it)
// gives: the same output, messages and exit code.

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

// Two runs a moment apart tell a different time of day; the clock is not what is compared.
const clockless = (text: string) =>
  text.replace(/\d\d:\d\d(:\d\d(\.\d+)?)?/g, "hh:mm").replace(/\d+ ?ms\b/g, "n ms");

function spawnIn(entry: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [entry, ...args], {
    env,
    input: "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return {
    status: result.status,
    stdout: clockless(result.stdout),
    stderr: clockless(result.stderr),
  };
}

/** A person with two sessions minutes ago (a self-massage and cold) and one five weeks ago. */
function personEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = isolatedEnv(extra);
  const now = Date.now();
  const dir = join(env.XDG_DATA_HOME!, "knot");
  mkdirSync(dir, { recursive: true });
  const records = [
    minuteRecord(now, "before", 35 * 24 * 3600_000, { kind: "hold" }),
    minuteRecord(now, "ice", 15 * 60_000, { kind: "cold" }),
    minuteRecord(now, "rolling", 5 * 60_000, { kind: "massage", area: "upper-back" }),
  ];
  writeFileSync(join(dir, "history.jsonl"), records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  // the first run moves the file into one per month, and says so once
  spawnIn(dist("main.js"), ["history"], env);
  return env;
}

const WORDS: string[][] = [
  ["today"],
  ["today", "--json"],
  ["--no-color", "today"],
  ["today", "extra"],
  ["today", "--help"],
  ["today", "--jso"],
  ["stats"],
  ["stats", "--json"],
  ["stats", "--days", "7"],
  ["stats", "--days=30", "--json"],
  ["stats", "--days"],
  ["stats", "--days", "abc"],
  ["history"],
  ["history", "--json"],
  ["history", "--csv"],
  ["history", "--routine", "ice"],
  ["history", "--since", "nonsense"],
  ["history", "--routine"],
  ["start", "stretch", "--dry-run"],
  ["start", "stretch", "--dry-run", "--plain", "--no-color"],
  ["start", "nosuch", "--dry-run"],
  ["start"],
  ["start", "stretch", "--lead-in", "x", "--dry-run"],
  ["start", "stretch", "--help"],
];

describe("the entries of knot start, today, stats and history", () => {
  const agree = (words: string[][], env: NodeJS.ProcessEnv) => {
    for (const w of words) {
      const whole = spawnIn(dist("main.js"), w, env);
      const own = spawnIn(KNOT_BIN, w, env);
      expect({ words: w, ...own }).toEqual({ words: w, ...whole });
    }
  };

  it("print what the whole program prints, word for word", { timeout: 120_000 }, () => {
    agree(WORDS, personEnv());
  });

  it("colour as the whole program does", { timeout: 120_000 }, () => {
    const coloured = WORDS.filter((w) => !w.includes("--help") && !w.includes("--no-color"));
    agree(coloured.slice(0, 8), personEnv({ FORCE_COLOR: "1" }));
  });

  it("hold no command line", () => {
    for (const command of ["start", "today", "stats", "history"]) {
      const entry = readFileSync(dist(`${command}.cjs`), "utf8");
      expect(entry).toContain(`hotEntry("${command}"`);
      expect(entry).not.toContain("commander.unknownOption");
    }
  });
});
