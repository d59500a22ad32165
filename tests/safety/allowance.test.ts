import { describe, expect, it } from "vitest";
import { allowanceNow, openAllowanceHistory, openSessionHistory } from "../../src/coach/prepare.js";
import { openJournal, stepsFrom } from "../../src/history/journal.js";
import { HistoryStore } from "../../src/history/months.js";
import { summaryOf } from "../../src/history/record.js";
import type { SessionRecord, StepRecord } from "../../src/history/record-types.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import {
  allowanceAt,
  checkPlan,
  type Decision,
  FLOORS,
  pastFromRecords,
} from "../../src/safety/allowance.js";
import { safetyPast } from "../../src/safety/past.js";
import { RULES_LOOK_BACK_MS } from "../../src/safety/trend.js";
import { withPackOff } from "../../src/session/timeline-to-run.js";
import { allowanceText, inForceLines, whenText } from "../../src/text/allowance.js";
import { stated } from "../guidance.js";
import { testContext } from "../helpers.js";
import { holdStep, massageStep, rec, thermalStep } from "../history/fixtures.js";

const MIN = 60_000;
const [HEATS_PER_DAY = Number.NaN] = stated(/up to (\d+) heat applications in any 24 hours/);
const [OFF_MIN = Number.NaN] = stated(
  /at least (\d+) minutes off between any two applications of cold or heat/,
);
const [CEILING_MIN = Number.NaN] = stated(/5 min x 6 a day = (\d+) min/);
const LIMIT = 6 * 60;

const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);
const offStep = (kind: "cold" | "heat", startMs: number, done: number): StepRecord => ({
  name: `Take the ${kind === "cold" ? "cold pack" : "heat"} off`,
  kind: "prepare",
  planned: null,
  done,
  outcome: "done",
  at: iso(startMs),
});

/** A cold or heat session: the pack on for `minutes`, confirmed off `confirmAfter` s later. */
function thermal(
  kind: "cold" | "heat",
  start: number,
  minutes: number,
  confirmAfter: number | null = 5,
): SessionRecord {
  const steps = [thermalStep(kind, iso(start), minutes * 60)];
  if (confirmAfter !== null) steps.push(offStep(kind, start + minutes * MIN, confirmAfter));
  const end = start + minutes * MIN + (confirmAfter ?? 0) * 1000;
  return rec({
    start: iso(start),
    routine: kind === "cold" ? "cold-cycle" : "heat",
    category: kind,
    steps,
    endedAt: iso(end),
    ended: confirmAfter === null ? "quit" : "completed",
  });
}

const plan = (
  routine: string,
  timeline: TimelineEntry[],
  routineAreas: SessionRecord["areas"] = [],
) => ({
  routine,
  timeline: withPackOff(timeline),
  routineAreas,
});
const check: TimelineEntry = { name: "Wrap", kind: "prepare", seconds: null };
const heatPlan = plan("heat", [check, { name: "Heat on", kind: "heat", seconds: 15 * 60 }]);
const coldPlan = plan("cold-cycle", [check, { name: "Cold on", kind: "cold", seconds: 10 * 60 }]);

function decide(
  records: SessionRecord[],
  now: number,
  p = heatPlan,
  kept?: Parameters<typeof safetyPast>[2],
) {
  const allowance = allowanceAt(safetyPast(records, records, kept, now), now, LIMIT);
  return { allowance, decisions: checkPlan(p, allowance) };
}
const rules = (decisions: Decision[]) => decisions.map((d) => `${d.level}:${d.rule}`);

