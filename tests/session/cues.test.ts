import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { CueDirector, Cues } from "../../src/session/cues.js";
import { startSession, tick } from "../../src/session/engine.js";

function harness(
  settings = { sound: true, voice: true, notify: true },
  programs = ["espeak-ng", "notify-send"],
) {
  const bells: string[] = [];
  const runs: string[][] = [];
  const hints: string[] = [];
  const cues = new Cues(settings, {
    bell: (t) => bells.push(t),
    run: (command, args) => {
      runs.push([command, ...args]);
      return Object.assign(new EventEmitter(), {
        kill: () => true,
        unref: () => {},
      }) as unknown as ChildProcess;
    },
    findProgram: (name) => programs.includes(name),
    platform: "linux",
    hint: (t) => hints.push(t),
  });
  return {
    cues,
    director: new CueDirector(cues),
    bells,
    runs,
    hints,
    said: () => runs.filter((r) => r[0] === "espeak-ng").map((r) => r[1]),
  };
}

const timeline: TimelineEntry[] = [
  { name: "Neck tilt", kind: "hold", seconds: 15, side: "left" },
  { name: "Neck tilt", kind: "hold", seconds: 15, side: "right" },
  { name: "Cold pack on", kind: "cold", seconds: 600 },
  { name: "Pack off", kind: "rest", seconds: 60 },
];

describe("cues", () => {
  it("rings and names each step, saying 'switch sides' between sides", () => {
    const h = harness();
    const start = startSession(timeline, 0);
    h.director.onEvents(start.events, timeline);
    const next = tick(start.state, 15_000);
    h.director.onEvents(next.events, timeline);
    expect(h.said()).toEqual(["Neck tilt, left side", "switch sides"]);
    expect(h.bells).toEqual(["\u0007", "\u0007"]);
  });

  it("counts in the last three seconds and says ten seconds on longer steps", () => {
    const h = harness();
    for (const left of [30, 11, 10, 9, 4, 3, 2, 1]) h.director.onSecond(left, 30);
    expect(h.said()).toEqual(["ten seconds", "3", "2", "1"]);
    expect(h.bells).toHaveLength(3);
    const short = harness();
    for (const left of [15, 10, 9]) short.director.onSecond(left, 15);
    expect(short.said()).toEqual([]);
  });

  it("notifies when a step of a minute or more ends, naming what comes next", () => {
    const h = harness();
    const s = startSession(timeline, 0);
    const t = tick(tick(s.state, 30_000).state, 630_000);
    h.director.onEvents(t.events, timeline);
    expect(h.runs).toContainEqual(["notify-send", "knot", "Cold pack on is done. Next: Pack off"]);
  });

  it("calls the user back when a pack was left on through a clock jump", () => {
    const h = harness();
    h.director.onEvents(
      [
        {
          type: "clock-jump",
          at: 0,
          index: 3,
          count: 4,
          awaySeconds: 800,
          pack: { kind: "cold", onSeconds: 840 },
        },
      ],
      timeline,
    );
    expect(h.said()).toEqual(["Cold pack has been on 14m: take it off now"]);
    expect(h.runs.some((r) => r[0] === "notify-send")).toBe(true);
    expect(h.bells).toEqual(["\u0007\u0007"]);
  });

  it("falls back to the bell, with one hint, when voice or notification programs are missing", () => {
    const h = harness({ sound: true, voice: true, notify: true }, []);
    expect(h.hints).toHaveLength(2);
    expect(h.hints[0]).toMatch(/espeak-ng or espeak was not found: using the bell/);
    h.cues.say("hello");
    h.cues.notify("knot", "done");
    expect(h.runs).toEqual([]);
    expect(h.bells).toEqual(["\u0007"]);
  });

  it("stays silent when sound, voice and notifications are off", () => {
    const h = harness({ sound: false, voice: false, notify: false });
    h.director.onEvents(startSession(timeline, 0).events, timeline);
    for (const left of [3, 2, 1]) h.director.onSecond(left, 15);
    expect([...h.bells, ...h.runs.flat(), ...h.hints]).toEqual([]);
  });
});
