import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recoverCheckpoints, writeCheckpoint } from "../../src/history/checkpoint.js";
import { HistoryStore } from "../../src/history/months.js";
import { appendRecord, forEachLine, readHistoryFile } from "../../src/history/store.js";
import { filesText } from "../../src/text/files.js";
import { bundleForChild, tempDir } from "../helpers.js";
import { rec } from "./fixtures.js";

describe("the history file", () => {
  it("appends one line per record and reads them back, oldest first", () => {
    const file = join(tempDir(), "data", "history.jsonl");
    const late = rec({ start: "2026-11-22T10:00:00Z" });
    const early = rec({ start: "2026-11-21T10:00:00Z" });
    appendRecord(file, late);
    appendRecord(file, early);
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3);
    expect(readHistoryFile(file)).toEqual({ records: [early, late], damaged: [] });
  });

  it("reads a missing file as an empty history", () => {
    expect(readHistoryFile(join(tempDir(), "none.jsonl"))).toEqual({ records: [], damaged: [] });
  });

  it("skips damaged lines with one warning naming them, and reads everything else", () => {
    const file = join(tempDir(), "history.jsonl");
    const a = rec();
    const b = rec();
    writeFileSync(
      file,
      `${JSON.stringify(a)}\n{"v":1,"id":"cut sh\n${JSON.stringify({ hello: 1 })}\n${JSON.stringify(b)}\n`,
    );
    const history = readHistoryFile(file);
    expect(history.records.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(history.damaged).toEqual([
      { line: 2, reason: { code: "notJson" } },
      { line: 3, reason: { code: "notRecord" } },
    ]);
    // why, as data, worded where it is shown
    expect(filesText.lineProblem(history.damaged[0]!.reason)).toContain(
      "not valid JSON (cut short?)",
    );
    expect(filesText.lineProblem(history.damaged[1]!.reason)).toContain("not a session record");
    // through the store: one warning for everything read
    const data = tempDir();
    const store = new HistoryStore(data);
    store.append(a);
    appendFileSync(store.fileOf(a.startedAt.slice(0, 7)), '{"v":1,"id":"cut sh\n{"hello":1}\n');
    store.read();
    expect(store.warning()).toBe(
      filesText.damaged(2, filesText.damagedIn(store.fileOf(a.startedAt.slice(0, 7)), [2, 3])),
    );
    // in English: "2 damaged lines in FILE (line 2, 3) were skipped; everything else was read."
    expect(store.warning()).toContain(
      `2 damaged lines in ${store.fileOf(a.startedAt.slice(0, 7))} (line 2, 3) were skipped; everything else was read.`,
    );
  });

  it("a line of megabytes is one damaged line, skipped without holding it", () => {
    const file = join(tempDir(), "history.jsonl");
    const a = rec();
    const b = rec();
    writeFileSync(
      file,
      `${JSON.stringify(a)}\n${"x".repeat(9 * 1024 * 1024)}\n${JSON.stringify(b)}\n`,
    );
    const history = readHistoryFile(file);
    expect(history.records.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(history.damaged).toEqual([{ line: 2, reason: { code: "tooLong", bytes: 8 << 20 } }]);
    expect(filesText.lineProblem(history.damaged[0]!.reason)).toContain("a line of over 8 MiB");
  });

  it("reads every line whole, with its place, across the pieces a file is read in", () => {
    // lines of every length around the 256 KiB pieces, some of several characters a letter,
    // and a last line without its newline
    const file = join(tempDir(), "lines.jsonl");
    const lines: string[] = [];
    let seed = 7;
    for (let i = 0; i < 400; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const length = i % 50 === 0 ? 300_000 + (seed % 1000) : seed % 6000;
      lines.push(`${i}:${"é€x".repeat(Math.ceil(length / 3)).slice(0, length)}`);
    }
    writeFileSync(file, `${lines.join("\n")}`);
    const seen: { line: string; number: number; offset: number; bytes: number }[] = [];
    const size = forEachLine(file, (line, number, offset, bytes) =>
      seen.push({ line, number, offset, bytes }),
    );
    const whole = readFileSync(file);
    expect(size).toBe(whole.length);
    expect(seen.map((s) => s.line)).toEqual(lines);
    expect(seen.map((s) => s.number)).toEqual(lines.map((_, i) => i + 1));
    for (const s of seen) {
      expect(whole.toString("utf8", s.offset, s.offset + s.bytes)).toBe(s.line);
    }
    // carrying on from where a line starts gives the rest
    const from = seen[200]!;
    const rest: string[] = [];
    forEachLine(file, (line) => rest.push(line), from.offset);
    expect(rest).toEqual(lines.slice(200));
  });

  it("after a write cut short, the next record starts on its own line", () => {
    const file = join(tempDir(), "history.jsonl");
    const a = rec();
    appendRecord(file, a);
    appendFileSync(file, '{"v":1,"id":"half a rec'); // power cut mid-write
    const b = rec();
    appendRecord(file, b);
    const history = readHistoryFile(file);
    expect(history.records.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(history.damaged.map((d) => d.line)).toEqual([2]);
  });

  it("keeps every record when two processes append many at once", async () => {
    const dir = tempDir();
    const file = join(dir, "history.jsonl");
    const script = join(dir, "writer.mjs");
    // Each writer runs knot's own appendRecord, compiled here for a plain Node child.
    const store = bundleForChild("history/store.ts", dir);
    writeFileSync(
      script,
      `import { appendRecord } from ${JSON.stringify(store)};
       const [who, count, file] = process.argv.slice(2);
       // records larger than a pipe buffer (about 4 KB), to make mixing likely if unsafe
       const steps = Array.from({ length: 30 }, () => ({ name: "s".repeat(100), kind: "hold", planned: 10, done: 10, outcome: "done", at: null }));
       for (let i = 0; i < Number(count); i++) {
         appendRecord(file, { v: 1, id: who + "-" + i, routine: "stretch", name: "Stretch", category: "stretch", areas: [], sides: [],
           startedAt: new Date(Date.UTC(2026, 10, 22, 0, 0, i)).toISOString(), endedAt: new Date(Date.UTC(2026, 10, 22, 0, 0, i)).toISOString(),
           plannedSeconds: 0, doneSeconds: 0, ended: "completed", ratings: {}, steps, stoppedAt: 0 });
       }`,
    );
    const runWriter = (who: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [script, who, "300", file], { stdio: "inherit" });
        child.on("close", resolve);
      });
    const [a, b] = await Promise.all([runWriter("a"), runWriter("b")]);
    expect([a, b]).toEqual([0, 0]);
    const history = readHistoryFile(file);
    expect(history.damaged).toEqual([]);
    expect(history.records).toHaveLength(600);
    expect(new Set(history.records.map((r) => r.id)).size).toBe(600);
  });

  it("clears by moving the history folder aside as a backup", () => {
    const data = tempDir();
    const store = new HistoryStore(data);
    store.append(rec());
    const backup = store.clear(Date.UTC(2026, 10, 22, 9, 30));
    expect(backup).toBe(`${store.dir}.bak-2026-11-22T09-30-00-000Z`);
    expect(existsSync(store.dir)).toBe(false);
    expect(store.read()).toEqual([]);
    expect(new HistoryStore(join(data, "x")).clear(Date.now())).toBeUndefined();
    expect(execFileSync("ls", [backup!], { encoding: "utf8" })).toMatch(/^\d{4}-\d{2}\.jsonl$/m);
  });
});

describe("checkpoints", () => {
  it("turns the checkpoint of a knot that died into an interrupted record", () => {
    const data = tempDir();
    const store = new HistoryStore(data);
    const running = rec({ ended: "completed" });
    writeCheckpoint(data, running, 999_999);
    const alive = rec();
    writeCheckpoint(data, alive, 424_242);
    const recovered = recoverCheckpoints(data, store, (pid) => pid === 424_242);
    expect(recovered.map((r) => [r.id, r.ended])).toEqual([[running.id, "interrupted"]]);
    expect(store.read().map((r) => r.id)).toEqual([running.id]);
    // the live one is left alone; once its knot is gone it is recovered too
    expect(recoverCheckpoints(data, store, () => false).map((r) => r.id)).toEqual([alive.id]);
    expect(recoverCheckpoints(data, store, () => false)).toEqual([]);
  });

  it("is never half written", () => {
    const data = tempDir();
    writeCheckpoint(data, rec());
    expect(execFileSync("ls", [join(data, "running")], { encoding: "utf8" })).not.toContain(".tmp");
  });
});