describe("the allowance: cold and heat over sessions", () => {
  it("states the guidance's floors", () => {
    expect(FLOORS.heatPerDay).toBe(HEATS_PER_DAY);
    expect(FLOORS.offSeconds).toBe(OFF_MIN * 60);
    expect(FLOORS.massageCeilingSeconds).toBe(CEILING_MIN * 60);
  });

  it("a second 20-minute heat 30 s after the first is refused until 10 minutes off", () => {
    const first = thermal("heat", at("2026-11-22T09:00:00Z"), 20, 0);
    const now = at("2026-11-22T09:20:30Z");
    const { decisions, allowance } = decide([first], now);
    expect(rules(decisions)).toEqual(["floor:time-off"]);
    expect(allowance.thermalFreeAt).toBe(at("2026-11-22T09:30:00Z"));
    expect(rules(decide([first], at("2026-11-22T09:30:00Z")).decisions)).toEqual([]);
  });

  it("heat 1 minute after a 20-minute cold is refused: numbed skin cannot feel a burn", () => {
    const cold = thermal("cold", at("2026-11-22T09:00:00Z"), 20, 0);
    const [d] = decide([cold], at("2026-11-22T09:21:00Z")).decisions;
    expect(d).toMatchObject({ rule: "time-off", level: "floor", kind: "heat", lastKind: "cold" });
  });

  it("counts the pack as off when the person confirmed it, not when its step ended", () => {
    const cold = thermal("cold", at("2026-11-22T09:00:00Z"), 10, 4 * 60);
    const { allowance } = decide([cold], at("2026-11-22T09:15:00Z"), coldPlan);
    expect(allowance.last).toMatchObject({ confirmed: true, end: at("2026-11-22T09:14:00Z") });
    expect(allowance.thermalFreeAt).toBe(at("2026-11-22T09:24:00Z"));
  });

  it("a pack never confirmed off counts as on until its planned end, or the session's if later", () => {
    // quit 5 minutes into a 10-minute cold: nobody said the pack came off
    const quit = thermal("cold", at("2026-11-22T09:00:00Z"), 5, null);
    quit.steps[0]!.planned = 600;
    const { allowance } = decide([quit], at("2026-11-22T09:06:00Z"), coldPlan);
    expect(allowance.last).toMatchObject({ confirmed: false, end: at("2026-11-22T09:10:00Z") });
    expect(allowance.thermalFreeAt).toBe(at("2026-11-22T09:20:00Z"));
  });

  it("a pack step cut off by a crash counts, though no time was recorded for it", () => {
    // the checkpoint written as the step started: done 0, the session's end at that moment
    const crashed = rec({
      start: "2026-11-22T09:00:00Z",
      routine: "heat",
      category: "heat",
      steps: [{ ...thermalStep("heat", "2026-11-22T09:00:00Z", 0), planned: 900 }],
      endedAt: "2026-11-22T09:00:00.000Z",
      ended: "interrupted",
    });
    const { allowance, decisions } = decide([crashed], at("2026-11-22T09:05:00Z"));
    expect(allowance.heat.count).toBe(1);
    expect(allowance.thermalFreeAt).toBe(at("2026-11-22T09:25:00Z"));
    expect(rules(decisions)).toEqual(["floor:time-off"]);
  });

  it("two applications in one record stay two, even when a step between was skipped at once", () => {
    const heat = (t: string, done: number) => ({ ...thermalStep("heat", t, done), planned: 600 });
    const two = rec({
      start: "2026-11-22T06:00:00Z",
      routine: "heat",
      category: "heat",
      steps: [
        heat("2026-11-22T06:00:00Z", 600),
        { ...heat("2026-11-22T06:10:00Z", 0), at: null, outcome: "skipped" },
        offStep("heat", at("2026-11-22T06:10:00Z"), 5),
        {
          name: "Off",
          kind: "rest",
          planned: 900,
          done: 900,
          outcome: "done",
          at: "2026-11-22T06:10:05.000Z",
        },
        heat("2026-11-22T06:25:05Z", 600),
        offStep("heat", at("2026-11-22T06:35:05Z"), 5),
      ],
    });
    expect(decide([two], at("2026-11-22T12:00:00Z")).allowance.heat.count).toBe(2);
  });

  it("says when one more heat fits, counting every heat in the window", () => {
    // four heats on record (an import from another computer): two must leave the window
    const heats = ["01", "02", "03", "04"].map((h) =>
      thermal("heat", at(`2026-11-22T${h}:00:00Z`), 15),
    );
    const { decisions } = decide(heats, at("2026-11-22T12:00:00Z"));
    expect(decisions).toEqual([
      expect.objectContaining({ rule: "heat-per-day", nextSlotAt: at("2026-11-23T02:00:00Z") }),
    ]);
  });

  it("heat counts over a rolling 24 hours: midnight resets nothing", () => {
    const heats = ["2026-11-22T21:00:00Z", "2026-11-22T22:00:00Z", "2026-11-22T23:00:00Z"].map(
      (t) => thermal("heat", at(t), 15),
    );
    const after = decide(heats, at("2026-11-23T00:30:00Z")).decisions;
    expect(after).toEqual([
      expect.objectContaining({
        rule: "heat-per-day",
        level: "floor",
        count: 3,
        nextSlotAt: at("2026-11-23T21:00:00Z"),
      }),
    ]);
    expect(rules(decide(heats, at("2026-11-23T21:00:01Z")).decisions)).toEqual([]);
  });

  it("a record dated after now counts as now (a clock set back)", () => {
    const cold = thermal("cold", at("2026-11-22T10:00:00Z"), 10);
    const now = at("2026-11-22T09:00:00Z");
    const { allowance, decisions } = decide([cold], now, coldPlan);
    expect(allowance.thermalFreeAt).toBe(now + OFF_MIN * MIN);
    expect(rules(decisions)).toContain("floor:time-off");
  });

  it("a cleared history leaves the last day's applications in force", () => {
    const heats = ["09", "11", "13"].map((h) => thermal("heat", at(`2026-11-22T${h}:00:00Z`), 15));
    const now = at("2026-11-22T15:00:00Z");
    const kept = { records: heats };
    expect(rules(decide([], now, heatPlan, kept).decisions)).toEqual(["floor:heat-per-day"]);
    // an import of the old history beside what was kept counts each session once
    expect(decide(heats, now, heatPlan, kept).allowance.heat.count).toBe(3);
  });

  it("cold again within 2 hours is guidance, not a floor", () => {
    const cold = thermal("cold", at("2026-11-22T09:00:00Z"), 10);
    expect(rules(decide([cold], at("2026-11-22T10:00:00Z"), coldPlan).decisions)).toEqual([
      "guidance:cold-gap",
    ]);
  });
});

