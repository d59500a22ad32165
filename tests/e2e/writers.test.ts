import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

const GEN = new URL("../../scripts/gen-history.mjs", import.meta.url).pathname;

/** An export of `count` realistic sessions, written by the history generator. */
function exportOf(count: number, legacy = false): { file: string; data: string } {
  const data = join(tempDir(), "knot");
  const args = [GEN, "--records", String(count), "--data", data, ...(legacy ? ["--legacy"] : [])];
  spawnSync(process.execPath, args);
  if (legacy) return { file: join(data, "history.jsonl"), data };
  const env = { ...isolatedEnv(), XDG_DATA_HOME: join(data, "..") };
  const file = join(tempDir(), "export.jsonl");
  writeFileSync(file, knot(["history", "--export"], { env }).stdout);
  return { file, data };
}

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [KNOT_BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });

/** Every line of every month file: what is really kept, duplicates and all. */
const linesKept = (env: NodeJS.ProcessEnv) => {
  const dir = join(env.XDG_DATA_HOME!, "knot", "history");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".jsonl"))
    .flatMap((n) => readFileSync(join(dir, n), "utf8").split("\n").filter(Boolean));
};

describe("history writers take turns", () => {
  it("three imports of the same 3,000 sessions at once add each session once", {
    timeout: 120_000,
  }, async () => {
    const { file } = exportOf(3000);
    const env = isolatedEnv();
    const results = await Promise.all([1, 2, 3].map(() => run(["history", "--import", file], env)));
    const added = results.map((r) => Number(/(\d+) sessions? added/.exec(r.stdout)?.[1]));
    expect(
      results.map((r) => r.code),
      JSON.stringify(results),
    ).toEqual([0, 0, 0]);
    expect(added.reduce((a, b) => a + b, 0)).toBe(3000);
    const lines = linesKept(env);
    expect(lines).toHaveLength(3000);
    expect(new Set(lines.map((l) => JSON.parse(l).id)).size).toBe(3000);
    // and the lock is gone once they are done
    expect(existsSync(join(env.XDG_DATA_HOME!, "knot", "history.lock"))).toBe(false);
  });

  it("a killed move into months leaves nothing the next start does not clean", {
    timeout: 60_000,
  }, async () => {
    const env = isolatedEnv();
    const data = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(data, { recursive: true });
    const { file } = exportOf(200, true);
    writeFileSync(join(data, "history.jsonl"), readFileSync(file));
    // what a knot killed mid-move left: its partial copy and its lock (its process is gone)
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    const pid = Number(dead.stdout.toString());
    mkdirSync(join(data, `history.moving-${pid}`));
    writeFileSync(join(data, `history.moving-${pid}`, "2026-11.jsonl"), '{"v":1,"id":"half\n');
    writeFileSync(
      join(data, "history.lock"),
      JSON.stringify({ pid, what: "moving the history into monthly files", at: "x" }),
    );
    const result = knot(["history", "--json"], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(200);
    expect(readdirSync(data).filter((n) => /moving|lock/.test(n))).toEqual([]);
  });

  it("an import while another knot holds the lock waits for it, then adds what is new", {
    timeout: 60_000,
  }, async () => {
    const { file } = exportOf(50);
    const env = isolatedEnv();
    const data = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(data, { recursive: true });
    // a live knot holding the lock (this test's own process), released after a second
    const lock = join(data, "history.lock");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, what: "importing sessions", at: "x" }));
    setTimeout(() => rmSync(lock), 1000);
    const started = Date.now();
    const result = await run(["history", "--import", file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(result.stdout).toMatch(/50 sessions added/);
  });
});

