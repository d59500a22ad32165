import { spawn } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { CueDirector } from "../../src/session/cue-director.js";
import { Cues, onPath } from "../../src/session/cues.js";
import type { Display } from "../../src/session/displays.js";
import type { SessionEvent } from "../../src/session/engine.js";
import { runCoach, systemClock } from "../../src/session/runner.js";
import { tempDir } from "../helpers.js";

/**
 * A speech program on PATH that writes down when each cue reached it and what it said, and
 * takes as long to say it as a slow voice would (0.3 s a word), so cues would pile up if knot
 * queued them behind each other.
 */
function fakeSpeech(dir: string) {
  const log = join(dir, "said.log");
  const program = join(dir, "espeak-ng");
  writeFileSync(
    program,
    `#!/bin/sh
text=$(cat)
now=$(node -e 'process.stdout.write(String(Date.now()))')
printf '%s\\t%s\\n' "$now" "$text" >> "${log}"
words=$(printf '%s' "$text" | wc -w)
sleep $(node -e "process.stdout.write(String($words * 0.3))")
`,
  );
  chmodSync(program, 0o755);
  return () =>
    readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const [at, text] = line.split("\t");
        return { at: Number(at), text: text! };
      });
}

// Timed by the wall clock through a real process: on a machine busy with other work the
// process is scheduled late and the test would blame knot. The scheduling itself is tested
// with a fake clock (cues.test.ts); this one runs where KNOT_TIMED=1 asks for it, on a quiet
// machine (README, Development).
describe.runIf(process.env.KNOT_TIMED === "1")("speech with a real program on PATH, timed", () => {
  it("says each step's name on time, drops counts rather than say them late, and 'Done.'", async () => {
    const dir = tempDir();
    const said = fakeSpeech(dir);
    const PATH = `${dir}:${process.env.PATH}`;
    const problems: string[] = [];
    const cues = new Cues(
      { sound: false, voice: true, notify: false },
      {
        // Only the fake is found, whatever this machine has installed.
        findProgram: (name) => onPath(name, { PATH: dir }),
        platform: "linux",
        run: (command, args) =>
          spawn(command, args, {
            stdio: ["pipe", "ignore", "pipe"],
            env: { ...process.env, PATH },
          }),
        problem: (text) => problems.push(text),
      },
    );
    const timeline: TimelineEntry[] = [
      {
        name: "Knee rolls",
        kind: "hold",
        seconds: 4,
        side: "left",
        instruction: "Roll both knees to one side and breathe out slowly.",
      },
      { name: "Knee rolls", kind: "hold", seconds: 4, side: "right" },
      { name: "Rest", kind: "rest", seconds: 3 },
    ];
    const starts: number[] = [];
    const display: Display = {
      update: (_view, events: SessionEvent[]) => {
        for (const e of events) if (e.type === "step-start") starts.push(Date.now());
      },
      refresh() {},
    };
    await runCoach({
      routineName: "Timed",
      timeline,
      display,
      clock: systemClock,
      cues: new CueDirector(cues),
      keys: () => () => {},
      signals: () => () => {},
      leadIn: { seconds: 0, show: () => {} },
    });
    await cues.finish(4000);
    const heard = said();
    // Each step's words reached the program within half a second of the step's start.
    const names = ["Knee rolls, left side", "Switch sides.", "Rest"];
    names.forEach((name, i) => {
      const cue = heard.find((h) => h.text.startsWith(name));
      expect(cue, name).toBeDefined();
      expect(cue!.at - starts[i]!).toBeLessThan(500);
    });
    // A count is said on its second or not at all: never after the next second has begun.
    const t0 = starts[0]!;
    for (const count of heard.filter((h) => /^[123]$/.test(h.text))) {
      const step = starts.findLast((s) => s <= count.at)!;
      const end = starts[starts.indexOf(step) + 1] ?? t0 + 11_000;
      const second = Math.round((end - count.at) / 1000);
      expect(
        Number(count.text),
        `${count.text} said ${end - count.at} ms before its step ended`,
      ).toBe(second);
    }
    // The first step's name (1.2 s at this voice) is still being said at 3 s left: that count
    // gives way; 2 and 1 are said on their seconds.
    const counts = heard.filter((h) => /^[123]$/.test(h.text));
    expect(counts.filter((c) => c.at < starts[1]!).map((c) => c.text)).toEqual(["2", "1"]);
    expect(heard.at(-1)?.text).toBe("Done.");
    expect(problems).toEqual([]);
  }, 20_000);
});
