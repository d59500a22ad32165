import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HELPS_RULES, whatHelps } from "../../src/progress/helps.js";
import {
  addActivity,
  checkAverages,
  emptyPsfs,
  markOffered,
  PSFS,
  type PsfsResult,
  type PsfsStore,
  recordCheck,
  renameActivity,
  retireActivity,
  weeklyCheckDue,
} from "../../src/progress/psfs.js";
import { psfsFile, readPsfs, writePsfs } from "../../src/progress/psfs-store.js";
import { guidance, stated } from "../guidance.js";
import { rec } from "../history/fixtures.js";

const minSessions = stated(/shown only from (\d+) sessions rated both times/)[0]!;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4 };
const maxActivities = NUMBER_WORDS[guidance.match(/names up to (\w+) activities/)?.[1] ?? ""];

describe("what helps: short-term relief per routine and area", () => {
  const session = (routine: string, before: number, after: number) =>
    rec({ routine, name: routine, areas: ["neck"], ratings: { before, after } });
  it("needs the guidance's number of sessions rated both times", () => {
    expect(HELPS_RULES.minSessions).toBe(minSessions);
    const four = Array.from({ length: minSessions - 1 }, () => session("heat", 5, 3));
    expect(whatHelps(four)).toMatchObject({ routines: [], areas: [], tooFew: { routines: 1 } });
    const enough = [
      ...four,
      session("heat", 6, 3),
      rec({ routine: "heat", ratings: { before: 5 } }),
    ];
    const helps = whatHelps(enough);
    // (2+2+2+2+3)/5, only sessions with both ratings
    expect(helps.routines).toEqual([{ key: "heat", name: "heat", sessions: 5, change: -2.2 }]);
    expect(helps.areas).toEqual([{ key: "neck", sessions: 5, change: -2.2 }]);
  });
  it("lists the most relief first", () => {
    const rows = [
      ...Array.from({ length: 5 }, () => session("stretch", 4, 4)),
      ...Array.from({ length: 5 }, () => session("tennis-ball", 5, 2)),
    ];
    expect(whatHelps(rows).routines.map((r) => [r.key, r.change])).toEqual([
      ["tennis-ball", -3],
      ["stretch", 0],
    ]);
  });
});

const NOW = Date.parse("2026-11-25T10:00:00Z"); // a Wednesday
const DAY = 86_400_000;
const ok = (r: PsfsResult): PsfsStore => {
  if ("problem" in r) throw new Error(r.problem);
  return r.store;
};

describe("the weekly activity check (PSFS), with a fake clock", () => {
  it("keeps up to three activities, each with a stable id through rename and retire", () => {
    expect(PSFS.maxActivities).toBe(maxActivities);
    let s = ok(addActivity(emptyPsfs(), "  turning my head\tto reverse ", NOW));
    s = ok(addActivity(s, "lifting the shopping", NOW));
    s = ok(addActivity(s, "sleeping on my side", NOW));
    expect(addActivity(s, "a fourth", NOW)).toEqual({ problem: "full", max: 3 });
    expect(s.activities.map((a) => [a.id, a.name])).toEqual([
      ["a1", "turning my head to reverse"],
      ["a2", "lifting the shopping"],
      ["a3", "sleeping on my side"],
    ]);
    s = ok(recordCheck(s, { a1: 3, a2: 5 }, NOW));
    s = ok(renameActivity(s, "a1", "reversing the car", NOW + DAY));
    s = ok(retireActivity(s, "a3", NOW + DAY));
    expect(recordCheck(s, { a3: 4 }, NOW + 2 * DAY)).toEqual({ problem: "retired", id: "a3" });
    expect(recordCheck(s, { a1: 11 }, NOW)).toEqual({ problem: "rating", id: "a1", value: "11" });
    // a new one after retiring gets a fresh id: the retired one's ratings stay its own
    s = ok(addActivity(s, "gardening", NOW + DAY));
    expect(s.activities.at(-1)!.id).toBe("a4");
    expect(s.activities[0]).toMatchObject({
      id: "a1",
      name: "reversing the car",
      renamed: [{ name: "turning my head to reverse" }],
    });
    expect(s.checks[0]!.ratings).toEqual({ a1: 3, a2: 5 });
  });

  it("cleans names as routine names are: escape sequences and control characters removed", () => {
    let s = ok(addActivity(emptyPsfs(), "\u001b[31mred\u001b[0m <b>\u0007", NOW));
    expect(s.activities[0]!.name).toBe("red <b>");
    s = ok(renameActivity(s, "a1", "\u001b]0;title\u0007reaching up", NOW));
    expect(s.activities[0]!.name).toBe("reaching up");
    expect(addActivity(s, "\u001b[2J", NOW)).toEqual({ problem: "empty-name" });
  });

  it("is offered once a week, after the week's first session", () => {
    let s = emptyPsfs();
    expect(weeklyCheckDue(s, NOW)).toBe(true);
    s = markOffered(s, NOW);
    expect(weeklyCheckDue(s, NOW + 3_600_000)).toBe(false);
    expect(weeklyCheckDue(s, NOW + 4 * DAY)).toBe(false); // Sunday, same week
    expect(weeklyCheckDue(s, NOW + 5 * DAY)).toBe(true); // Monday
    // a check made with `knot checkin` counts as this week's
    const checked = ok(recordCheck(ok(addActivity(emptyPsfs(), "x", NOW)), { a1: 4 }, NOW));
    expect(weeklyCheckDue(checked, NOW + DAY)).toBe(false);
  });

  it("re-rating one activity the same day keeps the day's other ratings, in one check", () => {
    let s = ok(addActivity(emptyPsfs(), "x", NOW));
    s = ok(addActivity(s, "y", NOW));
    s = ok(recordCheck(s, { a1: 2, a2: 4 }, NOW));
    s = ok(recordCheck(s, { a1: 6 }, NOW + 60_000));
    expect(s.checks).toEqual([
      { at: new Date(NOW + 60_000).toISOString(), ratings: { a1: 6, a2: 4 } },
    ]);
    s = ok(recordCheck(s, { a1: 5, a2: 6 }, NOW + 7 * DAY));
    expect(s.checks).toHaveLength(2);
    expect(checkAverages(s).map((c) => c.average)).toEqual([5, 5.5]);
  });

  it("averages a week over each activity's latest rating in it", () => {
    let s = ok(addActivity(emptyPsfs(), "x", NOW)); // NOW is a Wednesday
    s = ok(addActivity(s, "y", NOW));
    s = ok(recordCheck(s, { a1: 2, a2: 4 }, NOW));
    s = ok(recordCheck(s, { a1: 8 }, NOW + DAY)); // Thursday: a1 again, a2 as on Wednesday
    expect(s.checks).toHaveLength(2);
    expect(checkAverages(s)).toEqual([{ at: NOW + DAY, average: 6 }]);
  });

  it("is written whole into its own file, and a damaged file is said in words", () => {
    const dir = mkdtempSync(join(tmpdir(), "knot-psfs-"));
    expect(readPsfs(dir)).toEqual(emptyPsfs());
    const s = ok(addActivity(emptyPsfs(), "x", NOW));
    writePsfs(dir, s);
    expect(readPsfs(dir)).toEqual(s);
    expect(JSON.parse(readFileSync(psfsFile(dir), "utf8")).activities[0].id).toBe("a1");
    writeFileSync(psfsFile(dir), "{ half");
    expect(() => readPsfs(dir)).toThrow(/psfs\.json is not valid JSON/);
  });
});