describe("what a record says was put on the body", () => {
  it("a pack on for several steps in a row is one application, from its first step to its call off", () => {
    const start = at("2026-11-22T09:00:00Z");
    const steps = [
      { name: "Breathe", kind: "prepare", planned: 30, done: 30, outcome: "done", at: iso(start) },
      thermalStep("cold", iso(start + 30_000), 4 * 60),
      { ...thermalStep("cold", iso(start + 30_000 + 4 * MIN), 3 * 60), planned: 300 },
      offStep("cold", start + 30_000 + 7 * MIN, 10),
      { name: "Rest", kind: "rest", planned: 60, done: 60, outcome: "done", at: null },
    ] satisfies StepRecord[];
    const record = rec({ start: iso(start), steps, endedAt: iso(start + 8 * MIN) });
    const past = pastFromRecords([record], at("2026-11-22T12:00:00Z"));
    expect(past.applications).toEqual([
      {
        kind: "cold",
        start: start + 30_000,
        end: start + 30_000 + 7 * MIN + 10_000,
        confirmed: true,
      },
    ]);
    // not confirmed off: on for what was planned (600 + 300 s) from its start, at least
    const cut = rec({ start: iso(start), steps: steps.slice(0, 3), endedAt: iso(start + 8 * MIN) });
    expect(pastFromRecords([cut], at("2026-11-22T12:00:00Z")).applications).toEqual([
      { kind: "cold", start: start + 30_000, end: start + 30_000 + 15 * MIN, confirmed: false },
    ]);
    expect(past.massage).toEqual([]);
  });
});

