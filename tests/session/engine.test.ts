import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import {
  type Command,
  command,
  msUntilNextSecond,
  routineSecondsLeft,
  type SessionEvent,
  type SessionState,
  secondsLeft,
  startSession,
  summarize,
  tick,
} from "../../src/session/engine.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const step = (
  name: string,
  seconds: number | null,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry => ({
  name,
  kind: "hold",
  seconds,
  ...extra,
});

/** Drives a session with a fake clock, keeping every event. */
function drive(timeline: TimelineEntry[]) {
  let now = T0;
  const log: SessionEvent[] = [];
  let { state, events } = startSession(timeline, now);
  log.push(...events);
  const api = {
    get state(): SessionState {
      return state;
    },
    get now() {
      return now;
    },
    log,
    /** Moves the clock on, ticking at most once a second like the real runner. */
    advance(ms: number, stepMs = 1000) {
      const end = now + ms;
      while (now < end) {
        now = Math.min(end, now + stepMs);
        ({ state, events } = tick(state, now));
        log.push(...events);
      }
      return api;
    },
    /** Sets the clock without the ticks in between (sleep, SIGSTOP, clock changes). */
    jump(ms: number) {
      now += ms;
      ({ state, events } = tick(state, now));
      log.push(...events);
      return api;
    },
    press(cmd: Command) {
      ({ state, events } = command(state, cmd, now));
      log.push(...events);
      return api;
    },
    left: () => secondsLeft(state, now),
    types: () => log.map((e) => e.type),
  };
  return api;
}

