import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Draft, type DraftStep, GUIDANCE, STOP_IF_IT_HURTS } from "../../src/builder/draft.js";
import { checkDraft, refusalsOfAdding, thermalRoom } from "../../src/builder/draft-check.js";
import {
  cleanText,
  idFromName,
  isReservedId,
  routineFile,
  uniqueId,
} from "../../src/builder/ids.js";
import { BUILDER_POSES, POSE_STEPS } from "../../src/builder/poses.js";
import { decisionText, stepSummary, thermalRoomText } from "../../src/builder/text.js";
import { loadLibrary, loadRoutineFile } from "../../src/routine/library.js";
import { expectSaid, stated } from "../guidance.js";
import { tempDir } from "../helpers.js";

const userDir = join(tempDir(), "routines");
const library = loadLibrary({ userDir });
const resolve = (id: string) => library.find(id)?.routine;
const BUILT_INS = library.entries.map((e) => e.routine.id);

const draft = (...steps: DraftStep[]): Draft => ({ id: "mine", name: "Mine", steps });
const pose = (p: (typeof BUILDER_POSES)[number], over: Partial<DraftStep> = {}): DraftStep => {
  const d = POSE_STEPS[p]!;
  return {
    type: "pose",
    pose: p,
    seconds: d.seconds,
    reps: d.reps,
    sides: d.sides,
    ...(d.tempo ? { tempo: d.tempo } : {}),
    ...over,
  } as DraftStep;
};
const minutes = (m: number) => m * 60;

