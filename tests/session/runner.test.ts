import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import type { Display } from "../../src/session/displays.js";
import type { SessionEvent } from "../../src/session/engine.js";
import type { KeyAction } from "../../src/session/keys.js";
import { type EndSignal, runCoach } from "../../src/session/runner.js";
import { withSkinQuestions } from "../../src/session/timeline-to-run.js";
import type { SessionView } from "../../src/session/view.js";
import { FakeClock } from "./fake-clock.js";

const steps: TimelineEntry[] = [
  { name: "A", kind: "hold", seconds: 3 },
  { name: "B", kind: "rest", seconds: 2 },
];

/** A display that remembers what it was shown, moment by moment. */
function recorder() {
  const views: {
    at: number;
    left: number | null;
    index: number;
    paused: boolean;
    notice?: string;
    question?: string;
  }[] = [];
  const events: SessionEvent[] = [];
  let clock: FakeClock;
  const display: Display & { bind(c: FakeClock): void } = {
    bind: (c) => {
      clock = c;
    },
    update(view: SessionView, evs: SessionEvent[]) {
      views.push({
        at: clock.now(),
        left: view.left,
        index: view.index,
        paused: view.paused,
        notice: view.notice,
        ...(view.question ? { question: view.question.text } : {}),
      });
      events.push(...evs);
    },
    refresh() {},
  };
  return { display, views, events };
}

function setup(timeline = steps, leadIn = 0) {
  const clock = new FakeClock();
  const t0 = clock.now();
  const rec = recorder();
  rec.display.bind(clock);
  let press: (k: KeyAction) => void = () => {};
  let raise: (s: EndSignal) => void = () => {};
  const shownLeadIn: number[] = [];
  const done = runCoach({
    routineName: "Test",
    timeline,
    display: rec.display,
    clock,
    keys: (listener) => {
      press = listener;
      return () => {
        press = () => {};
      };
    },
    signals: (listener) => {
      raise = listener;
      return () => {};
    },
    leadIn: { seconds: leadIn, show: (n) => shownLeadIn.push(n) },
  });
  return {
    clock,
    t0,
    rec,
    done,
    press: (k: KeyAction) => press(k),
    raise: (s: EndSignal) => raise(s),
    shownLeadIn,
  };
}

describe("runCoach", () => {
  it("shows every whole second exactly once, on the second, and finishes", async () => {
    const { clock, t0, rec, done } = setup();
    clock.advance(10_000);
    const result = await done;
    expect(result.summary?.reason).toBe("completed");
    const lefts = rec.views.map((v) => `${v.index}:${v.left}`);
    expect(lefts).toEqual(["0:3", "0:2", "0:1", "1:2", "1:1"]);
    // each redraw happens 1 ms after a whole second of the time left
    expect(rec.views.map((v) => v.at - t0)).toEqual([0, 1001, 2001, 3001, 4001]);
    expect(clock.pending).toBe(0);
  });

  it("counts in the lead-in, then starts; Enter cuts it short", async () => {
    const { clock, shownLeadIn, rec, press, done } = setup(steps, 3);
    clock.advance(1500);
    expect(shownLeadIn).toEqual([3, 2]);
    expect(rec.views).toHaveLength(0);
    press("enter");
    expect(shownLeadIn.at(-1)).toBe(0);
    expect(rec.views[0]?.left).toBe(3);
    press("quit");
    expect((await done).summary?.reason).toBe("quit");
  });

  it("q during the lead-in leaves before anything started", async () => {
    const { press, done } = setup(steps, 5);
    press("quit");
    const result = await done;
    expect(result.state).toBeUndefined();
    expect(result.ctrlC).toBe(false);
  });

  it("pause holds the time however long it lasts", async () => {
    const { clock, rec, press, done } = setup();
    clock.advance(1001);
    press("pause");
    clock.advance(30_000);
    expect(rec.views.at(-1)).toMatchObject({ left: 2, paused: true });
    press("pause");
    clock.advance(10_000);
    const result = await done;
    expect(result.summary?.doneSeconds).toBe(5);
  });

  it("Ctrl-C quits and says so; a signal interrupts", async () => {
    const a = setup();
    a.press("ctrl-c");
    expect(await a.done).toMatchObject({ ctrlC: true, summary: { reason: "quit" } });
    const b = setup();
    b.clock.advance(1500);
    b.raise("SIGTERM");
    expect(await b.done).toMatchObject({ signal: "SIGTERM", summary: { reason: "interrupted" } });
  });

  it("help toggles without touching the session", async () => {
    const { press, rec, done } = setup();
    press("help");
    press("help");
    expect(rec.views.every((v) => v.index === 0 && v.left === 3)).toBe(true);
    press("quit");
    await done;
  });

  it("notices a jump in the clock and says so on screen", async () => {
    const { clock, rec, done } = setup([
      { name: "A", kind: "hold", seconds: 3 },
      { name: "B", kind: "rest", seconds: 60 },
    ]);
    clock.jump(20_000);
    clock.advance(1);
    expect(rec.events.map((e) => e.type)).toContain("clock-jump");
    expect(rec.views.at(-1)?.notice).toMatch(/away for 20s/);
    expect(rec.views.at(-1)?.index).toBe(1);
    clock.advance(60_000);
    await done;
  });
});

describe("questions before a cold or heat application", () => {
  const cycle: TimelineEntry[] = withSkinQuestions(
    [
      { name: "Wrap", kind: "prepare", seconds: null },
      { name: "Cold on", kind: "cold", seconds: 2 },
      { name: "Off", kind: "rest", seconds: 2 },
      { name: "Check your skin", kind: "prepare", seconds: null },
      { name: "Cold on", kind: "cold", seconds: 2 },
    ],
    { cold: ["Broken or numb?", "Very red?"], heat: [] },
  );

  it("are put on the check before every application after the first", () => {
    expect(cycle.map((s) => s.questions ?? null)).toEqual([
      null,
      null,
      null,
      ["Broken or numb?", "Very red?"],
      null,
    ]);
  });

  it("are asked one keypress each; n or Enter goes on, and after the last the cold starts", async () => {
    const { clock, rec, press, done } = setup(cycle);
    press("enter"); // wrap
    clock.advance(4_500); // cold, then off, up to the check
    expect(rec.views.at(-1)?.question).toBe("Broken or numb?");
    press("next");
    expect(rec.views.at(-1)?.question).toBe("Very red?");
    press("enter");
    expect(rec.views.at(-1)).toMatchObject({ index: 4 });
    expect(rec.views.at(-1)?.question).toBeUndefined();
    clock.advance(3_000);
    expect((await done).summary?.reason).toBe("completed");
  });

  it("a yes stops before the application, naming the question", async () => {
    const { clock, press, done } = setup(cycle);
    press("enter");
    clock.advance(4_500);
    press("next");
    press("yes");
    const result = await done;
    expect(result.declined).toBe("Very red?");
    expect(result.summary?.reason).toBe("quit");
    expect(result.state?.outcomes[4]).toBe("pending"); // the second cold never started
  });

  it("y means nothing at a step without questions", async () => {
    const { clock, press, done } = setup();
    press("yes");
    clock.advance(10_000);
    expect((await done).summary?.reason).toBe("completed");
  });
});