describe("which sessions the rules of the last day read whole", () => {
  it("a session's summary says it put something on the body exactly when the rules count a step of it", () => {
    // every kind of step, started or not, with and without time done, in runs and alone
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const kinds = ["prepare", "hold", "rest", "move", "massage", "cold", "heat"] as const;
    const now = at("2026-11-22T12:00:00Z");
    let counted = 0;
    for (let n = 0; n < 400; n++) {
      const steps: StepRecord[] = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => ({
        name: `Step ${i}`,
        kind: kinds[Math.floor(random() * kinds.length)]!,
        planned: random() < 0.2 ? null : 60,
        done: random() < 0.3 ? 0 : 30,
        outcome: "done",
        at: random() < 0.3 ? null : iso(now - 3_600_000 + i * 60_000),
      }));
      const record = rec({ start: iso(now - 3_600_000), steps });
      const past = pastFromRecords([record], now);
      const rulesCount = past.applications.length + past.massage.length > 0;
      expect(summaryOf(record).onBody).toBe(rulesCount);
      if (rulesCount) counted += 1;
    }
    // both kinds of session were met
    expect(counted).toBeGreaterThan(50);
    expect(counted).toBeLessThan(350);
  });

  it("reading whole only the sessions that put something on the body gives the same allowance", () => {
    const now = at("2026-11-22T12:00:00Z");
    const ctx = { ...testContext().ctx, now: () => now };
    const store = new HistoryStore(ctx.paths.data);
    const stretch = rec({
      start: iso(now - 5 * 3_600_000),
      steps: [holdStep(iso(now - 5 * 3_600_000))],
    });
    const cold = thermal("cold", now - 4 * 3_600_000, 10);
    const massaged = rec({
      start: iso(now - 2 * 3_600_000),
      steps: [massageStep(iso(now - 2 * 3_600_000), 4 * 60, "neck")],
    });
    for (const r of [stretch, cold, massaged]) store.append(r);
    const settings = { get: () => 6 };
    const all = openJournal(ctx, () => {}, stepsFrom(now), now - RULES_LOOK_BACK_MS);
    const some = openAllowanceHistory(ctx, () => {});
    expect(some.records.map((r) => r.id)).toEqual([cold.id, massaged.id]);
    expect(some.recent.map((r) => r.id)).toEqual([stretch.id, cold.id, massaged.id]);
    expect(allowanceNow(ctx, some.records, some.recent, settings)).toEqual(
      allowanceNow(ctx, all.records, all.recent, settings),
    );
  });

  it("a session's start reads its routine's last session whole as well, to offer to resume it", () => {
    const now = at("2026-11-22T12:00:00Z");
    const ctx = { ...testContext().ctx, now: () => now };
    const store = new HistoryStore(ctx.paths.data);
    const cut = (hoursAgo: number) =>
      rec({
        start: iso(now - hoursAgo * 3_600_000),
        routine: "stretch",
        ended: "interrupted",
        steps: [holdStep(iso(now - hoursAgo * 3_600_000), 10, "pending")],
      });
    const [older, last] = [cut(5), cut(3)];
    const cold = thermal("cold", now - 4 * 3_600_000, 10);
    const elsewhere = rec({ start: iso(now - 2 * 3_600_000), routine: "desk-break" });
    for (const r of [older, cold, last, elsewhere]) store.append(r);
    const journal = openSessionHistory(ctx, () => {}, "stretch");
    expect(journal.records.map((r) => r.id)).toEqual([cold.id, last.id]);
    expect(journal.recent.map((r) => r.id)).toEqual([older.id, cold.id, last.id, elsewhere.id]);
    // a routine with no session since yesterday reads none of its own
    expect(openSessionHistory(ctx, () => {}, "heat").records.map((r) => r.id)).toEqual([cold.id]);
  });
});