/** What `knot validate` says of the file the builder would save: its errors. */
function validateSaved(json: object): string[] {
  const file = join(tempDir(), "mine.json");
  writeFileSync(file, JSON.stringify(json, null, 2));
  const fresh = loadLibrary({ userDir: join(tempDir(), "none") });
  try {
    // as knot validate does: the file's own format, includes and limits
    loadRoutineFile(fresh, file);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}
describe("the draft model", () => {
  it("turns every pose, a rest, cold, heat and each built-in into a file knot validate accepts", () => {
    const steps: DraftStep[][] = [
      ...BUILDER_POSES.map((p) => [pose(p)]),
      [{ type: "rest", seconds: 30 }],
      [{ type: "cold", seconds: minutes(10) }],
      [{ type: "heat", seconds: minutes(15) }],
      ...BUILT_INS.map((id): DraftStep[] => [{ type: "include", routine: id }]),
      [
        pose("knee-to-chest"),
        pose("cat"),
        { type: "rest", seconds: 20 },
        { type: "include", routine: "desk-break" },
      ],
    ];
    for (const list of steps) {
      const checked = checkDraft(draft(...list), resolve);
      expect(checked.saveable, JSON.stringify(checked.decisions)).toBe(true);
      expect(validateSaved(checked.json), JSON.stringify(list)).toEqual([]);
    }
  });

  it("offers every pose at a dose inside the guidance: no caution, no advice", () => {
    for (const p of BUILDER_POSES) {
      expect(checkDraft(draft(pose(p)), resolve).decisions, p).toEqual([]);
    }
  });

  it("keeps the osteoporosis and neck cautions in the step, whatever instruction the person writes", () => {
    expectSaid(/The caution goes in the steps that bend or\s+twist, where it is heard/);
    expectSaid(/Work only the back of the neck; keep away from its front and sides/);
    const own = (p: (typeof BUILDER_POSES)[number]) => {
      const steps = checkDraft(draft(pose(p, { instruction: "As my physio showed me." })), resolve)
        .json.steps as { instruction?: string; steps?: { instruction: string }[] }[];
      return steps[0]!.instruction ?? steps[0]!.steps![0]!.instruction;
    };
    for (const p of [
      "knee-to-chest",
      "knee-rolls",
      "cat",
      "bottom-to-heels",
      "seated-twist",
    ] as const) {
      expect(own(p), p).toMatch(/^As my physio showed me\. .*With osteoporosis/);
    }
    expect(own("fingertips-neck")).toMatch(
      /Only the back of the neck: keep away from its front and sides/,
    );
  });

  it("never offers to save a draft knot validate would reject (many mixed drafts)", () => {
    // a fixed pseudo-random walk over the choices, values inside and past every floor
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const secondsChoices = [
      5,
      20,
      45,
      minutes(12),
      minutes(16),
      minutes(20),
      minutes(21),
      minutes(61),
    ];
    let saveable = 0;
    for (let round = 0; round < 150; round++) {
      const list: DraftStep[] = [];
      for (let i = 0, n = 1 + next(5); i < n; i++) {
        const seconds = secondsChoices[next(secondsChoices.length)]!;
        const which = next(5);
        if (which === 0)
          list.push(
            pose(BUILDER_POSES[next(BUILDER_POSES.length)]!, { seconds, reps: 1 + next(6) }),
          );
        else if (which === 1) list.push({ type: "rest", seconds });
        else if (which === 2) list.push({ type: next(2) ? "cold" : "heat", seconds });
        else list.push({ type: "include", routine: BUILT_INS[next(BUILT_INS.length)]! });
      }
      const checked = checkDraft(draft(...list), resolve);
      if (!checked.saveable) continue;
      saveable++;
      expect(validateSaved(checked.json), JSON.stringify(list)).toEqual([]);
    }
    expect(saveable).toBeGreaterThan(20);
  });

  it("offers stretch holds of 10-30 s and 2-4 repetitions as they are, and cautions past them", () => {
    const [low, high] = stated(/Each stretch is held (\d+)-(\d+) s/);
    const [fewest, most] = stated(/\((\d+)-(\d+) repetitions per stretch\)/);
    expect([GUIDANCE.holdSeconds.low, GUIDANCE.holdSeconds.high]).toEqual([low, high]);
    expect([GUIDANCE.holdReps.low, GUIDANCE.holdReps.high]).toEqual([fewest, most]);
    const inside = checkDraft(
      draft(pose("knee-to-chest", { seconds: high!, reps: most! })),
      resolve,
    );
    expect(inside.decisions).toEqual([]);
    expect(inside.json.cautions).toEqual([STOP_IF_IT_HURTS]);

    const past = checkDraft(
      draft(pose("knee-to-chest", { seconds: high! + 15, reps: most! + 1 })),
      resolve,
    );
    expect(past.saveable).toBe(true);
    expect(past.decisions.map((d) => d.verdict === "warn" && d.caution)).toEqual([
      "hold-long",
      "reps-many",
    ]);
    const cautions = (past.json.cautions as string[]).join("\n");
    expect(cautions).toContain(`held for ${high! + 15}s, longer than the ${low}-${high} seconds`);
    expect(cautions).toContain(
      `done ${most! + 1} times, more than the ${fewest}-${most} repetitions`,
    );
  });

  it("paces a movement's repetitions inside its step, as the pelvic tilt's 5 s, 5 times", () => {
    const [hold, reps] = stated(/\| pelvic tilt \|[^|]*\| (\d+) s, (\d+) reps \|/);
    const tilt = pose("pelvic-tilt");
    expect(tilt).toMatchObject({ reps, tempo: { hold } });
    const { json, decisions } = checkDraft(draft(tilt), resolve);
    expect(decisions).toEqual([]);
    const [step] = json.steps as Record<string, unknown>[];
    expect(step).toMatchObject({ reps, tempo: { hold } });
    expect(step).not.toHaveProperty("duration"); // it follows from the repetitions
    expect(validateSaved(json)).toEqual([]);
    // a breath has no rest to leave out; a hold with no rest writes none
    const twist = checkDraft(draft(pose("seated-twist")), resolve).json.steps as object[];
    expect(twist[0]).toMatchObject({ tempo: { hold: 10 } });
    expect((twist[0] as { tempo: object }).tempo).not.toHaveProperty("rest");
    // one repetition is a plain step of one tempo's length; past the count, refused
    const once = checkDraft(draft(pose("pelvic-tilt", { reps: 1 })), resolve).json
      .steps as object[];
    expect(once[0]).toMatchObject({ duration: 10 });
    expect(once[0]).not.toHaveProperty("reps");
    expect(
      checkDraft(draft(pose("pelvic-tilt", { reps: 31 })), resolve).decisions[0],
    ).toMatchObject({
      verdict: "refuse",
      reason: "too-many-paced-reps",
    });
  });

  it("refuses cold or heat past 20 minutes, and cautions cold past 15", () => {
    const [coldLow, coldHigh, never] = stated(
      /Each time: (\d+)-(\d+) min on, never\s+more than (\d+) min/,
    );
    const refused = checkDraft(draft({ type: "cold", seconds: minutes(never! + 1) }), resolve);
    expect(refused.saveable).toBe(false);
    expect(refused.decisions[0]).toMatchObject({
      verdict: "refuse",
      reason: "application-too-long",
    });
    const heat = checkDraft(draft({ type: "heat", seconds: minutes(never! + 1) }), resolve);
    expect(heat.saveable).toBe(false);

    const atMost = checkDraft(draft({ type: "cold", seconds: minutes(never!) }), resolve);
    expect(atMost.saveable).toBe(true);
    expect(atMost.decisions[0]).toMatchObject({ verdict: "warn", caution: "cold-long" });
    expect((atMost.json.cautions as string[]).join()).toContain(
      `longer than the ${coldLow}-${coldHigh} minutes`,
    );
    expect(
      checkDraft(draft({ type: "cold", seconds: minutes(coldHigh!) }), resolve).decisions,
    ).toEqual([]);
  });

  it("gives cold and heat their wrap and skin-check steps, which wait for Enter", () => {
    for (const type of ["cold", "heat"] as const) {
      const { json } = checkDraft(draft({ type, seconds: minutes(10) }), resolve);
      const steps = json.steps as { kind: string; duration?: number; name: string }[];
      expect(steps.map((s) => s.kind)).toEqual(["prepare", "prepare", type]);
      expect(steps.slice(0, 2).every((s) => s.duration === undefined)).toBe(true);
      expect(steps[1]!.name).toBe("Check your skin");
    }
  });

  it("refuses two packs without the 10 minutes off between them", () => {
    const [off] = stated(/\*\*10 min off:\*\* at least (\d+) minutes off/);
    const cold = { type: "cold", seconds: minutes(10) } as const;
    const close = checkDraft(
      draft(cold, { type: "rest", seconds: minutes(off!) - 1 }, cold),
      resolve,
    );
    expect(close.saveable).toBe(false);
    expect(close.decisions.find((d) => d.verdict === "refuse")).toMatchObject({ reason: "rules" });
    const spaced = checkDraft(draft(cold, { type: "rest", seconds: minutes(off!) }, cold), resolve);
    expect(spaced.saveable).toBe(true);
  });

  it("says a second pack lacks its time off before its minutes are asked, in the steps as the person added them", () => {
    const [off] = stated(/\*\*10 min off:\*\* at least (\d+) minutes off/);
    const cold = { type: "cold", seconds: minutes(10) } as const;
    const stretch = pose("knee-to-chest");
    const room = thermalRoom(draft(stretch, cold), "cold", resolve);
    expect(room).toMatchObject({ ok: false, reason: "time-off", off: 0, need: minutes(off!) });
    if (room.ok || room.reason !== "time-off") throw new Error("unreachable");
    const text = thermalRoomText(room, "cold", [stretch, cold]);
    expect(text).toContain(`at least ${off}m off`);
    expect(text).toContain("(step 2: Cold pack, 10m");
    // a rest of what is missing makes room; heat after cold counts the same
    const rested = draft(stretch, cold, { type: "rest", seconds: room.need });
    expect(thermalRoom(rested, "cold", resolve)).toEqual({ ok: true });
    expect(thermalRoom(draft(cold), "heat", resolve)).toMatchObject({ ok: false });
    // a built-in with cold in it counts as well
    expect(
      thermalRoom(draft({ type: "include", routine: "cold-cycle" }), "cold", resolve),
    ).toMatchObject({
      ok: false,
      reason: "time-off",
    });
  });

  it("says a rule the whole routine breaks without its internal tag, numbering the person's steps", () => {
    const cold = { type: "cold", seconds: minutes(10) } as const;
    const both = draft(pose("knee-to-chest"), cold, cold);
    const refused = checkDraft(both, resolve).decisions.filter((d) => d.verdict === "refuse");
    expect(refused).toHaveLength(1);
    const text = decisionText(refused[0]!);
    expect(text).not.toMatch(/\[[a-z-]+\]/);
    // the third step the person added, not the seventh of the expanded routine
    expect(text).toContain("step 3 (Cold pack)");
    const inside = draft(cold, { type: "include", routine: "cold-cycle" });
    const included = decisionText(
      checkDraft(inside, resolve).decisions.find((d) => d.verdict === "refuse")!,
    );
    expect(included).toMatch(/step 2 \([^)]*, in cold-cycle\)/);
  });

  it("refuses a value that makes the whole routine too long when it is given", () => {
    const [stepMinutes, , hours] = stated(
      /a step may last at most (\d+) minutes, a `repeat` may run at most (\d+) times, and a whole routine may last at most (\d+) hours/,
    );
    const [reps] = stated(/a `repeat` may run at most (\d+) times/);
    // a hold as long as a step may be, on both sides, repeated as often as allowed: each value
    // alone is allowed, the routine as a whole is not
    const long = pose("knee-to-chest", {
      seconds: minutes(stepMinutes! / 6),
      reps: reps!,
      sides: true,
    });
    expect(minutes(stepMinutes! / 6) * reps! * 2).toBeGreaterThan(hours! * 3600);
    const fresh = refusalsOfAdding(draft(), long, resolve);
    expect(fresh.map((d) => decisionText(d)).join()).toContain(`at most ${hours} hours`);
    expect(refusalsOfAdding(draft(), pose("knee-to-chest"), resolve)).toEqual([]);
  });

  it("names a step as the person chose it", () => {
    expect(stepSummary(pose("knee-to-chest", { seconds: 20, reps: 1, sides: true }))).toBe(
      "Knee to chest, 20s each side",
    );
    expect(stepSummary(pose("knee-to-chest", { seconds: 20, reps: 2, sides: true }))).toBe(
      "Knee to chest, 2 × 20s each side",
    );
    expect(stepSummary({ type: "rest", seconds: 15 })).toBe("Rest, 15s");
    expect(stepSummary({ type: "include", routine: "desk-break" })).toBe("the routine desk-break");
  });

  it("refuses a step past an hour, repeats past 20, an empty routine and one that includes itself", () => {
    expect(checkDraft(draft({ type: "rest", seconds: minutes(61) }), resolve).saveable).toBe(false);
    expect(checkDraft(draft(pose("knee-to-chest", { reps: 21 })), resolve).saveable).toBe(false);
    expect(checkDraft(draft(), resolve).decisions).toEqual([
      { verdict: "refuse", reason: "no-steps" },
    ]);
    expect(checkDraft(draft({ type: "include", routine: "mine" }), resolve).saveable).toBe(false);
  });

  it("never saves text a terminal would act on, even when given it uncleaned", () => {
    const hostile = { ...draft(pose("cat", { instruction: "Breathe \u001b]0;owned\u0007" })) };
    expect(checkDraft(hostile, resolve)).toMatchObject({ verdict: "refuse", saveable: false });
    const named = { ...draft({ type: "rest", seconds: 20 }), name: "\u001b[2J" };
    expect(checkDraft(named, resolve).saveable).toBe(false);
    expect(checkDraft({ ...named, name: "x".repeat(81) }, resolve).saveable).toBe(false);
    expect(checkDraft({ ...named, name: "Fine", id: "../up" }, resolve).saveable).toBe(false);
    expect(checkDraft({ ...named, name: "Fine" }, resolve).verdict).toBe("ok");
  });

  it("categorises and lists areas from its steps", () => {
    expect(checkDraft(draft(pose("cat")), resolve).json).toMatchObject({
      category: "stretch",
      areas: ["mid-back"],
    });
    expect(
      checkDraft(draft(pose("cat"), { type: "include", routine: "heat" }), resolve).json.category,
    ).toBe("mixed");
  });
});