describe("an import that cannot write says so", () => {
  it("a file size limit mid-import: named, taken back whole, what was kept said", {
    timeout: 60_000,
  }, () => {
    const { file } = exportOf(3000);
    const env = isolatedEnv();
    // ulimit -f: a file cannot grow past 200 KB, so a write fails part-way, as on a full disk
    const result = spawnSync(
      "bash",
      ["-c", `ulimit -f 200; exec "${process.execPath}" "${KNOT_BIN}" history --import "${file}"`],
      { env, encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/Could not add the sessions to .*\.jsonl: /);
    expect(result.stderr).toMatch(/taken back whole; (\d+ sessions were added before|nothing)/);
    expect(result.stderr).toMatch(/import the same file again/);
    expect(result.stderr).not.toMatch(/something went wrong|please report/);
    // every line kept is whole
    for (const line of linesKept(env)) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe("impossible values are damaged lines, named", () => {
  it("an import refuses 30 February, hour 24 and 1e308 seconds, naming each", () => {
    const { file } = exportOf(3);
    const [a, b, c] = readFileSync(file, "utf8").split("\n").filter(Boolean);
    const bad = join(tempDir(), "bad.jsonl");
    writeFileSync(
      bad,
      [
        a!.replace(/"startedAt":"\d{4}-\d{2}-\d{2}/, '"startedAt":"2026-02-30'),
        b!.replace(/"endedAt":"([^T]+)T\d{2}/, '"endedAt":"$1T24'),
        c!.replace(/"doneSeconds":\d+/, '"doneSeconds":1e308'),
        "",
      ].join("\n"),
    );
    const result = knot(["history", "--import", bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/line 1: startedAt is not a real time \(2026-02-30/);
  });
});

describe("every writer names an environment failure, and what was kept", () => {
  /** knot with a file size limit (KB), as a disk that fills part-way through a write. */
  const limited = (kb: number, args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(
      "/bin/bash",
      ["-c", `ulimit -f ${kb}; exec "${process.execPath}" "${KNOT_BIN}" "$@"`, "knot", ...args],
      { env, encoding: "utf8" },
    );

  it("an export to a full disk says the output could not be written", () => {
    const env = isolatedEnv();
    const { file } = exportOf(20);
    knot(["history", "--import", file], { env });
    const result = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${KNOT_BIN}" history --export > /dev/full`],
      {
        env,
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not write the output: the disk is full \(ENOSPC\)/);
    expect(result.stderr).toMatch(/nothing in knot's own files was changed/);
  });

  it("a move into months that cannot be written leaves the old file and no partial copy", () => {
    const env = isolatedEnv();
    const data = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(data, { recursive: true });
    const { file } = exportOf(400, true);
    writeFileSync(join(data, "history.jsonl"), readFileSync(file));
    const result = limited(100, ["history"], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /Could not move the history in .*history\.jsonl into monthly files/,
    );
    expect(result.stderr).toMatch(/The file is unchanged/);
    expect(readdirSync(data).filter((n) => /moving|lock/.test(n))).toEqual([]);
    expect(readFileSync(join(data, "history.jsonl"))).toEqual(readFileSync(file));
  });

  it("a setting that cannot be saved says which file, why, and that nothing changed", () => {
    const env = isolatedEnv({}, []);
    const result = limited(0, ["config", "set", "leadIn", "3"], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Could not save your settings to .*config\.json: /);
    expect(result.stderr).toMatch(/Nothing was changed/);
  });

  it("a reminder that cannot be saved says which file, why, and that the file is as it was", () => {
    // no scheduler on the PATH: the reminder would be kept in the reminders file alone
    const env = isolatedEnv({ PATH: tempDir("knot-empty-bin-") }, []);
    const config = join(env.XDG_CONFIG_HOME!, "knot", "reminders.json");
    mkdirSync(join(config, ".."), { recursive: true });
    // more than the 1 KB the limit lets through: the whole file is written again
    const before = JSON.stringify({ note: "x".repeat(2000) });
    writeFileSync(config, before);
    const result = limited(1, ["remind", "every", "1h"], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Could not save the reminders to .*reminders\.json: .*\(EFBIG\)/);
    expect(result.stderr).toMatch(/The reminders file is as it was/);
    expect(readFileSync(config, "utf8")).toBe(before);
    expect(readdirSync(join(config, ".."))).toEqual(["reminders.json"]);
  });
});
