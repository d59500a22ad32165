import { describe, expect, it } from "vitest";
import { checkHighRating, fitToLimit, preflight } from "../../src/coach/preflight/index.js";
import { allowanceNow } from "../../src/coach/prepare.js";
import type { Settings } from "../../src/config/store.js";
import { readSettings } from "../../src/config/store.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import type { Area } from "../../src/routine/vocabulary.js";
import { plannedMassage } from "../../src/safety/allowance.js";
import { screensDue, screensFor } from "../../src/safety/screening.js";
import { readScreeningFile } from "../../src/safety/screening-log.js";
import type { Asker } from "../../src/ui/prompt.js";
import { testContext } from "../helpers.js";
import { massageStep, rec, thermalStep } from "../history/fixtures.js";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const settings = (
  values: Record<string, unknown> = {},
  internal: Record<string, unknown> = {},
): Settings => ({
  get: (key) => {
    const all: Record<string, unknown> = { "massage.dailyLimitMinutes": 6, leadIn: 5, ...values };
    return all[key] as never;
  },
  internal: (key) => internal[key],
});
/**
 * Every list answered "none of these" this morning, ahead of time (kept in the settings by an
 * earlier knot): the red flags about now count for sessions started within the next hours
 * without a terminal; at a terminal they are asked at every massage, heat or cold session and
 * before neck work (these sessions work the neck: see routineAreas below).
 */
const screened = {
  screening: {
    "red-flags": "2026-11-22T06:00:00Z",
    neck: "2026-11-22T06:00:00Z",
    cold: "2026-11-22T06:00:00Z",
    heat: "2026-11-22T06:00:00Z",
    massage: "2026-11-22T06:00:00Z",
  },
};
/** The red flags' screen, asked at a terminal before every session here (they work the neck). */
const FLAGS = "Do any of these apply to you now?";

const massage: TimelineEntry[] = [
  { name: "Warm up", kind: "prepare", seconds: 20 },
  { name: "Roll upper", kind: "massage", seconds: 120, area: "upper-back" },
  { name: "Roll", kind: "massage", seconds: 60 },
];

/** A terminal that answers from a script, and remembers what it was asked. */
function fakeAsker(answers: unknown[] | undefined) {
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (!answers || answers.length === 0) throw new Error(`unexpected question: ${message}`);
    return answers.shift();
  };
  const ask: Asker = {
    can: answers !== undefined,
    choose: async (message) => next(message) as never,
    yesNo: async (message) => next(message) as boolean,
  };
  return { ask, asked };
}

function run(
  timeline: TimelineEntry[],
  records = [rec()],
  options: {
    force?: boolean;
    skinChecked?: boolean;
    internal?: Record<string, unknown>;
    /** Answers given at a terminal; undefined: no terminal. */
    answers?: unknown[];
  } = {},
) {
  const { ctx, stdout } = testContext();
  ctx.now = () => NOW;
  const said: string[] = [];
  const { ask, asked } = fakeAsker(options.answers);
  const config = settings({}, options.internal ?? screened);
  const input = {
    ctx,
    timeline,
    routine: "tennis-ball",
    routineAreas: ["upper-back", "neck"] as Area[],
    allowance: allowanceNow(ctx, records, records, config),
    records,
    recent: records,
    settings: config,
    force: options.force ?? false,
    skinChecked: options.skinChecked ?? false,
    ask,
    say: (t = "") => said.push(t),
  };
  const result = preflight(input);
  return { result, said, stdout, asked, ctx, input };
}