describe("names, ids and files", () => {
  it.each([
    ["My back \u001b[31mred\u001b[0m", "My back red"],
    ["Title \u001b]0;owned\u0007 here", "Title here"],
    ["tab\there\nnewline\u202e", "tab here newline"],
  ])("makes %j safe", (raw, safe) => {
    expect(cleanText(raw, 80)).toEqual({ ok: true, text: safe });
  });

  it("refuses empty and too-long text instead of cutting it", () => {
    expect(cleanText("\u001b[2J  ", 80)).toEqual({ ok: false, reason: "empty" });
    expect(cleanText("x".repeat(81), 80)).toEqual({ ok: false, reason: "too-long" });
  });

  it.each([
    ["Morning stretch", "morning-stretch"],
    ["../../etc/passwd", "etc-passwd"],
    ["Étirement du dos", "etirement-du-dos"],
    ["Растяжка спины", "rastyazhka-spiny"],
    ["Διάταση", "diatasi"],
    ["Straße", "strasse"],
    ["Schema", "schema-routine"],
    ["a".repeat(100), "a".repeat(40)],
  ])("makes the id of %j %j", (name, id) => {
    expect(idFromName(name)).toBe(id);
  });

  it("makes an id from a name of any script: a short hash of it where nothing spells in Latin letters", () => {
    const names = ["背中のストレッチ", "首のストレッチ", "تمدد الظهر", "💥", ".."];
    const ids = names.map(idFromName);
    for (const id of ids) expect(id).toMatch(/^routine-[0-9a-f]{4}$/);
    expect(new Set(ids).size).toBe(names.length);
    // the same name, the same id
    expect(idFromName("背中のストレッチ")).toBe(ids[0]);
  });

  it("keeps the names of knot's own files in the routines folder from being ids", () => {
    expect(isReservedId("schema")).toBe(true);
    expect(isReservedId("schema-routine")).toBe(false);
  });

  it("makes an id unique", () => {
    expect(uniqueId("stretch", new Set(["stretch", "stretch-2"]))).toBe("stretch-3");
    expect(uniqueId("a".repeat(40), new Set(["a".repeat(40)]))).toBe(`${"a".repeat(38)}-2`);
  });

  it("keeps every file inside the routines folder", () => {
    const dir = "/home/me/.config/knot/routines";
    expect(routineFile(dir, "mine")).toBe(`${dir}/mine.json`);
    for (const bad of ["../mine", "a/b", "..", "", "Mine", "x".repeat(41)]) {
      expect(() => routineFile(dir, bad)).toThrow();
    }
  });
});