describe("session engine", () => {
  it("runs timed steps back to back and completes", () => {
    const s = drive([step("A", 3), step("B", 2)]);
    expect(s.left()).toBe(3);
    s.advance(2500);
    expect(s.state.index).toBe(0);
    expect(s.left()).toBe(1);
    s.advance(500);
    expect(s.state.index).toBe(1);
    expect(s.left()).toBe(2);
    s.advance(2000);
    expect(s.state.status).toBe("finished");
    expect(s.state.endReason).toBe("completed");
    expect(s.types()).toEqual([
      "session-start",
      "step-start",
      "step-end",
      "step-start",
      "step-end",
      "session-end",
    ]);
    expect(s.state.outcomes).toEqual(["done", "done"]);
  });

  it("starts each step at the previous deadline, so late ticks never add up", () => {
    const s = drive([step("A", 1), step("B", 1), step("C", 1)]);
    s.advance(1300, 1300); // a tick 300 ms late
    expect(s.state.stepStartedAt).toBe(T0 + 1000);
    expect(s.state.deadline).toBe(T0 + 2000);
    s.advance(700, 700);
    expect(s.state.stepStartedAt).toBe(T0 + 2000);
  });

  it("counts whole seconds up: 20.0 and 19.1 show 20, the last part of a second shows 1", () => {
    const s = drive([step("A", 20)]);
    expect(s.left()).toBe(20);
    s.advance(900, 900);
    expect(s.left()).toBe(20);
    s.advance(100, 100);
    expect(s.left()).toBe(19);
    expect(msUntilNextSecond(s.state, s.now)).toBe(1000);
    s.advance(18_950, 18_950);
    expect(s.left()).toBe(1);
    expect(msUntilNextSecond(s.state, s.now)).toBe(50);
  });

  it("pauses: time stands still however long the pause, then resumes where it was", () => {
    const s = drive([step("A", 10), step("B", 5)]);
    s.advance(4000).press("pause");
    expect(s.state.status).toBe("paused");
    s.advance(60_000);
    expect(s.left()).toBe(6);
    expect(s.state.index).toBe(0);
    s.press("pause");
    expect(s.state.status).toBe("running");
    expect(s.state.deadline).toBe(s.now + 6000);
    s.advance(6000);
    expect(s.state.index).toBe(1);
    const summary = summarize(s.state, s.now);
    expect(summary.doneSeconds).toBe(10);
    expect(s.types()).toContain("pause");
    expect(s.types()).toContain("resume");
  });

  it("a sleep while paused is not a clock jump", () => {
    const s = drive([step("A", 10)])
      .press("pause")
      .jump(3_600_000);
    expect(s.types()).not.toContain("clock-jump");
    expect(s.left()).toBe(10);
  });

  it("skips to the next step, and skipping the last ends the session", () => {
    const s = drive([step("A", 10), step("B", 10)]);
    s.advance(2000).press("next");
    expect(s.state.index).toBe(1);
    expect(s.left()).toBe(10);
    s.press("next");
    expect(s.state.status).toBe("finished");
    expect(s.state.endReason).toBe("completed");
    expect(s.state.outcomes).toEqual(["skipped", "skipped"]);
    const summary = summarize(s.state, s.now);
    expect([summary.completed, summary.skipped]).toEqual([0, 2]);
  });

  it("goes back to the start of the previous step, or restarts the first", () => {
    const s = drive([step("A", 10), step("B", 10)]);
    s.press("back");
    expect(s.state.index).toBe(0);
    expect(s.left()).toBe(10);
    s.advance(10_000);
    expect(s.state.index).toBe(1);
    s.advance(3000).press("back");
    expect(s.state.index).toBe(0);
    expect(s.left()).toBe(10);
    expect(s.state.outcomes).toEqual(["pending", "pending"]);
  });

  it("skips and goes back from a paused step, running again", () => {
    const s = drive([step("A", 10), step("B", 10)])
      .press("pause")
      .press("next");
    expect(s.state.status).toBe("running");
    expect(s.state.index).toBe(1);
  });

  it("adds or removes 10 s, or 30 s on steps over 5 minutes", () => {
    const s = drive([step("A", 20), step("Rest", 600, { kind: "rest" })]);
    s.press("extend");
    expect(s.left()).toBe(30);
    s.press("shorten").press("shorten");
    expect(s.left()).toBe(10);
    s.advance(10_000);
    expect(s.state.outcomes[0]).toBe("shortened");
    s.press("extend");
    expect(s.left()).toBe(630);
    const adjusts = s.log.filter((e) => e.type === "adjust");
    expect(adjusts.map((e) => (e.type === "adjust" ? e.deltaSeconds : 0))).toEqual([
      10, -10, -10, 30,
    ]);
  });

  it("never shortens below one second, and adjusts a paused step", () => {
    const s = drive([step("A", 15)]);
    s.advance(12_000).press("shorten");
    expect(s.left()).toBe(1);
    const p = drive([step("A", 20)])
      .press("pause")
      .press("extend");
    expect(p.left()).toBe(30);
    p.press("pause");
    expect(p.left()).toBe(30);
  });

  it("never extends cold or heat past 20 minutes", () => {
    const s = drive([step("Cold", 19 * 60 + 50, { kind: "cold" })]);
    s.press("extend");
    expect(s.state.stepSeconds).toBe(1200);
    s.press("extend");
    expect(s.state.stepSeconds).toBe(1200);
    expect(s.log.filter((e) => e.type === "adjust")).toHaveLength(1);
  });

  it("waits on manual steps until Enter, however long", () => {
    const s = drive([step("Wrap the pack", null, { kind: "prepare" }), step("A", 5)]);
    expect(s.state.status).toBe("waiting");
    expect(s.left()).toBeNull();
    s.advance(120_000).press("pause");
    expect(s.state.status).toBe("waiting");
    s.press("enter");
    expect(s.state.index).toBe(1);
    expect(s.left()).toBe(5);
    expect(s.state.outcomes[0]).toBe("done");
  });

  it("Enter does nothing on a timed step", () => {
    const s = drive([step("A", 5), step("B", 5)]).press("enter");
    expect(s.state.index).toBe(0);
  });

  it("runs sides as separate steps", () => {
    const s = drive([step("Tilt", 2, { side: "left" }), step("Tilt", 2, { side: "right" })]);
    s.advance(2000);
    expect(s.state.timeline[s.state.index]?.side).toBe("right");
  });

  it("quits and stops for pain at once, with the reason", () => {
    const q = drive([step("A", 10)])
      .advance(3000)
      .press("quit");
    expect(q.state.endReason).toBe("quit");
    expect(summarize(q.state, q.now)).toMatchObject({
      reason: "quit",
      doneSeconds: 3,
      completed: 0,
    });
    const p = drive([step("A", 10)]).press("pain");
    expect(p.state.endReason).toBe("pain");
    const i = drive([step("A", 10)]).press("interrupt");
    expect(i.state.endReason).toBe("interrupted");
    expect(i.press("next").state.index).toBe(0); // nothing moves after the end
  });

  it("catches up after the laptop sleeps: passed steps are done late", () => {
    const s = drive([step("A", 5), step("B", 5), step("C", 60)]);
    s.advance(2000).jump(20_000);
    expect(s.state.index).toBe(2);
    expect(s.state.outcomes).toEqual(["late", "late", "pending"]);
    expect(s.left()).toBe(48); // C started on schedule at T0+10s
    const jump = s.log.find((e) => e.type === "clock-jump");
    expect(jump).toMatchObject({ awaySeconds: 20 });
    expect(jump && "pack" in jump && jump.pack).toBeFalsy();
  });

  it("after sleeping through a cold step, says how long the pack has been on and starts the next step now", () => {
    const s = drive([
      step("Cold pack on", 600, { kind: "cold" }),
      step("Pack off", 900, { kind: "rest" }),
    ]);
    s.advance(60_000).jump(780_000); // away 13 minutes, 14 minutes after the pack went on
    const jump = s.log.find((e) => e.type === "clock-jump");
    expect(jump).toMatchObject({ awaySeconds: 780, pack: { kind: "cold", onSeconds: 840 } });
    expect(s.state.index).toBe(1);
    expect(s.left()).toBe(900);
  });

  it("stops catching up at a manual step", () => {
    const s = drive([step("A", 5), step("Check skin", null), step("B", 5)]);
    s.jump(60_000);
    expect(s.state.index).toBe(1);
    expect(s.state.status).toBe("waiting");
  });

  it("keeps the time left when the clock is set back", () => {
    const s = drive([step("A", 30)]);
    s.advance(10_000);
    expect(s.left()).toBe(20);
    s.jump(-3_600_000);
    expect(s.left()).toBe(20);
    expect(s.log.at(-1)).toMatchObject({ type: "clock-jump", awaySeconds: -3600 });
    s.advance(20_000);
    expect(s.state.status).toBe("finished");
  });

  it("reports the routine's time left across steps", () => {
    const s = drive([step("A", 10), step("Wait", null), step("B", 20)]);
    s.advance(4000);
    expect(routineSecondsLeft(s.state, s.now)).toBe(26);
  });

  it("stamps events with index, count and time", () => {
    const s = drive([step("A", 1), step("B", 1)]).advance(1000);
    const starts = s.log.filter((e) => e.type === "step-start");
    expect(starts.map((e) => [e.index, e.count, e.at - T0])).toEqual([
      [0, 2, 0],
      [1, 2, 1000],
    ]);
  });
});

describe("time spent per step", () => {
  it("counts each step's time without pauses, including a step cut short", () => {
    const s = drive([step("A", 10), step("B", 10), step("C", 10)]);
    s.advance(4000).press("pause").advance(5000).press("pause").advance(6000); // A: 10 s done
    s.advance(3000).press("next"); // B: 3 s, skipped
    s.advance(2000).press("quit"); // C: 2 s, cut off
    expect(s.state.elapsedMs).toEqual([10_000, 3000, 2000]);
    expect(s.state.startedAtByStep).toEqual([T0, T0 + 15_000, T0 + 18_000]);
  });

  it("keeps the time of a step left with back", () => {
    const s = drive([step("A", 10), step("B", 10)]);
    s.advance(10_000).advance(4000).press("back").advance(10_000);
    expect(s.state.elapsedMs).toEqual([20_000, 4000]);
  });

  it("starts at a later step when resuming", () => {
    const { state, events } = startSession([step("A", 5), step("B", 5), step("C", 5)], T0, 2);
    expect(state.index).toBe(2);
    expect(events.map((e) => `${e.type}:${e.index}`)).toEqual(["session-start:2", "step-start:2"]);
  });
});