describe("planned massage and the daily limit", () => {
  it("counts a step for its own area, or all its routine's areas", () => {
    expect(Object.fromEntries(plannedMassage(massage, ["upper-back", "neck"]))).toEqual({
      "upper-back": 180,
      neck: 60,
    });
  });

  it("shortens massage steps to what is left of each area's allowance", () => {
    const fitted = fitToLimit(
      massage,
      ["upper-back", "neck"],
      new Map([
        ["upper-back", 90],
        ["neck", 600],
      ]),
    );
    expect(fitted.map((s) => `${s.name}:${s.seconds}`)).toEqual([
      "Warm up:20",
      "Roll upper:60",
      "Roll:30",
    ]);
    expect(
      fitToLimit(massage, ["upper-back"], new Map([["upper-back", 0]])).map((s) => s.name),
    ).toEqual(["Warm up"]);
  });

  const fiveDoneToday = [
    rec({
      start: "2026-11-22T08:00:00Z",
      steps: [massageStep("2026-11-22T08:00:00Z", 300, "upper-back")],
    }),
  ];

  it("without a terminal, shortens the massage to fit, whatever --yes says", async () => {
    const fitted = run(massage, fiveDoneToday);
    const timeline = await fitted.result;
    expect(fitted.said.join("\n")).toMatch(
      /daily self-massage limit of 6m per area:\n {2}upper-back: 5m done in the last 24 hours \+ 3m planned = 8m/,
    );
    expect(timeline.map((s) => `${s.name}:${s.seconds}`)).toEqual([
      "Warm up:20",
      "Roll upper:40",
      "Roll:20",
    ]);
    expect(fitted.said.join("\n")).toMatch(
      /shortened to fit the limit \(--force goes past it, never past the 30-minute ceiling\)/,
    );
  });

  it("without a terminal and nothing left today, does not start unless --force", async () => {
    const full = [
      rec({
        start: "2026-11-22T08:00:00Z",
        steps: [massageStep("2026-11-22T08:00:00Z", 360, "upper-back")],
      }),
    ];
    await expect(run(massage, full).result).rejects.toMatchObject({ exitCode: 3 });
    const forced = run(massage, full, { force: true });
    expect((await forced.result).map((s) => s.seconds)).toEqual([20, 120, 60]);
    expect(forced.said.join("\n")).toMatch(
      /overriding: your daily massage limit \(never the 30-minute ceiling\)/,
    );
  });

  it("at a terminal, offers to shorten, and + never lengthens past what was chosen", async () => {
    const fit = run(massage, fiveDoneToday, { answers: ["none", "fit"] });
    const timeline = await fit.result;
    expect(fit.asked).toEqual([FLAGS, "What would you like to do?"]);
    expect(timeline.filter((s) => s.kind === "massage").map((s) => s.maxSeconds)).toEqual([40, 20]);
    const go = await run(massage, fiveDoneToday, { answers: ["none", "go"] }).result;
    expect(go.filter((s) => s.kind === "massage").map((s) => s.maxSeconds)).toEqual([120, 60]);
    await expect(
      run(massage, fiveDoneToday, { answers: ["none", "stop"] }).result,
    ).rejects.toMatchObject({
      exitCode: 3,
    });
  });

  it("within the limit, lets + use only the room left in the day", async () => {
    const timeline = await run(massage, []).result;
    // 360 s a day: upper-back plans 180, neck 60; the room left is shared by each area's steps.
    expect(timeline.filter((s) => s.kind === "massage").map((s) => s.maxSeconds)).toEqual([
      210, 150,
    ]);
  });

  it("counts only today: yesterday's massage does not count", async () => {
    const yesterday = [
      rec({
        start: "2026-11-21T08:00:00Z",
        steps: [massageStep("2026-11-21T08:00:00Z", 300, "upper-back")],
      }),
    ];
    const timeline = await run(massage, yesterday).result;
    expect(timeline.map((s) => s.seconds)).toEqual([20, 120, 60]);
  });
});

