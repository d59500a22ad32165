import {
  appendFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { streak, streakOverDays } from "../../src/history/analysis.js";
import { openJournal } from "../../src/history/journal.js";
import { activeDays, HistoryStore } from "../../src/history/months.js";
import type { SessionRecord } from "../../src/history/record-types.js";
import { tempDir, testContext } from "../helpers.js";
import { rec } from "./fixtures.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-23T12:00:00.000Z");
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY - 3_600_000).toISOString();
const streakFile = (data: string) => join(data, "index", "streak.json");

/**
 * A session a day for 300 days, but for three days in a row without one 200 days back (in
 * June): the streak runs from today back to that gap, through months the cache keeps.
 */
function history(data = tempDir()) {
  const store = new HistoryStore(data, { now: () => NOW });
  const all: SessionRecord[] = [];
  for (let d = 299; d >= 0; d--) {
    if (d >= 200 && d <= 202) continue;
    const r = rec({ start: at(d) });
    all.push(r);
    store.append(r);
  }
  return { data, store, all };
}

/**
 * Three days in September taken out of its file (written in place, as an editor may): the
 * streak now ends there. Returns the records left.
 */
function withoutSeptemberDays(data: string, all: SessionRecord[], replace = false) {
  const file = join(data, "history", "2026-09.jsonl");
  const gone = new Set([70, 71, 72].map((d) => at(d)));
  const kept = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line === "" || !gone.has(JSON.parse(line).startedAt));
  writeFileSync(replace ? `${file}.new` : file, kept.join("\n"));
  if (replace) renameSync(`${file}.new`, file);
  return all.filter((r) => !gone.has(r.startedAt));
}

/** The streak as stats counts it, with the months whose days were read. */
function counted(data: string) {
  const store = new HistoryStore(data, { now: () => NOW });
  const asked: string[] = [];
  const source = {
    months: () => store.months(),
    activeDayNumbers: (month: string) => {
      asked.push(month);
      return store.activeDayNumbers(month);
    },
    keptRun: (top: string, months: readonly string[]) => store.keptRun(top, months),
    keepRun: (...args: Parameters<HistoryStore["keepRun"]>) => store.keepRun(...args),
  };
  const reach = { floor: Number.NEGATIVE_INFINITY };
  return { value: streakOverDays(activeDays(source, reach, NOW), NOW, reach), asked };
}

