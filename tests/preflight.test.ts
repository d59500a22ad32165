import { describe, expect, it } from "vitest";
import {
  fitToLimit,
  plannedMassageByArea,
  preflight,
  screenedRecently,
  therapiesIn,
} from "../src/commands/preflight.js";
import type { Settings } from "../src/config/store.js";
import type { TimelineEntry } from "../src/routine/timeline.js";
import { testContext } from "./helpers.js";
import { massageStep, rec, thermalStep } from "./history/fixtures.js";

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
const screened = {
  screening: {
    cold: "2026-11-20T00:00:00Z",
    heat: "2026-11-20T00:00:00Z",
    massage: "2026-11-20T00:00:00Z",
  },
};

const massage: TimelineEntry[] = [
  { name: "Warm up", kind: "prepare", seconds: 20 },
  { name: "Roll upper", kind: "massage", seconds: 120, area: "upper-back" },
  { name: "Roll", kind: "massage", seconds: 60 },
];

function run(
  timeline: TimelineEntry[],
  records = [rec()],
  options: { yes?: boolean; internal?: Record<string, unknown> } = {},
) {
  const { ctx, stdout } = testContext();
  ctx.now = () => NOW;
  const said: string[] = [];
  const result = preflight({
    ctx,
    timeline,
    routineAreas: ["upper-back", "neck"],
    records,
    settings: settings({}, options.internal ?? screened),
    yes: options.yes ?? false,
    force: false,
    plain: true,
    say: (t = "") => said.push(t),
  });
  return { result, said, stdout };
}

describe("planned massage and the daily limit", () => {
  it("counts a step for its own area, or all its routine's areas", () => {
    expect(Object.fromEntries(plannedMassageByArea(massage, ["upper-back", "neck"]))).toEqual({
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

  it("without a terminal, warns with the figures and goes ahead only with --yes", async () => {
    const today = [
      rec({
        start: "2026-11-22T08:00:00Z",
        steps: [massageStep("2026-11-22T08:00:00Z", 300, "upper-back")],
      }),
    ];
    const stopped = run(massage, today);
    await expect(stopped.result).rejects.toMatchObject({ exitCode: 3 });
    expect(stopped.said.join("\n")).toMatch(
      /daily self-massage limit of 6m per area:\n {2}upper-back: 5m done today \+ 3m planned = 8m/,
    );
    const going = run(massage, today, { yes: true });
    await expect(going.result).resolves.toEqual(massage);
  });

  it("counts only today: yesterday's massage does not count", async () => {
    const yesterday = [
      rec({
        start: "2026-11-21T08:00:00Z",
        steps: [massageStep("2026-11-21T08:00:00Z", 300, "upper-back")],
      }),
    ];
    await expect(run(massage, yesterday).result).resolves.toEqual(massage);
  });
});

describe("cold and heat too soon", () => {
  const cold: TimelineEntry[] = [{ name: "Cold pack on", kind: "cold", seconds: 600 }];
  const coldAt = (iso: string) => rec({ start: iso, steps: [thermalStep("cold", iso, 600)] });

  it("warns within 2 hours of the last application, and goes ahead only with --yes", async () => {
    const stopped = run(cold, [coldAt("2026-11-22T11:00:00Z")]);
    await expect(stopped.result).rejects.toMatchObject({ exitCode: 3 });
    expect(stopped.said[0]).toMatch(/last cold ended 50m ago/);
    await expect(
      run(cold, [coldAt("2026-11-22T11:00:00Z")], { yes: true }).result,
    ).resolves.toEqual(cold);
  });

  it("says nothing after 2 hours", async () => {
    const ok = run(cold, [coldAt("2026-11-22T09:00:00Z")]);
    await expect(ok.result).resolves.toEqual(cold);
    expect(ok.said).toEqual([]);
  });
});

describe("screening", () => {
  it("finds the therapies in a timeline", () => {
    expect(therapiesIn([...massage, { name: "c", kind: "cold", seconds: 1 }])).toEqual([
      "cold",
      "massage",
    ]);
  });

  it("is remembered for 180 days", () => {
    const s = settings(
      {},
      { screening: { cold: "2026-06-01T00:00:00Z", heat: "2026-01-01T00:00:00Z" } },
    );
    expect(screenedRecently(s, "cold", NOW)).toBe(true);
    expect(screenedRecently(s, "heat", NOW)).toBe(false);
    expect(screenedRecently(s, "massage", NOW)).toBe(false);
  });

  it("without a terminal, lists who should ask first, and needs --yes", async () => {
    const first = run(massage, [], { internal: {} });
    await expect(first.result).rejects.toThrow(/no terminal to ask in/);
    expect(first.said.join("\n")).toMatch(
      /ask a clinician first[\s\S]*pregnancy[\s\S]*blood thinners/,
    );
    await expect(run(massage, [], { internal: {}, yes: true }).result).resolves.toEqual(massage);
  });
});

describe("getting worse", () => {
  it("shows the red flags before the session", async () => {
    const stops = [
      rec({ start: "2026-11-20T09:00:00Z", ended: "pain" }),
      rec({ start: "2026-11-21T09:00:00Z", ended: "pain" }),
    ];
    const { result, said } = run([{ name: "Hold", kind: "hold", seconds: 10 }], stops);
    await result;
    expect(said.join("\n")).toMatch(
      /getting worse[\s\S]*stopped 2 sessions[\s\S]*see a doctor[\s\S]*both legs/,
    );
  });
});
