import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { CueDirector } from "../../src/session/cue-director.js";
import { BELLS, Cues } from "../../src/session/cues.js";
import { startSession, tick } from "../../src/session/engine.js";
import {
  type CueTrouble,
  Priority,
  SpeechQueue,
  type Utterance,
} from "../../src/session/speech.js";
import { withPackOff } from "../../src/session/timeline-to-run.js";
import { sessionText } from "../../src/text/session.js";
import { spokenText } from "../../src/text/spoken.js";

/** A spawned program the test ends by hand: exit code, what it wrote on stderr, or a hang. */
interface FakeProgram {
  command: string;
  args: string[];
  stdin: string;
  killed: boolean;
  exit(code: number, stderr?: string): void;
}

function harness(
  settings: Partial<{
    sound: boolean;
    voice: boolean;
    notify: boolean;
    voiceWords: "instructions" | "names";
  }> = {},
  programs = ["espeak-ng", "notify-send"],
) {
  const bells: string[] = [];
  const started: FakeProgram[] = [];
  const problems: string[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let now = 0;
  const cues = new Cues(
    { sound: true, voice: true, notify: true, ...settings },
    {
      bell: (t) => bells.push(t),
      run: (command, args) => {
        const child = new EventEmitter() as EventEmitter & Partial<ChildProcess>;
        const stdin = new PassThrough();
        const stderr = new PassThrough();
        const program: FakeProgram = {
          command,
          args,
          stdin: "",
          killed: false,
          exit: (code, text) => {
            if (text) stderr.write(text);
            setImmediate(() => child.emit("close", code));
          },
        };
        stdin.on("data", (d) => {
          program.stdin += d.toString();
        });
        Object.assign(child, {
          stdin,
          stderr,
          kill: () => {
            program.killed = true;
            setImmediate(() => child.emit("close", null));
            return true;
          },
          unref: () => {},
        });
        started.push(program);
        return child as ChildProcess;
      },
      findProgram: (name) => programs.includes(name),
      platform: "linux",
      setTimeout: (fn, ms) => {
        const t = { at: now + ms, fn };
        timers.push(t);
        return t;
      },
      clearTimeout: (t) => {
        const i = timers.indexOf(t as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
      problem: (t) => problems.push(t),
    },
  );
  const settle = () => new Promise((r) => setImmediate(() => setImmediate(r)));
  return {
    cues,
    director: new CueDirector(cues),
    bells,
    problems,
    started,
    settle,
    /** Moves the fake clock on, running timers that fall due. */
    advance: async (ms: number) => {
      now += ms;
      for (const t of [...timers].filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
      await settle();
    },
    speaking: () => started.filter((p) => p.command === "espeak-ng"),
    notified: () => started.filter((p) => p.command === "notify-send"),
  };
}

const timeline: TimelineEntry[] = [
  { name: "Neck tilt", kind: "hold", seconds: 15, side: "left", instruction: "Ear to shoulder." },
  { name: "Neck tilt", kind: "hold", seconds: 15, side: "right", instruction: "Ear to shoulder." },
  { name: "Cold pack on", kind: "cold", seconds: 600 },
  { name: "Pack off", kind: "rest", seconds: 60 },
];

describe("the speech queue (a fake speaker)", () => {
  const broken: CueTrouble = { program: "fake-voice", problem: "exited", code: 1 };
  function queue() {
    const log: string[] = [];
    const running: { text: string; end: (ok?: boolean) => void; stopped: boolean }[] = [];
    const failures: CueTrouble[] = [];
    const speak = (text: string): Utterance => {
      let end!: (ok?: boolean) => void;
      const entry = { text, stopped: false, end: (ok = true) => end(ok) };
      const done = new Promise<{ ok: true } | { ok: false; reason: CueTrouble }>((resolve) => {
        end = (ok = true) => resolve(ok ? { ok: true } : { ok: false, reason: broken });
      });
      running.push(entry);
      log.push(text);
      return {
        done,
        stop: () => {
          entry.stopped = true;
          end(true);
        },
      };
    };
    return { q: new SpeechQueue(speak, (r) => failures.push(r)), log, running, failures };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it("never cuts a cue for a less important one: the count-in gives way to a name", async () => {
    const { q, log, running } = queue();
    q.say("Knee to chest. Hold behind one knee", Priority.step);
    q.say("3", Priority.count);
    q.say("2", Priority.count);
    expect(log).toEqual(["Knee to chest. Hold behind one knee"]);
    expect(running[0]?.stopped).toBe(false);
    running[0]!.end();
    await tick();
    expect(log).toEqual(["Knee to chest. Hold behind one knee"]); // the count was dropped
  });

  it("lets cues of the same weight wait their turn, keeping the newest few", async () => {
    const { q, log, running } = queue();
    for (const t of ["a", "b", "c", "d", "e"]) q.say(t, Priority.step);
    running[0]!.end();
    await tick();
    expect(log).toEqual(["a", "c"]);
    running[1]!.end();
    await tick();
    running[2]!.end();
    await tick();
    expect(log).toEqual(["a", "c", "d", "e"]);
  });

  it("puts safety first, cutting a lesser cue, and never cuts a safety cue", async () => {
    const { q, log, running } = queue();
    q.say("Knee rolls", Priority.step);
    q.say("Take the cold pack off now", Priority.safety);
    expect(running[0]?.stopped).toBe(true);
    expect(log).toEqual(["Knee rolls", "Take the cold pack off now"]);
    q.say("Next step name", Priority.step);
    q.say("3", Priority.count);
    expect(running[1]?.stopped).toBe(false);
    running[1]!.end();
    await tick();
    expect(log).toEqual(["Knee rolls", "Take the cold pack off now", "Next step name"]);
  });

  it("waits for 'done' to be heard to its end", async () => {
    const { q, running } = queue();
    q.say("Done.", Priority.step);
    let drained = false;
    void q.drained().then(() => {
      drained = true;
    });
    await tick();
    expect(drained).toBe(false);
    running[0]!.end();
    await tick();
    expect(drained).toBe(true);
  });

  it("reports a failure once and then answers false, so the caller rings instead", async () => {
    const { q, running, failures } = queue();
    expect(q.say("hello", Priority.step)).toBe(true);
    running[0]!.end(false);
    await tick();
    expect(failures).toEqual([broken]);
    expect(q.say("again", Priority.step)).toBe(false);
  });

  it.each([
    [840, "14 minutes"],
    [72, "1 minute 12 seconds"],
    [60, "1 minute"],
    [30, "30 seconds"],
    [3900, "1 hour 5 minutes"],
    [1, "1 second"],
    [0, "0 seconds"],
  ])("says %i seconds as %j", (seconds, words) => {
    expect(spokenText.duration(seconds)).toBe(words);
  });
});

describe("cues", () => {
  it("rings and speaks each step's name and instruction, 'switch sides' between sides", async () => {
    const h = harness();
    const start = startSession(timeline, 0);
    h.director.onEvents(start.events, timeline);
    h.speaking()[0]!.exit(0);
    await h.settle();
    h.director.onEvents(tick(start.state, 15_000).events, timeline);
    expect(h.speaking().map((p) => p.stdin)).toEqual([
      sessionText.cues.announce("Neck tilt", "left", "Ear to shoulder."), // "Neck tilt, left side. Ear to shoulder."
      sessionText.cues.switchSides,
    ]);
    expect(h.bells).toEqual(["\u0007", "\u0007"]);
  });

  it("speaks names only when the setting says so", () => {
    const h = harness({ voiceWords: "names" });
    h.director.onEvents(startSession(timeline, 0).events, timeline);
    expect(h.speaking()[0]?.stdin).toBe(sessionText.cues.announce("Neck tilt", "left", undefined));
  });

  it("passes routine text only on standard input or after --, never as an option", async () => {
    const h = harness();
    const evil: TimelineEntry[] = [{ name: "-f/etc/hostname", kind: "hold", seconds: 90 }];
    const s = startSession(evil, 0);
    h.director.onEvents(s.events, evil);
    h.director.onEvents(tick(s.state, 90_000).events, evil);
    const [spoken] = h.speaking();
    expect(spoken?.args).toEqual(["--stdin"]);
    expect(spoken?.stdin).toBe(sessionText.cues.announce("-f/etc/hostname", undefined, undefined));
    const [note] = h.notified();
    const dashes = note!.args.indexOf("--");
    expect(dashes).toBeGreaterThan(-1);
    const w = sessionText.cues;
    expect(note!.args.slice(dashes + 1)).toEqual([
      w.notifyTitle,
      w.stepDone("-f/etc/hostname", undefined),
    ]);
  });

  it("counts in the last three seconds and says ten seconds left on longer steps", () => {
    const h = harness();
    for (const left of [30, 11, 10]) h.director.onSecond(left, 30);
    expect(h.speaking().map((p) => p.stdin)).toEqual([sessionText.cues.tenSeconds]);
    const short = harness();
    for (const left of [15, 10, 9, 4, 3]) short.director.onSecond(left, 15);
    expect(short.speaking().map((p) => p.stdin)).toEqual(["3"]);
    expect(short.bells).toEqual(["\u0007"]);
  });

  it("calls the pack off with a safety cue: four rings, words, an urgent lasting notification", () => {
    const h = harness();
    const withOff = withPackOff([{ name: "Cold pack on", kind: "cold", seconds: 600 }]);
    // the session as it reaches the pack-off step
    h.director.onEvents(startSession(withOff, 0, 1).events, withOff);
    expect(h.bells).toContain("\u0007".repeat(BELLS.safety));
    // "Take the cold pack off now, and check your skin."
    const w = sessionText.cues;
    const call = w.packOff(w.packName("cold"));
    expect(h.speaking().at(-1)?.stdin).toBe(call);
    expect(h.notified().at(-1)?.args).toEqual([
      "--app-name=knot",
      "--urgency=critical",
      "--expire-time=0",
      "--hint=string:x-dunst-stack-tag:knot-pack",
      "--",
      w.packCallTitle(w.packName("cold")),
      call,
    ]);
  });

  it("a clock jump with the pack left on says how long in words made for speech", () => {
    const h = harness();
    h.director.onEvents(
      [
        {
          type: "clock-jump",
          at: 0,
          index: 3,
          count: 4,
          awaySeconds: 60,
          pack: { kind: "cold", onSeconds: 72 },
        },
      ],
      timeline,
    );
    // "The cold pack has been on 1 minute 12 seconds. Take it off now."
    const w = sessionText.cues;
    expect(h.speaking()[0]?.stdin).toBe(w.packJump(w.packName("cold"), spokenText.duration(72)));
  });

  it("while a cold step is paused, reminds each minute, and at 20 minutes says take it off", () => {
    const h = harness();
    for (const onSeconds of [300, 330, 359, 360, 420, 1199, 1200, 1260]) {
      h.director.onPack({ kind: "cold", onSeconds, waitingOff: false });
    }
    // 6 minutes is said; 7 and 19 wait behind it; at 20 the safety call cuts in and they go
    // "Paused. The cold pack has been on 6 minutes.", "... on 20 minutes. Take it off now."
    const w = sessionText.cues;
    expect(h.speaking().map((p) => p.stdin)).toEqual([
      w.packPaused(w.packName("cold"), spokenText.duration(360)),
      w.packLimit(w.packName("cold"), 20),
    ]);
    expect(h.speaking()[0]?.killed).toBe(true);
    expect(h.bells.filter((b) => b === "\u0007".repeat(BELLS.safety))).toHaveLength(1);
  });

  it("says when the voice program fails, once, and rings two bells for its cues after", async () => {
    const h = harness();
    h.cues.say("Knee to chest", Priority.step);
    h.speaking()[0]!.exit(
      0,
      "ALSA lib pcm.c: Unknown PCM default\nerror: No such file or directory\n",
    );
    await h.settle();
    // the program's own complaint is a value inside knot's words: "espeak-ng failed: error: ..."
    const w = sessionText.cues;
    expect(h.problems).toEqual([
      w.voiceFailed(w.complained("espeak-ng", "error: No such file or directory"), w.fixVoice),
    ]);
    h.cues.say("Knee rolls", Priority.step);
    expect(h.bells).toEqual(["\u0007\u0007"]);
    expect(h.speaking()).toHaveLength(1);
  });

  it("says when a program exits with an error, or hangs", async () => {
    const failing = harness();
    failing.cues.notify("knot", "done");
    failing.notified()[0]!.exit(1, "Cannot autolaunch D-Bus without X11 $DISPLAY\n");
    await failing.settle();
    const w = sessionText.cues;
    expect(failing.problems).toEqual([
      w.notifyFailed(
        w.complained("notify-send", "Cannot autolaunch D-Bus without X11 $DISPLAY"),
        w.fixNotify,
      ),
    ]);
    failing.cues.notify("knot", "again");
    expect(failing.notified()).toHaveLength(1);
    const hanging = harness();
    hanging.cues.say("hello", Priority.step);
    await hanging.advance(10_000);
    expect(hanging.speaking()[0]?.killed).toBe(true);
    expect(hanging.problems).toEqual([w.voiceFailed(w.hung("espeak-ng"), w.fixVoice)]);
  });

  it("says when voice or notification programs are missing, and rings two bells instead", () => {
    const h = harness({}, []);
    expect(h.problems).toEqual([
      expect.stringMatching(
        /no speech program was found: install speech-dispatcher or espeak-ng; knot rings twice/,
      ),
      expect.stringMatching(/notify-send was not found/),
    ]);
    h.cues.say("hello", Priority.step);
    h.cues.notify("knot", "done");
    expect(h.started).toEqual([]);
    expect(h.bells).toEqual(["\u0007\u0007", "\u0007\u0007"]);
  });

  it("stays silent when sound, voice and notifications are off", () => {
    const h = harness({ sound: false, voice: false, notify: false });
    h.director.onEvents(startSession(timeline, 0).events, timeline);
    for (const left of [3, 2, 1]) h.director.onSecond(left, 15);
    expect([...h.bells, ...h.started, ...h.problems]).toEqual([]);
  });
});

describe("voice that keeps pace", () => {
  const paced: TimelineEntry[] = [
    {
      name: "Knee rolls",
      kind: "hold",
      seconds: 8,
      side: "left",
      instruction:
        "Roll both knees to one side. Keep your shoulders flat on the floor and breathe out slowly as you go.",
    },
    {
      name: "Knee rolls",
      kind: "hold",
      seconds: 8,
      side: "right",
      instruction:
        "Roll both knees to one side. Keep your shoulders flat on the floor and breathe out slowly as you go.",
    },
    { name: "Neck tilt", kind: "hold", seconds: 30, instruction: "Ear to shoulder." },
    {
      name: "Knee rolls",
      kind: "hold",
      seconds: 8,
      side: "left",
      instruction:
        "Roll both knees to one side. Keep your shoulders flat on the floor and breathe out slowly as you go.",
    },
  ];

  it("says an exercise's instruction once, its first sentence where the whole does not fit", async () => {
    const h = harness();
    let s = startSession(paced, 0);
    h.director.onEvents(s.events, paced);
    for (const at of [8000, 16_000, 46_000]) {
      h.speaking().at(-1)!.exit(0);
      await h.settle();
      s = tick(s.state, at);
      h.director.onEvents(s.events, paced);
    }
    expect(h.speaking().map((p) => p.stdin)).toEqual([
      // 24 words do not fit 8 s at 2.5 words a second: the first sentence does.
      sessionText.cues.announce("Knee rolls", "left", "Roll both knees to one side."),
      sessionText.cues.switchSides,
      sessionText.cues.announce("Neck tilt", undefined, "Ear to shoulder."),
      sessionText.cues.announce("Knee rolls", "left", undefined),
    ]);
  });

  it("speaks through speech-dispatcher where it is installed, with its priorities", async () => {
    const h = harness({}, ["spd-say", "espeak-ng", "notify-send"]);
    // Started early, saying nothing; the first cue waits until it has started.
    expect(h.started.map((p) => p.args)).toEqual([["-O"]]);
    h.cues.say("-f/etc/hostname", Priority.step);
    await h.settle();
    expect(h.started).toHaveLength(1);
    h.started[0]!.exit(0);
    await h.settle();
    const spoken = h.started.at(-1);
    expect(spoken?.command).toBe("spd-say");
    expect(spoken?.args).toEqual(["-w", "-P", "message", "--", "-f/etc/hostname"]);
    h.cues.say("Take the cold pack off now.", Priority.safety);
    expect(h.started.at(-1)?.args.slice(0, 3)).toEqual(["-w", "-P", "important"]);
  });

  it("speaks with espeak-ng where speech-dispatcher cannot start", async () => {
    const h = harness({}, ["spd-say", "espeak-ng", "notify-send"]);
    h.cues.say("Knee rolls", Priority.step);
    h.started[0]!.exit(1, "Failed to connect to Speech Dispatcher");
    await h.settle();
    expect(h.speaking().map((p) => p.stdin)).toEqual(["Knee rolls"]);
    expect(h.problems).toEqual([]);
  });

  it("drops a count that would be late: it never waits behind a step's words", () => {
    const h = harness();
    h.cues.say("Knee rolls, left side", Priority.step);
    h.cues.say("3", Priority.count);
    h.cues.say("2", Priority.count);
    expect(h.speaking().map((p) => p.stdin)).toEqual(["Knee rolls, left side"]);
  });

  it("says how to get a speech program where none is found", () => {
    const h = harness({}, ["apt-get", "notify-send"]);
    expect(h.problems[0]).toMatch(
      /install speech-dispatcher or espeak-ng \(sudo apt install speech-dispatcher\)/,
    );
  });
});

describe("the v key", () => {
  it("turns the voice off, then on again", async () => {
    const h = harness();
    expect(h.cues.toggleVoice()).toBe(false);
    h.cues.say("Knee rolls", Priority.step);
    expect(h.speaking()).toEqual([]);
    expect(h.cues.toggleVoice()).toBe(true);
    h.cues.say("Knee rolls", Priority.step);
    expect(h.speaking().map((p) => p.stdin)).toEqual(["Knee rolls"]);
  });

  it("turned on in a session that started without voice, finds the program then", () => {
    const h = harness({ voice: false }, ["notify-send"]);
    expect(h.problems).toEqual([]);
    h.cues.toggleVoice();
    expect(h.problems).toEqual([expect.stringMatching(/no speech program was found/)]);
  });

  it("stays off where there is no speech program, so 'voice on' is never said to silence", () => {
    const h = harness({ voice: false }, ["notify-send"]);
    expect(h.cues.toggleVoice()).toBe(false);
    expect(h.cues.voice).toBe(false);
  });
});
