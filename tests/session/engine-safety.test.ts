import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { FLOORS } from "../../src/safety/allowance.js";
import {
  type Command,
  command,
  type SessionEvent,
  type SessionState,
  startSession,
  tick,
} from "../../src/session/engine.js";
import { withPackOff } from "../../src/session/timeline-to-run.js";
import { stated } from "../guidance.js";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const MIN = 60_000;

/** The floors as the guidance document states them. */
const [APPLICATION_MIN = Number.NaN] = stated(/\*\*(\d+) min per application:\*\*/);
const [OFF_MIN = Number.NaN] = stated(
  /at least (\d+) minutes off between any two applications of cold or heat/,
);

const prepare = (name: string): TimelineEntry => ({ name, kind: "prepare", seconds: null });
const cold = (minutes: number): TimelineEntry => ({
  name: "Cold pack on",
  kind: "cold",
  seconds: minutes * 60,
});
const rest = (minutes: number): TimelineEntry => ({
  name: "Pack off",
  kind: "rest",
  seconds: minutes * 60,
});

/** A session driven by hand: keys at times, the clock read as the runner reads it. */
function session(timeline: TimelineEntry[], lastThermalEnd: number | null = null) {
  let { state, events } = startSession(timeline, T0, 0, lastThermalEnd);
  const all: SessionEvent[] = [...events];
  return {
    get state(): SessionState {
      return state;
    },
    events: all,
    at(ms: number) {
      ({ state, events } = tick(state, T0 + ms));
      all.push(...events);
      return this;
    },
    key(cmd: Command, ms: number) {
      ({ state, events } = command(state, cmd, T0 + ms));
      all.push(...events);
      return events;
    },
    step: () => state.timeline[state.index]!,
  };
}

const refused = (events: SessionEvent[]) =>
  events.flatMap((e) => (e.type === "refused" ? [e.rule] : []));

