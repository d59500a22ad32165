import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lockFile, lockHistory } from "../../src/history/lock.js";
import { HistoryStore } from "../../src/history/months.js";
import { tempDir } from "../helpers.js";
import { rec } from "./fixtures.js";

const owner = (pid: number) => JSON.stringify({ pid, what: "importing sessions", at: "x" });

describe("the history's lock", () => {
  it("is taken, held against others, and released", () => {
    const data = tempDir();
    const lock = lockHistory(data, { what: "importing sessions" })!;
    expect(JSON.parse(readFileSync(lockFile(data), "utf8")).pid).toBe(process.pid);
    // another knot that will not wait is turned away while it is held
    expect(lockHistory(data, { what: "clearing", waitMs: 0, alive: () => true })).toBeUndefined();
    lock.release();
    expect(existsSync(lockFile(data))).toBe(false);
  });

  it("a lock whose knot is gone is taken over", () => {
    const data = tempDir();
    writeFileSync(lockFile(data), owner(999_999));
    const lock = lockHistory(data, { what: "importing", waitMs: 0, alive: () => false });
    expect(lock).toBeDefined();
    lock!.release();
  });

  it("a busy history says who holds it once the wait runs out", () => {
    const data = tempDir();
    writeFileSync(lockFile(data), owner(4242));
    expect(() => lockHistory(data, { what: "importing", waitMs: 100, alive: () => true })).toThrow(
      /The history is busy: another knot \(process 4242\) has been importing sessions/,
    );
  });

  it("a lost lock stops the writer before it writes, saying so", () => {
    const data = tempDir();
    const store = new HistoryStore(data);
    const merge = store.merger();
    merge.add(rec());
    // another knot took the lock over (it thought this one was gone)
    rmSync(lockFile(data));
    writeFileSync(lockFile(data), owner(4242));
    expect(() => merge.finish()).toThrow(/lost its lock on the history/);
    expect(merge.added).toBe(0);
    expect(store.read()).toEqual([]);
    // and it leaves the other knot's lock alone
    expect(JSON.parse(readFileSync(lockFile(data), "utf8")).pid).toBe(4242);
  });
});

describe("a lock left empty by a knot that died while making it", () => {
  it("is waited for while young, and taken over once old", async () => {
    const { utimesSync } = await import("node:fs");
    const data = tempDir();
    writeFileSync(lockFile(data), "");
    expect(lockHistory(data, { what: "importing", waitMs: 0 })).toBeUndefined();
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lockFile(data), old, old);
    const lock = lockHistory(data, { what: "importing", waitMs: 0 });
    expect(lock).toBeDefined();
    lock!.release();
  });
});