describe("cold again too soon", () => {
  const check: TimelineEntry = { name: "Check your skin", kind: "prepare", seconds: null };
  const cold: TimelineEntry[] = [check, { name: "Cold pack on", kind: "cold", seconds: 600 }];
  const coldAt = (iso: string) => rec({ start: iso, steps: [thermalStep("cold", iso, 600)] });
  const recent = [coldAt("2026-11-22T11:00:00Z")];

  it("within 2 hours: without a terminal, not started unless --force (--yes is not enough)", async () => {
    const stopped = run(cold, recent, { skinChecked: true });
    await expect(stopped.result).rejects.toMatchObject({ exitCode: 3 });
    expect(stopped.said[0]).toMatch(/last cold ended at 11:10 \(50m ago\)/);
    expect(stopped.said.join("\n")).toMatch(
      /add --force \(it overrides: cold again within 2 hours\)/,
    );
    await expect(run(cold, recent, { skinChecked: true, force: true }).result).resolves.toEqual(
      cold,
    );
  });

  it("within 2 hours at a terminal: asks, and no means not started", async () => {
    const no = run(cold, recent, { answers: ["none", false, false] });
    await expect(no.result).rejects.toMatchObject({ exitCode: 3 });
    expect(no.asked.at(-1)).toBe("Start anyway?");
    await expect(run(cold, recent, { answers: ["none", false, true] }).result).resolves.toEqual(
      cold,
    );
  });

  it("says nothing after 2 hours", async () => {
    const ok = run(cold, [coldAt("2026-11-22T09:00:00Z")], { skinChecked: true });
    await expect(ok.result).resolves.toEqual(cold);
    expect(ok.said).toEqual([]);
  });
});

describe("heat: up to 3 times a day, and the questions before every application", () => {
  const check: TimelineEntry = { name: "Set up the heat", kind: "prepare", seconds: null };
  const heat: TimelineEntry[] = [check, { name: "Heat on", kind: "heat", seconds: 900 }];
  const heatAt = (iso: string) => rec({ start: iso, steps: [thermalStep("heat", iso, 900)] });

  it("asks each question, one keypress each, and any yes stops the heat, even with --force", async () => {
    for (let yesAt = 0; yesAt < 4; yesAt++) {
      const answers: unknown[] = ["none", false, false, false, false];
      answers[yesAt + 1] = true;
      const r = run(heat, [], { answers, force: true });
      await expect(r.result).rejects.toMatchObject({ exitCode: 3 });
      expect(r.asked).toHaveLength(yesAt + 2);
      expect(r.said.join("\n")).toMatch(/No heat today[\s\S]*Nothing overrides this/);
    }
    const clear = run(heat, [], { answers: ["none", false, false, false, false] });
    await expect(clear.result).resolves.toEqual(heat);
    expect(clear.asked).toEqual([
      FLAGS,
      "Have you had a new injury here in the last 48 hours?",
      "Is the area swollen?",
      "Is the skin there broken, or numb?",
      "Is the circulation poor in that area?",
    ]);
  });

  it("asks them every time: nothing is stored", async () => {
    const first = run(heat, [], { answers: ["none", false, false, false, false] });
    await first.result;
    const settingsNow = await readSettings(first.ctx.paths.config, () => {});
    expect(settingsNow.internal("screening")).toBeUndefined();
    const again = run(heat, [], { answers: ["none", false, false, false, false] });
    await again.result;
    expect(again.asked).toHaveLength(5);
  });

  it("without a terminal needs --skin-checked; --force is not an answer", async () => {
    await expect(run(heat, [], { force: true }).result).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/before every heat application[\s\S]*--yes does not answer/),
      hint: expect.stringMatching(/--skin-checked[\s\S]*48 hours/),
    });
    await expect(run(heat, [], { skinChecked: true }).result).resolves.toEqual(heat);
  });

  it("asks before cold about broken or numb skin", async () => {
    const cold: TimelineEntry[] = [check, { name: "Cold on", kind: "cold", seconds: 600 }];
    const r = run(cold, [], { answers: ["none", true] });
    await expect(r.result).rejects.toMatchObject({ exitCode: 3 });
    expect(r.asked).toEqual([FLAGS, "Is the skin where the pack goes broken, or numb?"]);
  });

  it("counts heat across today's sessions: a fourth is refused, even with --force", async () => {
    const three = ["04:00", "08:00", "11:00"].map((t) => heatAt(`2026-11-22T${t}:00Z`));
    const refused = run(heat, three.slice(0, 3), { skinChecked: true, force: true });
    await expect(refused.result).rejects.toMatchObject({ exitCode: 3 });
    expect(refused.said.join("\n")).toMatch(
      /3 heat applications in the last 24 hours and 1 more planned: heat is for up to 3 times in 24 hours[\s\S]*not --force/,
    );
    const yesterday = [heatAt("2026-11-21T08:00:00Z"), heatAt("2026-11-21T12:00:00Z")];
    await expect(
      run(heat, [...yesterday, ...three.slice(0, 2)], { skinChecked: true }).result,
    ).resolves.toEqual(heat);
  });

  it("does not hold heat to the 2-hour cold rule", async () => {
    const r = run(heat, [heatAt("2026-11-22T11:30:00Z")], { skinChecked: true });
    await expect(r.result).resolves.toEqual(heat);
    expect(r.said).toEqual([]);
  });
});

