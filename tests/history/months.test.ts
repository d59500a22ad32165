import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { streak, streakOverDays } from "../../src/history/analysis.js";
import { activeDays, HistoryStore, legacyFile } from "../../src/history/months.js";
import { filesText } from "../../src/text/files.js";
import { bundleForChild, tempDir } from "../helpers.js";
import { rec } from "./fixtures.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-23T12:00:00.000Z");
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

/** A store that says which files it opened. */
function watched(data = tempDir()) {
  const opened: string[] = [];
  const store = new HistoryStore(data, {
    onRead: (file) => opened.push(file.slice(file.lastIndexOf("/") + 1)),
    now: () => NOW,
  });
  return { store, opened, data };
}

/** One session every `everyDays` days for `days` days back from NOW, oldest first. */
function sessions(days: number, everyDays = 1) {
  const out = [];
  for (let d = days - 1; d >= 0; d -= everyDays) out.push(rec({ start: at(d * DAY + 3_600_000) }));
  return out;
}

describe("the history in monthly files", () => {
  it("keeps one append-only JSON-lines file per month a session started in (UTC)", () => {
    const { store, data } = watched();
    const october = rec({ start: "2026-10-31T23:30:00.000Z" });
    const november = rec({ start: "2026-11-01T00:10:00.000Z" });
    store.append(november);
    store.append(october);
    expect(readdirSync(join(data, "history")).sort()).toEqual(["2026-10.jsonl", "2026-11.jsonl"]);
    const line = readFileSync(join(data, "history", "2026-11.jsonl"), "utf8");
    expect(JSON.parse(line)).toEqual(november); // readable, one record a line
    expect(line.endsWith("\n")).toBe(true);
    expect(new HistoryStore(data).read().map((r) => r.id)).toEqual([october.id, november.id]);
  });

  it("streams month by month, newest first, and oldest first for exports", () => {
    const { store } = watched();
    const all = sessions(90, 3);
    for (const r of all) store.append(r);
    const newest = [...store.newestFirst()];
    expect(newest.map((batch) => batch[0]!.startedAt.slice(0, 7))).toEqual([
      "2026-11",
      "2026-10",
      "2026-09",
      "2026-08",
    ]);
    expect(newest.flat().map((r) => r.id)).toEqual(all.map((r) => r.id).reverse());
    expect([...store.oldestFirst()].flat().map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it("lists the months again once a month file has come or gone, whoever wrote it", () => {
    const { store, data } = watched();
    for (const r of sessions(40, 10)) store.append(r);
    const folder = join(data, "history");
    // a folder last changed a while ago, whose listing is kept between questions
    const settle = () => utimesSync(folder, new Date(NOW - DAY), new Date(NOW - DAY));
    settle();
    expect(store.months()).toEqual(["2026-10", "2026-11"]);
    // another knot (an import on this computer, a sync) adds a month file
    const july = rec({ start: "2026-07-10T09:00:00.000Z" });
    writeFileSync(join(folder, "2026-07.jsonl"), `${JSON.stringify(july)}\n`);
    expect(store.months()).toEqual(["2026-07", "2026-10", "2026-11"]);
    expect(store.read().map((r) => r.id)).toContain(july.id);
    settle();
    expect(store.months()).toEqual(["2026-07", "2026-10", "2026-11"]);
    rmSync(join(folder, "2026-10.jsonl"));
    expect(store.months()).toEqual(["2026-07", "2026-11"]);
    // and this knot's own session in a month of its own
    settle();
    store.append(rec({ start: "2026-05-02T09:00:00.000Z" }));
    settle();
    expect(store.months()).toEqual(["2026-05", "2026-07", "2026-11"]);
  });

  it("opens only the months a question needs", () => {
    const { store, opened, data } = watched();
    for (const r of sessions(400)) store.append(r);
    const fresh = () => {
      opened.length = 0;
      const note = (f: string) => {
        if (!opened.includes(f.slice(-13))) opened.push(f.slice(-13));
      };
      return new HistoryStore(data, { onRead: note, now: () => NOW });
    };
    // a session: whole records since yesterday, summaries for six weeks
    fresh().read(NOW - DAY);
    expect(opened).toEqual(["2026-11.jsonl"]);
    expect(fresh().summariesSince(NOW - 42 * DAY).length).toBe(42);
    expect(opened).toEqual(["2026-10.jsonl"]); // November's index was made by the read above
    fresh().summariesSince(NOW - 42 * DAY);
    expect(opened).toEqual([]); // both from their indexes now
    // the first newest-first month, as `history | head` stops after it
    const stream = fresh().newestFirst();
    stream.next();
    expect(opened).toEqual(["2026-11.jsonl"]);
    // --since reads from its month on
    fresh().read(Date.parse("2026-09-15T00:00:00Z"));
    expect(opened).toEqual(["2026-09.jsonl", "2026-10.jsonl", "2026-11.jsonl"]);
  });

  it("keeps month indexes up to date by reading only what was appended", () => {
    const { store, opened, data } = watched();
    for (const r of sessions(20)) store.append(r);
    expect(store.summariesSince(NOW - 30 * DAY)).toHaveLength(20);
    const later = rec({ start: at(60_000), ratings: { before: 3 } });
    store.append(later);
    const again = new HistoryStore(data);
    const summaries = again.summariesSince(NOW - 30 * DAY);
    expect(summaries).toHaveLength(21);
    expect(summaries.at(-1)).toMatchObject({ id: later.id, ratings: { before: 3 } });
    expect(summaries.at(-1)).not.toHaveProperty("steps");
    // a file replaced by another (a restore, an edit) is read again whole, not trusted
    const file = join(data, "history", "2026-11.jsonl");
    const one = rec({ start: at(2 * DAY) });
    writeFileSync(file, `${JSON.stringify(one)}\n`.padEnd(readFileSync(file).length + 10, " "));
    expect(
      new HistoryStore(data).summariesSince(NOW - 30 * DAY).filter((r) => r.startedAt >= "2026-11"),
    ).toEqual([expect.objectContaining({ id: one.id })]);
    expect(opened.length).toBeGreaterThan(0);
  });

  it("a session's start writes the month's index after reading, and never trusts a stale one", () => {
    const { store, data } = watched();
    for (const r of sessions(10)) store.append(r);
    expect(store.summariesSince(NOW - 30 * DAY)).toHaveLength(10);
    const indexFile = join(data, "index", "2026-11.json");
    const before = readFileSync(indexFile, "utf8");
    const added = rec({ start: at(60_000) });
    // appended by a knot that had not read the month (a session recovered, say): the index is
    // behind the file
    new HistoryStore(data).append(added);
    // a start keeps the index it brought up to date until its session has begun
    const starting = new HistoryStore(data, { indexesLater: true });
    expect(starting.summariesSince(NOW - 30 * DAY).at(-1)).toMatchObject({ id: added.id });
    expect(readFileSync(indexFile, "utf8")).toBe(before);
    // killed before writing it: the next knot finds the index behind the file and sees every session
    const next = new HistoryStore(data, { indexesLater: true });
    expect(next.read(NOW - DAY).map((r) => r.id)).toContain(added.id);
    expect(next.summariesSince(NOW - 30 * DAY)).toHaveLength(11);
    next.saveIndexes();
    const written = JSON.parse(readFileSync(indexFile, "utf8"));
    expect(written.summaries.map((s: { id: string }) => s.id)).toContain(added.id);
    // and a knot reading after it uses it as it is
    expect(new HistoryStore(data).summariesSince(NOW - 30 * DAY)).toHaveLength(11);
  });

  it("a knot that appends to a month it has read leaves the month's index current", () => {
    const { store, data } = watched();
    for (const r of sessions(10)) store.append(r);
    expect(store.summariesSince(NOW - 30 * DAY)).toHaveLength(10);
    const added = rec({ start: at(60_000) });
    store.append(added);
    expect(store.summariesSince(NOW - 30 * DAY).at(-1)).toMatchObject({ id: added.id });
    // the next knot takes the index as it is, reading no line of the month's file
    const next = watched(data);
    expect(next.store.summariesSince(NOW - 30 * DAY).map((r) => r.id)).toContain(added.id);
    expect(next.opened).toEqual([]);
    // as a start does, keeping it until its session has begun
    const starting = new HistoryStore(data, { indexesLater: true });
    starting.summariesSince(NOW - 30 * DAY);
    const later = rec({ start: at(30_000) });
    starting.append(later);
    const indexFile = join(data, "index", "2026-11.json");
    expect(readFileSync(indexFile, "utf8")).not.toContain(later.id);
    starting.saveIndexes();
    expect(readFileSync(indexFile, "utf8")).toContain(later.id);
    const after = watched(data);
    expect(after.store.summariesSince(NOW - 30 * DAY)).toHaveLength(12);
    expect(after.opened).toEqual([]);
  });

  it("skips damaged and odd lines with one warning, wherever they are read from", () => {
    const { store, data } = watched();
    const good = rec({ start: at(DAY) });
    store.append(good);
    appendFileSync(
      join(data, "history", "2026-11.jsonl"),
      `{"v":1,"id":"cut\n${JSON.stringify({ ...good, id: "odd", ratings: { before: 42 } })}\n`,
    );
    const fresh = new HistoryStore(data);
    expect(fresh.summariesSince(NOW - 7 * DAY).map((r) => r.id)).toEqual([good.id]);
    expect(fresh.read(NOW - 7 * DAY).map((r) => r.id)).toEqual([good.id]);
    expect(fresh.warning()).toBe(
      filesText.damaged(2, filesText.damagedIn(fresh.fileOf("2026-11"), [2, 3])),
    );
  });

  it("counts the streak from the days indexes as it does from the records", async () => {
    const { store } = watched();
    const all = [...sessions(70), ...sessions(200, 2).filter((r) => r.startedAt < at(75 * DAY))];
    for (const r of all) store.append(r);
    expect(streakOverDays(activeDays(store), NOW)).toBe(streak(all, NOW));
    expect(streakOverDays(activeDays(store), NOW)).toBeGreaterThan(60);
    // asked again, the answer comes from index/days.json (written once the walk is done)
    await Promise.resolve();
    expect(existsSync(join(store.dataDir, "index", "days.json"))).toBe(true);
    expect(streakOverDays(activeDays(new HistoryStore(store.dataDir)), NOW)).toBe(streak(all, NOW));
  });

  it("makes a month's days again in another time zone whose offset differs at its first session", async () => {
    const zone = process.env.TZ;
    try {
      const data = tempDir();
      // Denver's clocks went back on 1 November 2026; Phoenix keeps -7 all year. 06:30 UTC on
      // the 1st was 00:30 on 1 November in Denver and 23:30 on 31 October in Phoenix; the
      // month's last session (and 1970) have the same offset in both.
      process.env.TZ = "America/Denver";
      const store = new HistoryStore(data);
      for (const start of ["2026-11-01T06:30:00.000Z", "2026-11-20T18:00:00.000Z"]) {
        store.append(rec({ start }));
      }
      const denver = new HistoryStore(data).activeDayNumbers("2026-11");
      await Promise.resolve(); // index/days.json written
      process.env.TZ = "America/Phoenix";
      const phoenix = new HistoryStore(data).activeDayNumbers("2026-11");
      expect(phoenix[0]).toBe(denver[0]! - 1);
      expect(phoenix[1]).toBe(denver[1]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("moving a single-file history into months", () => {
  const legacy = (data: string, records: ReturnType<typeof rec>[], extra = "") => {
    writeFileSync(
      legacyFile(data),
      `${records.map((r) => JSON.stringify(r)).join("\n")}\n${extra}`,
    );
  };

  it("moves every record, once, keeping the old file as a backup", () => {
    const data = tempDir();
    const records = sessions(80, 5);
    legacy(data, records, '{"v":1,"id":"cut sh\n');
    const store = new HistoryStore(data, { now: () => NOW });
    expect(store.read().map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(existsSync(legacyFile(data))).toBe(false);
    expect(store.migratedFrom).toBe(`${legacyFile(data)}.bak-2026-11-23T12-00-00-000Z`);
    expect(readFileSync(store.migratedFrom!, "utf8")).toContain(records[0]!.id);
    expect(store.warning()).toMatch(/A damaged line in .*history\.jsonl\.bak-.* \(line 17\)/);
    // nothing happens the second time
    const again = new HistoryStore(data);
    expect(again.read()).toHaveLength(records.length);
    expect(again.migratedFrom).toBeUndefined();
  });

  it("is safe when two knots start at the same moment", async () => {
    const data = tempDir();
    const records = sessions(400);
    legacy(data, records);
    const months = bundleForChild("history/months.ts", data);
    const script = join(data, "first-run.mjs");
    writeFileSync(
      script,
      `import { HistoryStore } from ${JSON.stringify(months)};
       const store = new HistoryStore(${JSON.stringify(data)});
       store.append(JSON.parse(process.argv[2]));`,
    );
    const mine = [rec({ start: at(1000) }), rec({ start: at(2000) })];
    const codes = await Promise.all(
      mine.map(
        (r) =>
          new Promise<number | null>((resolve) =>
            spawn(process.execPath, [script, JSON.stringify(r)], { stdio: "inherit" }).on(
              "close",
              resolve,
            ),
          ),
      ),
    );
    expect(codes).toEqual([0, 0]);
    const ids = new HistoryStore(data).read().map((r) => r.id);
    expect(ids).toHaveLength(records.length + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(mine.map((r) => r.id)));
    const left = readdirSync(data);
    expect(left.filter((f) => f.startsWith("history.jsonl.bak-"))).toHaveLength(1);
    expect(left.filter((f) => f.includes(".moving-"))).toEqual([]);
  });
});

describe("merging an export", () => {
  it("adds what is missing, skips what is there, and writes each month in one go", () => {
    const { store } = watched();
    const here = sessions(30, 2);
    for (const r of here) store.append(r);
    const there = [...here.slice(0, 5), ...sessions(60, 7)];
    const merge = store.merger();
    for (const r of [...there, there[6]!]) merge.add(r);
    merge.finish();
    expect(merge.skipped).toBe(6);
    expect(merge.added).toBe(there.length - 5);
    const ids = new HistoryStore(store.dataDir).read().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(here.length + there.length - 5);
  });

  it("keeps every record when two processes append to a month at once", async () => {
    const data = tempDir();
    const months = bundleForChild("history/months.ts", data);
    const script = join(data, "writer.mjs");
    writeFileSync(
      script,
      `import { HistoryStore } from ${JSON.stringify(months)};
       const [who] = process.argv.slice(2);
       const store = new HistoryStore(${JSON.stringify(data)});
       const base = JSON.parse(${JSON.stringify(JSON.stringify(rec({ start: at(0) })))});
       for (let i = 0; i < 200; i++) store.append({ ...base, id: who + "-" + i, startedAt: new Date(${NOW} - i * 1000).toISOString() });`,
    );
    const run = (who: string) =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, [script, who], { stdio: "inherit" }).on("close", resolve),
      );
    expect(await Promise.all([run("a"), run("b")])).toEqual([0, 0]);
    const store = new HistoryStore(data);
    expect(store.read()).toHaveLength(400);
    expect(store.warning()).toBeUndefined();
  });
});