describe("the allowance: self-massage", () => {
  const roll = (area?: SessionRecord["areas"][number]): TimelineEntry => ({
    name: "Roll",
    kind: "massage",
    seconds: 4 * 60,
    ...(area ? { area } : {}),
  });

  it("a massage step with no area, in a routine with none, counts against every area", () => {
    const done = rec({
      areas: [],
      steps: [massageStep("2026-11-22T09:00:00Z", 5 * 60)],
      category: "massage",
    });
    const past = pastFromRecords([done], at("2026-11-22T10:00:00Z"));
    expect(past.massage[0]?.areas).toContain("neck");
    expect(past.massage[0]?.areas).toContain("lower-back");
    const { decisions } = decide(
      [done],
      at("2026-11-22T10:00:00Z"),
      plan("fingertips", [roll("neck")]),
    );
    expect(rules(decisions)).toEqual(["guidance:massage-limit"]);
  });

  it("counts over the last 24 hours, not since midnight", () => {
    const done = rec({ steps: [massageStep("2026-11-22T23:50:00Z", 5 * 60, "neck")] });
    const { allowance } = decide([done], at("2026-11-23T00:10:00Z"));
    expect(allowance.massage.doneByArea.get("neck")).toBe(300);
  });

  it("past the person's limit is guidance; past the 30-minute ceiling is a floor", () => {
    const done = rec({ steps: [massageStep("2026-11-22T09:00:00Z", 28 * 60, "neck")] });
    const { decisions } = decide([done], at("2026-11-22T10:00:00Z"), plan("x", [roll("neck")]));
    expect(rules(decisions)).toEqual(["floor:massage-ceiling"]);
  });
});

describe("the allowance: stops and advice", () => {
  it("a 9 after a routine keeps that routine, and only that one, for 24 hours", () => {
    const hurt = rec({ routine: "tennis-ball", ratings: { before: 4, after: 9 } });
    const now = Date.parse(hurt.endedAt) + 60 * MIN;
    const tennis = decide(
      [hurt],
      now,
      plan("tennis-ball", [{ name: "Rest", kind: "rest", seconds: 60 }]),
    );
    // a 9 is also a reason to see a doctor (guidance); the stop is the floor
    expect(rules(tennis.decisions)).toEqual(["floor:stopped", "guidance:advice"]);
    expect(
      rules(
        decide([hurt], now, plan("stretch", [{ name: "Rest", kind: "rest", seconds: 60 }]))
          .decisions,
      ),
    ).toEqual(["guidance:advice"]);
  });

  it("after cold, heat or massage, every plan with that kind of step is kept aside too", () => {
    const cold = rec({ routine: "cold-cycle", category: "cold", ratings: { after: 9 } });
    const now = Date.parse(cold.endedAt) + 60 * MIN;
    const stopped = (p: ReturnType<typeof plan>) =>
      rules(decide([cold], now, p).decisions).includes("floor:stopped");
    // the ad-hoc cycle (another id), a copy under another name, a routine that includes it
    expect(stopped(plan("cycle-cold", [check, { name: "Cold", kind: "cold", seconds: 600 }]))).toBe(
      true,
    );
    expect(stopped(plan("my-cold", [check, { name: "Ice", kind: "cold", seconds: 300 }]))).toBe(
      true,
    );
    expect(stopped(plan("stretch", [{ name: "Rest", kind: "rest", seconds: 60 }]))).toBe(false);
  });

  it("advice in force when the history was cleared stays, unless ratings since show otherwise", () => {
    const now = at("2026-11-22T09:00:00Z");
    const kept = {
      records: [],
      advice: { since: now - 2 * 24 * 60 * MIN, reasons: ["ratings stayed high"] },
    };
    expect(rules(decide([], now, heatPlan, kept).decisions)).toEqual(["guidance:advice"]);
    expect(rules(decide([], now + 15 * 24 * 60 * MIN, heatPlan, kept).decisions)).toEqual([]);
  });
});

