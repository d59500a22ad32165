import { describe, expect, it } from "vitest";
import { readRoutineFile, validateRoutine } from "../../src/routine/parse.js";
import { expandTimeline, type TimelineEntry } from "../../src/routine/timeline.js";
import { CueDirector } from "../../src/session/cue-director.js";
import type { Cues } from "../../src/session/cues.js";
import type { Display } from "../../src/session/displays.js";
import type { KeyAction } from "../../src/session/keys.js";
import { renderScreen } from "../../src/session/render.js";
import { runCoach } from "../../src/session/runner.js";
import type { SessionView } from "../../src/session/view.js";
import { spokenText } from "../../src/text/spoken.js";
import { createStyle } from "../../src/ui/style.js";
import { stated } from "../guidance.js";
import { FakeClock } from "./fake-clock.js";

const [TILT_HOLD, TILT_REPS] = stated(/\| pelvic tilt \|[^|]+\| (\d+) s, (\d+) reps \|/);
const routine = (step: Record<string, unknown>) => ({
  id: "paced",
  name: "Paced",
  category: "stretch",
  steps: [{ name: "Pelvic tilts", kind: "move", pose: "pelvic-tilt", ...step }],
});
const problems = (step: Record<string, unknown>) =>
  validateRoutine(routine(step)).issues.map((i) => `${i.path}: ${i.message}`);

describe("reps and a tempo in the routine format", () => {
  it("a step of reps lasts reps × the tempo, with or without a duration written", () => {
    const tempo = { hold: `${TILT_HOLD}s`, rest: `${TILT_HOLD}s` };
    const total = TILT_REPS! * 2 * TILT_HOLD!;
    for (const extra of [{}, { duration: `${total}s` }]) {
      const { routine: r, issues } = validateRoutine(routine({ reps: TILT_REPS, tempo, ...extra }));
      expect(issues).toEqual([]);
      expect(r?.steps[0]).toMatchObject({
        seconds: total,
        reps: TILT_REPS,
        tempo: { hold: TILT_HOLD, rest: TILT_HOLD },
      });
    }
  });

  it.each([
    [
      { reps: 5 },
      'steps[0].reps: needs a tempo: {"hold": "5s", "rest": "5s"} or a breath {"in": "4s", "out": "4s"}',
    ],
    [
      { tempo: { hold: "5s" } },
      'steps[0].tempo: a tempo goes with reps: say how many, like "reps": 5',
    ],
    [
      { reps: 5, tempo: { hold: "5s", in: "3s" } },
      "steps[0].tempo: a tempo is a hold and a rest, or a breath in and out, not both",
    ],
    [{ reps: 5, tempo: { rest: "5s" } }, 'steps[0].tempo: a tempo with a rest needs a "hold"'],
    [
      { reps: 5, tempo: { in: "3s" } },
      'steps[0].tempo: a breath in a tempo needs both "in" and "out"',
    ],
    [
      { reps: 5, tempo: {} },
      'steps[0].tempo: is an empty tempo; write {"hold": "5s", "rest": "5s"} or a breath {"in": "4s", "out": "4s"}',
    ],
    [
      { reps: 5, tempo: { hold: "5s", rest: "5s" }, duration: "40s" },
      'steps[0].duration: is 40s, but 5 repetitions of 10s last 50s; write "50s" or leave the duration out',
    ],
    [{ reps: 1, tempo: { hold: "5s" } }, "steps[0].reps: 1 is less than 2"],
    [{ reps: 5, tempo: { hold: "5s", hold2: "1s" } }, "steps[0].tempo.hold2: unknown key"],
  ])("%j is refused, saying why", (step, message) => {
    expect(problems(step).join("\n")).toContain(message);
  });

  it("the built-in pelvic tilts are paced as the guidance says", () => {
    const read = readRoutineFile("routines/stretch.json");
    if (!read.ok) throw new Error("stretch.json does not load");
    const { timeline } = expandTimeline(read.routine, () => undefined);
    const tilts = timeline.find((e) => e.name === "Pelvic tilts");
    expect(tilts).toMatchObject({ reps: TILT_REPS, tempo: { hold: TILT_HOLD } });
  });
});

