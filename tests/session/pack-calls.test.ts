import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { CueDirector } from "../../src/session/cue-director.js";
import { BELLS, Cues } from "../../src/session/cues.js";
import type { KeyAction } from "../../src/session/keys.js";
import { runCoach } from "../../src/session/runner.js";
import { withPackOff } from "../../src/session/timeline-to-run.js";
import { stated } from "../guidance.js";
import { FakeClock } from "./fake-clock.js";

const MIN = 60_000;
const SAFETY = "\u0007".repeat(BELLS.safety);
const [LIMIT_MIN = Number.NaN] = stated(/\*\*(\d+) min per application:\*\*/);

/**
 * A cold application run by the real runner and cue director over a fake clock, with sound,
 * voice and notifications all off: what the person would hear is the bell alone.
 */
function coldSession(minutesOn: number) {
  const clock = new FakeClock();
  const bells: { at: number; text: string }[] = [];
  const cues = new Cues(
    { sound: false, voice: false, notify: false },
    {
      bell: (text) => bells.push({ at: clock.now() - t0, text }),
      problem: () => {},
      setTimeout: clock.setTimeout,
      clearTimeout: clock.clearTimeout,
    },
  );
  const t0 = clock.now();
  const timeline: TimelineEntry[] = withPackOff([
    { name: "Cold pack on", kind: "cold", seconds: minutesOn * 60 },
  ]);
  let press: (k: KeyAction) => void = () => {};
  const done = runCoach({
    routineName: "Cold",
    timeline,
    display: { update() {}, refresh() {} },
    clock,
    cues: new CueDirector(cues),
    keys: (listener) => {
      press = listener;
      return () => {};
    },
  });
  return { clock, bells, done, press: (k: KeyAction) => press(k) };
}

describe("the call to take the pack off", () => {
  it("repeats every minute until confirmed, and turns urgent at 20 minutes on, with sound off", async () => {
    const { clock, bells, done, press } = coldSession(10);
    clock.advance(10 * MIN + 500); // the application ends: the first call
    const safety = () => bells.filter((b) => b.text === SAFETY).map((b) => Math.round(b.at / 1000));
    expect(safety()).toEqual([600]);
    clock.advance(15 * MIN);
    // once a minute while the pack stays on, and the 20-minute call (the minute it is due)
    const calls = safety();
    expect(calls[0]).toBe(600);
    // one call in each minute the pack stays on (within a second of the minute), from 11 to 24
    expect(calls.slice(1).map((t) => Math.floor(t / 60))).toEqual(
      Array.from({ length: 14 }, (_, i) => 11 + i),
    );
    expect(calls.slice(1).every((t) => t % 60 <= 2)).toBe(true);
    // the one in the 20th minute is the urgent "has been on 20 minutes" call
    expect(calls.some((t) => Math.floor(t / 60) === LIMIT_MIN)).toBe(true);
    press("enter");
    clock.advance(5 * MIN);
    expect(safety()).toHaveLength(calls.length);
    expect((await done).summary?.reason).toBe("completed");
  });

  it("quitting while the pack is on makes the call once more", async () => {
    const { clock, bells, done, press } = coldSession(10);
    clock.advance(3 * MIN);
    expect(bells.filter((b) => b.text === SAFETY)).toHaveLength(0);
    press("quit");
    await done;
    expect(bells.filter((b) => b.text === SAFETY)).toHaveLength(1);
  });
});

describe("when nobody can press Enter (input ran out)", () => {
  it("a pack is not taken as confirmed off, and the next waits its 10 minutes without a loop", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const timeline: TimelineEntry[] = withPackOff([
      { name: "Wrap", kind: "prepare", seconds: null },
      { name: "Cold pack on", kind: "cold", seconds: 60 },
      { name: "Off", kind: "rest", seconds: 60 },
      { name: "Check your skin", kind: "prepare", seconds: null },
      { name: "Cold again", kind: "cold", seconds: 60 },
    ]);
    const refused: number[] = [];
    let starts: { name: string; at: number }[] = [];
    const done = runCoach({
      routineName: "Cold",
      timeline,
      display: { update() {}, refresh() {} },
      clock,
      autoContinue: () => true,
      onEvent: (e, state) => {
        if (e.type === "refused") refused.push(e.at - t0);
        if (e.type === "step-start")
          starts = [...starts, { name: state.timeline[e.index]!.name, at: e.at - t0 }];
      },
    });
    clock.advance(20 * MIN);
    const result = await done;
    expect(result.summary?.reason).toBe("completed");
    // the call to take the pack off ended by itself: not a confirmation
    expect(result.state?.outcomes[2]).toBe("late");
    // the second application started 10 minutes after the first came off, not 1 minute
    const first = starts.find((s) => s.name === "Take the cold pack off")!.at;
    const again = starts.find((s) => s.name === "Cold again")!.at;
    expect(again - first).toBeGreaterThanOrEqual(10 * MIN);
    expect(refused.length).toBeLessThanOrEqual(2);
  });
});