describe("the streak cache", () => {
  it("counts the months before this one once, then reads only this month's days", () => {
    const { data, all } = history();
    const first = counted(data);
    expect(first.value).toBe(streak(all, NOW));
    expect(first.value).toBe(200);
    expect(first.asked).toContain("2026-06");
    expect(existsSync(streakFile(data))).toBe(true);
    const again = counted(data);
    expect(again.value).toBe(first.value);
    expect(again.asked).toEqual(["2026-11"]);
  });

  it("counts again after a session is added to a month it kept", () => {
    const { data, store, all } = history();
    counted(data);
    // the gap filled: the streak now reaches back to the first day
    const filled = [200, 201, 202].map((d) => rec({ start: at(d) }));
    for (const r of filled) store.append(r);
    const after = counted(data);
    expect(after.value).toBe(streak([...all, ...filled], NOW));
    expect(after.value).toBe(300);
    expect(counted(data).asked).toEqual(["2026-11"]);
  });

  it("is not used for a session added this month, which it does not keep", () => {
    const { data, store, all } = history();
    counted(data);
    const today = rec({ start: new Date(NOW - 60_000).toISOString() });
    store.append(today);
    const after = counted(data);
    expect(after.value).toBe(streak([...all, today], NOW));
    expect(after.asked).toEqual(["2026-11"]);
  });

  it("counts again after an import into the months it kept", () => {
    const { data, store, all } = history();
    counted(data);
    const merge = store.merger();
    const imported = [200, 201, 202].map((d) => rec({ start: at(d) }));
    for (const r of imported) merge.add(r);
    merge.finish();
    expect(counted(data).value).toBe(streak([...all, ...imported], NOW));
  });

  it("counts again after a month file is edited by hand", () => {
    const { data, all } = history();
    expect(counted(data).value).toBe(200);
    const left = withoutSeptemberDays(data, all);
    expect(counted(data).value).toBe(streak(left, NOW));
    expect(counted(data).value).toBe(70);
  });

  it("is gone with a clear, and with the index folder", () => {
    const { data, store } = history();
    counted(data);
    rmSync(join(data, "index"), { recursive: true, force: true });
    const lost = counted(data);
    expect(lost.value).toBe(200);
    expect(lost.asked).toContain("2026-06");
    expect(existsSync(streakFile(data))).toBe(true);
    store.clear(NOW);
    expect(existsSync(streakFile(data))).toBe(false);
    expect(counted(data).value).toBe(0);
    const one = rec({ start: at(1) });
    new HistoryStore(data, { now: () => NOW }).append(one);
    expect(counted(data).value).toBe(streak([one], NOW));
  });

  it("counts from the month files alone when the indexes are lost, as the indexes would", () => {
    const { data, store, all } = history();
    // in the gap: a damaged line, and a session whose later record (the true one) did nothing
    const day = at(201);
    const first = rec({ id: "twice", start: day });
    const later = rec({
      id: "twice",
      start: day,
      endedAt: new Date(Date.parse(day) + 120_000).toISOString(),
      ended: "interrupted",
      steps: [
        { name: "Stretch", kind: "hold", planned: 60, done: 0, outcome: "pending", at: null },
      ],
    });
    store.append(first);
    store.append(later);
    appendFileSync(
      join(data, "history", `${day.slice(0, 7)}.jsonl`),
      `${JSON.stringify({ ...rec({ start: day }), ratings: { before: 42 } })}\n`,
    );
    rmSync(join(data, "index"), { recursive: true, force: true });
    const lost = counted(data);
    expect(lost.value).toBe(streak([...all, later], NOW));
    expect(lost.value).toBe(200);
    // the same once every month has its index again
    rmSync(join(data, "index"), { recursive: true });
    new HistoryStore(data).summariesSince(0);
    expect(counted(data).value).toBe(200);
  });

  it("is counted again when its file is damaged or from another time zone's counting", () => {
    const { data } = history();
    counted(data);
    writeFileSync(streakFile(data), "{");
    expect(counted(data).value).toBe(200);
    const kept = JSON.parse(readFileSync(streakFile(data), "utf8"));
    // a run the months do not hold, kept under other offsets from UTC: not taken
    kept.run = { newest: kept.run.newest, count: 5000, earliest: kept.run.earliest - 6000 };
    kept.months = kept.months.map((m: [string, number, number, number, number]) => [
      m[0],
      m[1],
      m[2],
      m[3] + 60,
      m[4] + 60,
    ]);
    writeFileSync(streakFile(data), JSON.stringify(kept));
    expect(counted(data).value).toBe(200);
  });

  it("counts a local day split over two months' files once", () => {
    // in New York, 23:50 on 31 October UTC and 00:10 on 1 November UTC are both 31 October:
    // the newest day the cache keeps is also the last day this month's file gives
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const data = tempDir();
      const store = new HistoryStore(data, { now: () => NOW });
      const all: SessionRecord[] = [];
      for (let d = 120; d >= 0; d--) {
        if (d >= 23 && d <= 26) continue; // 28 to 31 October left to the two below
        const r = rec({ start: at(d) });
        all.push(r);
        store.append(r);
      }
      const turn = [
        rec({ start: "2026-10-28T14:00:00.000Z" }),
        rec({ start: "2026-10-30T14:00:00.000Z" }),
        rec({ start: "2026-10-31T23:50:00.000Z" }),
        rec({ start: "2026-11-01T00:10:00.000Z" }),
      ];
      for (const r of turn) store.append(r);
      const expected = streak([...all, ...turn], NOW);
      expect(expected).toBeGreaterThan(100);
      expect(counted(data).value).toBe(expected);
      const again = counted(data);
      expect(again.value).toBe(expected);
      expect(again.asked).toEqual(["2026-11"]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

/** Until a folder changed now has settled: the cache is kept under it only a second after. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe("the streak cache under a settled history folder", () => {
  /** The history above, counted, and counted again once its folder has settled. */
  async function settled() {
    const { ctx } = testContext();
    const h = history(ctx.paths.data);
    counted(h.data);
    await settle();
    expect(counted(h.data).asked).toEqual(["2026-11"]);
    const { ctimeMs, ino } = statSync(join(h.data, "history"));
    expect(JSON.parse(readFileSync(streakFile(h.data), "utf8")).folder).toEqual([ctimeMs, ino]);
    return { ...h, ctx: { ...ctx, now: () => NOW } };
  }

  it("is taken while the folder is as it was; a month changed in place counts from the next session's end", async () => {
    const { data, all, ctx } = await settled();
    const left = withoutSeptemberDays(data, all);
    // nothing came or went: the run kept is taken without asking about each month's file
    expect(counted(data).value).toBe(200);
    // a session saved and done with: every month file is checked then, and the change counts
    const now = rec({ start: new Date(NOW - 60_000).toISOString() });
    const journal = openJournal(ctx, () => {});
    expect(journal.append(now)).toBe(true);
    journal.done(now.id);
    expect(counted(data).value).toBe(streak([...left, now], NOW));
    expect(counted(data).value).toBe(70);
  }, 10_000);

  it("counts again at once when a month file is replaced, as a sync or a restore does", async () => {
    const { data, all } = await settled();
    const left = withoutSeptemberDays(data, all, true);
    expect(counted(data).value).toBe(streak(left, NOW));
    expect(counted(data).value).toBe(70);
  }, 10_000);

  it("counts again after knot saves a session into a month it kept", async () => {
    const { data, store, all } = await settled();
    // sessions recovered into June, where the gap was: the streak reaches the first day
    const filled = [200, 201, 202].map((d) => rec({ start: at(d) }));
    for (const r of filled) store.append(r);
    expect(counted(data).value).toBe(streak([...all, ...filled], NOW));
    expect(counted(data).value).toBe(300);
  }, 10_000);

  it("counts again after an import into a month it kept", async () => {
    const { data, store, all } = await settled();
    const merge = store.merger();
    const imported = [200, 201, 202].map((d) => rec({ start: at(d) }));
    for (const r of imported) merge.add(r);
    merge.finish();
    expect(counted(data).value).toBe(streak([...all, ...imported], NOW));
    expect(counted(data).value).toBe(300);
  }, 10_000);

  it("is not taken from a count that read the months before knot wrote to one of them", async () => {
    const { data, all } = await settled();
    rmSync(streakFile(data));
    const store = new HistoryStore(data, { now: () => NOW });
    const filled = [200, 201, 202].map((d) => rec({ start: at(d) }));
    // this count has read every month's days when another knot fills the gap in June, and
    // keeps its run (200 days) after that
    const source = {
      months: () => store.months(),
      activeDayNumbers: (month: string) => store.activeDayNumbers(month),
      keptRun: (top: string, months: readonly string[]) => store.keptRun(top, months),
      keepRun: (...args: Parameters<HistoryStore["keepRun"]>) => {
        const other = new HistoryStore(data, { now: () => NOW });
        for (const r of filled) other.append(r);
        store.keepRun(...args);
      },
    };
    const reach = { floor: Number.NEGATIVE_INFINITY };
    expect(streakOverDays(activeDays(source, reach, NOW), NOW, reach)).toBe(200);
    expect(counted(data).value).toBe(streak([...all, ...filled], NOW));
    expect(counted(data).value).toBe(300);
  }, 10_000);
});