describe("the floors hold under the session's keys", () => {
  it("uses the guidance document's floors", () => {
    expect(FLOORS.applicationSeconds).toBe(APPLICATION_MIN * 60);
    expect(FLOORS.offSeconds).toBe(OFF_MIN * 60);
  });

  it("b at 'take the pack off' does not put the pack back on", () => {
    const s = session(withPackOff([prepare("Wrap the pack"), cold(10)]));
    s.key("enter", 0);
    s.at(10 * MIN);
    expect(s.step().packOff).toBe("cold");
    expect(refused(s.key("back", 10 * MIN + 1000))).toEqual(["pack-off"]);
    expect(s.step().packOff).toBe("cold");
  });

  it("b during the application does nothing: the pack is on", () => {
    const s = session(withPackOff([prepare("Wrap the pack"), cold(10)]));
    s.key("enter", 0);
    expect(refused(s.key("back", 5 * MIN))).toEqual(["pack-on"]);
    expect(s.step().kind).toBe("cold");
  });

  it("n at 'take the pack off' is not taken as the pack being off", () => {
    const s = session(withPackOff([prepare("Wrap the pack"), cold(10)]));
    s.key("enter", 0);
    s.at(10 * MIN);
    expect(refused(s.key("next", 10 * MIN + 500))).toEqual(["pack-off"]);
    expect(s.state.status).toBe("waiting");
  });

  it("+ counts the whole application: 10 + 10 minutes of cold never pass 20", () => {
    const s = session(withPackOff([prepare("Wrap"), cold(10), cold(10)]));
    s.key("enter", 0);
    for (let i = 0; i < 40; i++) s.key("extend", 1000 + i);
    expect(s.state.stepSeconds).toBe(600);
    s.at(10 * MIN + 100);
    for (let i = 0; i < 40; i++) s.key("extend", 10 * MIN + 200 + i);
    expect(s.state.stepSeconds).toBe(600);
    const total = s.state.elapsedMs[1]! / 1000 + s.state.stepSeconds!;
    expect(total).toBeLessThanOrEqual(APPLICATION_MIN * 60);
  });

  it("+ lengthens an application only up to 20 minutes in all: 10 + 5 may grow by 5", () => {
    const s = session(withPackOff([prepare("Wrap"), cold(10), cold(5)]));
    s.key("enter", 0);
    for (let i = 0; i < 40; i++) s.key("extend", 1000 + i);
    expect(s.state.stepSeconds).toBe(15 * 60);
    s.at(15 * MIN + 100);
    for (let i = 0; i < 40; i++) s.key("extend", 15 * MIN + 200 + i);
    expect(s.state.stepSeconds).toBe(5 * 60);
  });

  it("b never goes before where a resumed session began", () => {
    const massage: TimelineEntry = { name: "Roll", kind: "massage", seconds: 60 };
    const timeline = [massage, { ...massage, name: "Roll again" }, rest(1)];
    let { state } = startSession(timeline, T0, 1);
    ({ state } = command(state, "back", T0 + 5000));
    expect(state.index).toBe(1);
    ({ state } = tick(state, T0 + 66_000));
    ({ state } = command(state, "back", T0 + 67_000));
    expect(state.index).toBe(1);
  });

  it("n or - on the time off never brings the next cold before 10 minutes off", () => {
    const s = session(
      withPackOff([prepare("Wrap"), cold(10), rest(15), { ...cold(10), name: "Cold again" }]),
    );
    s.key("enter", 0);
    s.at(10 * MIN);
    s.key("enter", 11 * MIN); // the pack is off at 11:00
    expect(s.step().kind).toBe("rest");
    expect(refused(s.key("next", 12 * MIN))).toEqual(["time-off"]);
    for (let i = 0; i < 200; i++) s.key("shorten", 12 * MIN + i);
    // the rest now ends no earlier than 10 minutes after the pack came off
    expect(s.state.deadline).toBeGreaterThanOrEqual(T0 + 21 * MIN);
    s.at(21 * MIN);
    expect(s.step().kind).toBe("cold");
  });

  it("Enter before the next application waits for the 10 minutes off", () => {
    const s = session(
      withPackOff([prepare("Wrap"), cold(10), rest(1), prepare("Wrap again"), cold(5)]),
    );
    s.key("enter", 0);
    s.at(10 * MIN);
    s.key("enter", 10 * MIN);
    s.at(11 * MIN);
    expect(s.step().name).toBe("Wrap again");
    const early = s.key("enter", 12 * MIN);
    expect(refused(early)).toEqual(["time-off"]);
    expect(early.find((e) => e.type === "refused")).toMatchObject({ until: T0 + 20 * MIN });
    s.key("enter", 20 * MIN);
    expect(s.step().kind).toBe("cold");
  });

  it("a pack that came off in an earlier session counts too", () => {
    const s = session(withPackOff([rest(1), prepare("Wrap"), cold(5)]), T0 - 2 * MIN);
    s.at(1 * MIN);
    expect(refused(s.key("enter", 1 * MIN + 1))).toEqual(["time-off"]);
    s.key("enter", 8 * MIN);
    expect(s.step().kind).toBe("cold");
  });

  it("a pause does not stop the pack's clock: at 20 minutes the call to take it off begins", () => {
    const s = session(withPackOff([prepare("Wrap"), cold(15)]));
    s.key("enter", 0);
    s.key("pause", 5 * MIN);
    for (let m = 6; m <= 19; m++) s.at(m * MIN);
    expect(s.step().kind).toBe("cold");
    s.at(20 * MIN);
    expect(s.step().packOff).toBe("cold");
  });

  it("b replays massage only within what is left of its allowance", () => {
    const massage: TimelineEntry = { name: "Roll", kind: "massage", seconds: 60, maxSeconds: 90 };
    const s = session([massage, { name: "Rest", kind: "rest", seconds: 30 }]);
    s.at(60_000);
    expect(s.step().name).toBe("Rest");
    s.key("back", 61_000);
    expect(s.step().name).toBe("Roll");
    expect(s.state.stepSeconds).toBe(30);
    s.at(91_000 + 1000);
    expect(refused(s.key("back", 92_500))).toEqual(["massage-limit"]);
    expect(s.state.elapsedMs[0]! / 1000).toBeLessThanOrEqual(90);
  });
});