describe("what the records hold for the rules (moved from the daily counts)", () => {
  const massageOn = (records: SessionRecord[], now: number) =>
    Object.fromEntries(
      allowanceAt(safetyPast(records, records, undefined, now), now, LIMIT).massage.doneByArea,
    );

  it("counts a step for its own area, or for each of its routine's areas", () => {
    const records = [
      rec({
        steps: [
          massageStep("2026-11-22T09:00:00Z", 120, "upper-back"),
          massageStep("2026-11-22T09:02:00Z", 60),
        ],
        areas: ["neck", "shoulders"],
      }),
    ];
    expect(massageOn(records, at("2026-11-22T12:00:00Z"))).toEqual({
      "upper-back": 120,
      neck: 60,
      shoulders: 60,
    });
  });

  it("counts only the part of a step inside the last 24 hours", () => {
    const records = [
      rec({
        start: "2026-11-21T08:58:00Z",
        steps: [massageStep("2026-11-21T08:58:00Z", 300, "mid-back")],
      }),
    ];
    expect(massageOn(records, at("2026-11-22T09:00:00Z"))["mid-back"]).toBe(180);
  });

  it("ignores other kinds, steps never started and what is older than 24 hours", () => {
    const records = [
      rec({
        steps: [holdStep("2026-11-22T09:00:00.000Z")],
      }),
      rec({ steps: [{ ...massageStep("2026-11-22T09:00:00Z", 0, "neck"), at: null }] }),
      rec({
        start: "2026-11-20T09:00:00Z",
        steps: [massageStep("2026-11-20T09:00:00Z", 90, "neck")],
      }),
    ];
    expect(massageOn(records, at("2026-11-22T12:00:00Z"))).toEqual({});
  });

  it("the last cold or heat is the end of the last application of that kind that was done", () => {
    const records = [
      rec({
        start: "2026-11-22T08:00:00Z",
        steps: [thermalStep("cold", "2026-11-22T08:00:00Z", 600)],
      }),
      rec({
        start: "2026-11-22T10:00:00Z",
        steps: [{ ...thermalStep("cold", "2026-11-22T10:00:00Z", 240), outcome: "skipped" }],
      }),
      rec({
        start: "2026-11-22T07:00:00Z",
        steps: [thermalStep("heat", "2026-11-22T07:00:00Z", 900)],
      }),
    ];
    const now = at("2026-11-22T12:00:00Z");
    const a = allowanceAt(safetyPast(records, records, undefined, now), now, LIMIT);
    // nobody confirmed these packs off: each counts as on until its planned end (10 minutes)
    expect(a.cold.lastEnd).toBe(at("2026-11-22T10:10:00Z"));
    expect(a.heat.lastEnd).toBe(at("2026-11-22T07:15:00Z"));
    const none = allowanceAt(safetyPast([], [], undefined, now), now, LIMIT);
    expect(none.cold.lastEnd).toBeUndefined();
  });
});

describe("what is in force, in words", () => {
  it("names each rule in force with its time, and nothing when none is", () => {
    const now = at("2026-11-22T12:00:00Z");
    const heats = ["03", "07", "11"].map((h) =>
      thermal("heat", at(`2026-11-22T${h}:55:00Z`), 5, 0),
    );
    const hurt = rec({
      routine: "tennis-ball",
      category: "massage",
      start: "2026-11-22T10:00:00Z",
      ratings: { before: 3, after: 6 },
    });
    const allowance = allowanceAt(
      safetyPast([...heats, hurt], [...heats, hurt], undefined, now),
      now,
      LIMIT,
    );
    const lines = inForceLines(allowance, now);
    const said = allowanceText.inForceLine;
    expect(lines).toEqual([
      said.stopped("tennis-ball", "massage", "10:01 tomorrow", "rose", "10:01"),
      said.noThermalBefore("12:10", "heat", "12:00"),
      said.heatCount(3, 3, "03:55 tomorrow"),
    ]);
    const empty = allowanceAt(safetyPast([], [], undefined, now), now, LIMIT);
    expect(inForceLines(empty, now)).toEqual([]);
  });
});

describe("times in words, in the person's own time zone", () => {
  it("says today's time, 'tomorrow', or the local date", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      // 23:30 UTC on the 22nd is 12:30 on the 23rd in Auckland (UTC+13 in November)
      const now = at("2026-11-22T23:30:00Z");
      expect(whenText(now + 60 * MIN, now)).toBe("13:30");
      expect(whenText(now + 24 * 60 * MIN, now)).toBe("12:30 tomorrow");
      expect(whenText(now + 48 * 60 * MIN, now)).toBe("2026-11-25 12:30");
    } finally {
      process.env.TZ = saved;
    }
  });
});