describe("screening: answered by the person, never by --yes", () => {
  it("needs the red flags for any session, and each therapy's list for its own", () => {
    expect(screensFor([{ name: "h", kind: "hold", seconds: 1 }])).toEqual(["red-flags"]);
    expect(screensFor([...massage, { name: "c", kind: "cold", seconds: 1 }])).toEqual([
      "red-flags",
      "cold",
      "massage",
    ]);
    expect(screensFor([{ name: "h", kind: "heat", seconds: 1 }])).toEqual(["red-flags", "heat"]);
  });

  it("keeps a lasting answer for 30 days, not 180", () => {
    const answer = (iso: string) => ({
      at: Date.parse(iso),
      lists: ["cold" as const],
      answer: "none" as const,
      via: "session" as const,
    });
    const cold: TimelineEntry[] = [{ name: "c", kind: "cold", seconds: 600 }];
    const due = (iso: string) =>
      screensDue({ timeline: cold, events: [answer(iso)], now: NOW, atTerminal: true });
    expect(due("2026-10-24T00:00:00Z")).toEqual(["red-flags"]);
    expect(due("2026-10-22T00:00:00Z")).toEqual(["red-flags", "cold"]);
  });

  it("without a terminal, lists them and exits 2 with how to answer", async () => {
    const first = run(massage, [], { internal: {} });
    await expect(first.result).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no terminal to ask in\. --yes does not answer them/),
      hint: expect.stringMatching(/knot safety --screen --none-apply red-flags neck massage/),
    });
    expect(first.said.join("\n")).toMatch(
      /both legs[\s\S]*ask a clinician first[\s\S]*pregnancy[\s\S]*blood thinners/,
    );
  });

  it("at a terminal, asks, and records only the lists the person cleared", async () => {
    const r = run(massage, [], { internal: {}, answers: ["none", "none"] });
    await expect(r.result).resolves.toBeDefined();
    const stored = readScreeningFile(r.ctx.paths.data);
    expect(stored.map((e) => [e.lists, e.answer, e.via])).toEqual([
      [["red-flags", "neck"], "none", "session"],
      [["massage"], "none", "session"],
    ]);
  });

  it("stops at an emergency answer with the advice, even with --force", async () => {
    const r = run(massage, [], { internal: {}, answers: ["emergency"], force: true });
    await expect(r.result).rejects.toMatchObject({ exitCode: 3 });
    expect(r.said.join("\n")).toMatch(/get medical help now: call 999/);
    expect(r.asked).toHaveLength(1);
  });

  it("does not start when one applies, unless --force", async () => {
    const r = run(massage, [], { internal: screened, answers: ["none"] });
    await expect(r.result).resolves.toBeDefined();
    expect(r.asked).toEqual([FLAGS]);
    const applies = run(massage, [], {
      internal: { screening: { "red-flags": "2026-11-20T00:00:00Z" } },
      answers: ["none", "applies"],
    });
    await expect(applies.result).rejects.toMatchObject({ exitCode: 3 });
    expect(applies.said.join("\n")).toMatch(/ask a doctor, nurse or physiotherapist/);
  });

  it("the neck's signs for the same day are not passed by --force (these sessions work the neck)", async () => {
    const r = run(massage, [], { internal: screened, answers: ["soon"], force: true });
    await expect(r.result).rejects.toMatchObject({ exitCode: 3 });
    expect(r.said.join("\n")).toMatch(/Nothing overrides this for the neck, not --force/);
  });
});