describe("paced repetitions in a session, with a fake clock", () => {
  const paced: TimelineEntry[] = [
    {
      name: "Pelvic tilts",
      kind: "move",
      seconds: 50,
      pose: "pelvic-tilt",
      reps: 5,
      tempo: { hold: 5, rest: 5 },
    },
  ];

  function run() {
    const clock = new FakeClock();
    let voiceOn = true;
    const views: SessionView[] = [];
    const said: { at: number; text: string }[] = [];
    const display: Display = { update: (v) => views.push(v), refresh() {} };
    const cues = {
      say: (text: string) => said.push({ at: clock.now() - t0, text }),
      bell() {},
      safetyBell() {},
      notify() {},
      toggleVoice: () => (voiceOn = !voiceOn),
      speaksInstructions: false,
    } as unknown as Cues;
    const t0 = clock.now();
    let press: (k: KeyAction) => void = () => {};
    const done = runCoach({
      routineName: "Paced",
      timeline: paced,
      display,
      clock,
      cues: new CueDirector(cues),
      keys: (listener) => {
        press = listener;
        return () => {};
      },
      signals: () => () => {},
      leadIn: { seconds: 0, show: () => {} },
    });
    const at = (s: number) => views.filter((v) => v.left === 50 - s).at(-1);
    return { clock, views, said, done, at, press: (k: KeyAction) => press(k) };
  }

  it("counts each repetition, hold then rest, and switches the figure's frame with it", async () => {
    const r = run();
    r.clock.advance(52_000);
    await r.done;
    expect(r.at(0)?.rep).toMatchObject({ index: 1, of: 5, phase: "hold", frame: 1 });
    expect(r.at(4)?.rep).toMatchObject({ index: 1, phase: "hold" });
    expect(r.at(5)?.rep).toMatchObject({ index: 1, phase: "rest", frame: 0 });
    expect(r.at(10)?.rep).toMatchObject({ index: 2, phase: "hold", frame: 1 });
    expect(r.at(49)?.rep).toMatchObject({ index: 5, phase: "rest" });
  });

  it("says each repetition as it begins ('two of five'), on its second", async () => {
    const r = run();
    r.clock.advance(52_000);
    await r.done;
    const counts = r.said.filter((s) => / of five\.$|^Rest\.$/.test(s.text));
    // On its second: the runner wakes just after each whole second.
    for (const c of counts) expect(c.at % 1000).toBeLessThan(50);
    expect(counts.slice(0, 3).map((c) => [Math.floor(c.at / 1000), c.text])).toEqual([
      [5, "Rest."],
      [10, "Two of five."],
      [15, "Rest."],
    ]);
    expect(counts.filter((s) => s.text.endsWith("of five."))).toHaveLength(4);
  });

  it("v turns the voice off and on again, and says so on screen", async () => {
    const r = run();
    r.clock.advance(2000);
    r.press("voice");
    expect(r.views.at(-1)?.notice).toBe("Voice off: v turns it on.");
    r.press("voice");
    expect(r.views.at(-1)?.notice).toBe("Voice on: v turns it off.");
    r.press("quit");
    await r.done;
  });

  it("stands still while paused", async () => {
    const r = run();
    r.clock.advance(12_000);
    r.press("pause");
    r.clock.advance(30_000);
    expect(r.views.at(-1)?.rep).toMatchObject({ index: 2, phase: "hold" });
    r.press("quit");
    await r.done;
  });

  it("shows the count in large letters and the figure's other frame on the mat", () => {
    const r = run();
    const screen = () =>
      renderScreen(r.views.at(-1)!, 159, 45, createStyle()).map((l) =>
        l.map((x) => x.text).join(""),
      );
    r.clock.advance(11_000);
    const hold = screen();
    r.clock.advance(5000);
    const rest = screen();
    expect(hold.join("\n")).toContain("PELVIC TILTS  ·  2 of 5 · move");
    expect(rest.join("\n")).toContain("PELVIC TILTS  ·  2 of 5 · move");
    const figure = (lines: string[]) =>
      lines.filter((l) => /[\u2801-\u28ff]/.test(l)).map((l) => l.slice(0, 80));
    expect(figure(hold)).not.toEqual(figure(rest));
    r.press("quit");
  });

  it.each([
    [3, "three"],
    [15, "fifteen"],
    [21, "twenty-one"],
    [30, "thirty"],
  ])("says %i as %j", (n, word) => {
    expect(spokenText.number(n)).toBe(word);
  });
});