describe("getting worse", () => {
  const stops = [
    rec({ start: "2026-11-20T09:00:00Z", ended: "pain" }),
    rec({ start: "2026-11-21T09:00:00Z", ended: "pain" }),
  ];
  const hold: TimelineEntry[] = [{ name: "Hold", kind: "hold", seconds: 10 }];

  it("shows the red flags and asks whether to go on; no stops", async () => {
    const { result, said, asked } = run(hold, stops, { answers: [false] });
    await expect(result).rejects.toMatchObject({ exitCode: 3 });
    expect(said.join("\n")).toMatch(
      /not be getting better[\s\S]*stopped 2 sessions[\s\S]*see a doctor[\s\S]*both legs/,
    );
    expect(asked).toEqual(["Go on with this session anyway?"]);
    await expect(run(hold, stops, { answers: [true, "none"] }).result).resolves.toEqual(hold);
  });

  it("without a terminal, goes on only with --force", async () => {
    await expect(run(hold, stops).result).rejects.toMatchObject({ exitCode: 3 });
    await expect(run(hold, stops, { force: true }).result).resolves.toEqual(hold);
  });

  it("a rating of 8 or more before a session shows the red flags then, and asks", async () => {
    const r = run(hold, [], { answers: ["none", false] });
    await r.result;
    await expect(checkHighRating(r.input, 8)).rejects.toMatchObject({ exitCode: 3 });
    expect(r.said.join("\n")).toMatch(/rated your pain 8 out of 10[\s\S]*both legs/);
    await expect(checkHighRating(r.input, 7)).resolves.toBeUndefined();
  });
});

describe("the floors: nothing overrides them, not --force and not 'go ahead anyway'", () => {
  const check: TimelineEntry = { name: "Check", kind: "prepare", seconds: null };
  const heat: TimelineEntry[] = [check, { name: "Heat on", kind: "heat", seconds: 600 }];

  it("heat 5 minutes after a cold came off is not started, even with --force", async () => {
    const cold = rec({
      start: "2026-11-22T11:45:00Z",
      steps: [thermalStep("cold", "2026-11-22T11:45:00Z", 600)],
    });
    const r = run(heat, [cold], { skinChecked: true, force: true });
    await expect(r.result).rejects.toMatchObject({ exitCode: 3 });
    expect(r.said.join("\n")).toMatch(
      /last cold came off less than 10 minutes ago[\s\S]*Heat can start at 12:05[\s\S]*not --force/,
    );
  });

  it("a routine stopped after a 9 is not started again today, even with --force", async () => {
    const hurt = rec({
      routine: "tennis-ball",
      start: "2026-11-22T10:00:00Z",
      ratings: { after: 9 },
    });
    const r = run(massage, [hurt], { force: true, answers: ["none"] });
    await expect(r.result).rejects.toMatchObject({ exitCode: 3 });
    expect(r.said.join("\n")).toMatch(/8 or more out of 10[\s\S]*until 10:01 tomorrow/);
  });

  it("'go ahead anyway' past the daily limit stops at the 30-minute ceiling", async () => {
    const lots = [
      rec({
        start: "2026-11-22T09:00:00Z",
        steps: [massageStep("2026-11-22T09:00:00Z", 29 * 60, "upper-back")],
      }),
    ];
    const go = await run(massage, lots, { answers: ["none", "go"] }).result;
    const upper = go.filter(
      (s) => s.kind === "massage" && (s.area ?? "upper-back") === "upper-back",
    );
    const seconds = upper.reduce((sum, s) => sum + (s.seconds ?? 0), 0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(Math.max(...upper.map((s) => s.maxSeconds ?? 0))).toBeLessThanOrEqual(60);
  });
});
