import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coachText } from "../../src/text/coach.js";
import { promptText } from "../../src/text/prompt.js";
import { safetyText } from "../../src/text/safety.js";
import { sessionText } from "../../src/text/session.js";
import { tempDir } from "../helpers.js";
import { knotInPty, shortRoutine, sleep, startInPty } from "./pty.js";
import { isolatedEnv, KNOT_BIN } from "./run-knot.js";

const env = (extra: Record<string, string> = {}, screened = ["red-flags", "cold"]) =>
  isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1", ...extra }, screened);

/** A stand-in voice program on the PATH: records its arguments and input, exits as told. */
function fakeVoice(exitCode: number): { dir: string; log: string } {
  const dir = tempDir("knot-voice-");
  const log = join(dir, "spoken.log");
  const script = join(dir, "espeak-ng");
  writeFileSync(
    script,
    `#!/bin/sh\nprintf 'ARGS:%s\\n' "$*" >> ${JSON.stringify(log)}\nprintf 'TEXT:' >> ${JSON.stringify(log)}\ncat >> ${JSON.stringify(log)}\necho >> ${JSON.stringify(log)}\nexit ${exitCode}\n`,
  );
  chmodSync(script, 0o755);
  // speech-dispatcher, where this machine has it, is not running here: knot speaks with espeak-ng.
  writeFileSync(
    join(dir, "spd-say"),
    "#!/bin/sh\necho 'Failed to connect to Speech Dispatcher' >&2\nexit 1\n",
  );
  chmodSync(join(dir, "spd-say"), 0o755);
  return { dir, log };
}

const cold = () =>
  shortRoutine(
    [
      { name: "Wrap the cold pack", kind: "prepare" },
      { name: "Cold pack on", kind: "cold", duration: 2 },
    ],
    { category: "cold" },
  );

describe.concurrent("the coach reaches the person on the mat", () => {
  it("draws the time in large digits at 100x30", { timeout: 90_000 }, async () => {
    const file = shortRoutine([{ name: "Long", kind: "hold", duration: 30 }]);
    const run = startInPty(file, [], { cols: 100, rows: 30, env: env() });
    // the step's name in capitals and its kind, as the mat view words them: "LONG  ·  hold"
    const name = sessionText.screen.stepName("Long").toUpperCase();
    await run.waitFor(`${name}  ·  ${sessionText.kinds.hold}`);
    await run.waitFor(/█{9}/);
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
  });

  it("x shows when to get help before any question", { timeout: 90_000 }, async () => {
    const file = shortRoutine([{ name: "Long", kind: "hold", duration: 30 }]);
    const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], { env: env() });
    await run.waitFor(promptText.scoreQuestion(promptText.rating.before));
    run.press("\r");
    await run.waitFor("LONG");
    run.press("x");
    await run.waitFor(promptText.scoreQuestion(promptText.rating.after));
    const out = run.output();
    expect(out.indexOf("Get medical help at once")).toBeGreaterThan(-1);
    expect(out.indexOf("Get medical help at once")).toBeLessThan(out.indexOf("And now, 0-10?"));
    run.press("\r");
    expect((await run.exited).exitCode).toBe(3);
  });

  it("Ctrl-C ends at once with one summary line and exit 130, no question", {
    timeout: 90_000,
  }, async () => {
    const file = shortRoutine([{ name: "Long", kind: "hold", duration: 30 }]);
    const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], { env: env() });
    await run.waitFor(promptText.scoreQuestion(promptText.rating.before));
    run.press("\r");
    await run.waitFor("LONG");
    const mark = run.output().length;
    run.press("\u0003");
    expect((await run.exited).exitCode).toBe(130);
    const after = run.output().slice(mark);
    expect(after).toMatch(/Stopped: Short routine, 0:0\d of 0:30/);
    expect(after).not.toContain("And now");
  });

  it("a voice program that exits 1 is named on screen, and its cues become two rings", {
    timeout: 90_000,
  }, async () => {
    const voice = fakeVoice(1);
    const file = shortRoutine([{ name: "Long", kind: "hold", duration: 30 }]);
    const run = startInPty(file, ["--voice"], {
      cols: 100,
      rows: 30,
      env: env({ PATH: `${voice.dir}:${process.env.PATH}` }),
    });
    await run.waitFor(/Voice is not reaching you: espeak-ng failed: exit code 1/);
    run.press("q");
    await run.exited;
  });

  it("a step named -f/etc/hostname is spoken as that text", { timeout: 90_000 }, async () => {
    const voice = fakeVoice(0);
    const file = shortRoutine([{ name: "-f/etc/hostname", kind: "hold", duration: 2 }]);
    const run = startInPty(file, ["--voice"], {
      env: env({ PATH: `${voice.dir}:${process.env.PATH}` }),
    });
    expect((await run.exited).exitCode).toBe(0);
    const log = readFileSync(voice.log, "utf8");
    // the step's name as the voice's words give it: "-f/etc/hostname"
    const name = sessionText.cues.announce("-f/etc/hostname", undefined, undefined);
    expect(log).toContain(`ARGS:--stdin\nTEXT:${name}`);
    expect(log).not.toMatch(/ARGS:.*hostname/);
    // the last words spoken, as the session's text words them ("Done.")
    expect(log).toContain(`TEXT:${sessionText.cues.done}`);
  });

  it("a paused cold step shows how long the pack has been on", { timeout: 90_000 }, async () => {
    const file = shortRoutine(
      [
        { name: "Wrap the cold pack", kind: "prepare" },
        { name: "Cold pack on", kind: "cold", duration: 120 },
      ],
      { category: "cold" },
    );
    const run = startInPty(file, ["--skin-checked"], { cols: 100, rows: 30, env: env() });
    await run.waitFor(safetyText.screenQuestion(["red-flags"]).message);
    run.press("\r");
    await run.waitFor("press Enter when ready");
    run.press("\r");
    await run.waitFor("COLD PACK ON");
    run.press(" ");
    await run.waitFor(/PAUSED · press space to carry on/);
    await sleep(1200);
    await run.waitFor(/Cold pack on for 0:0\d \(pauses included\)/);
    run.press("q");
    await run.exited;
  });

  it("the end of a cold application calls the pack off, and waits until it is off", {
    timeout: 90_000,
  }, async () => {
    const run = startInPty(cold(), ["--skin-checked"], { cols: 100, rows: 30, env: env() });
    await run.waitFor(safetyText.screenQuestion(["red-flags"]).message);
    run.press("\r");
    await run.waitFor("press Enter when ready");
    run.press("\r");
    await run.waitFor(/TAKE THE COLD PACK OFF NOW, then press Enter/);
    await sleep(1500);
    expect(run.output()).not.toContain("Finished");
    run.press("\r");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain("Finished: Short routine");
  });

  it("a terminal of 0x0 (script with no size) gets plain lines", () => {
    const file = shortRoutine([{ name: "Quick", kind: "hold", duration: 1 }]);
    const command = `stty size; ${process.execPath} ${KNOT_BIN} start ${file} --yes --lead-in 0 --no-checkin --no-notify`;
    const result = spawnSync("script", ["-qec", command, "/dev/null"], {
      env: env(),
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.stdout).toMatch(/^0 0/);
    expect(result.stdout).toContain("[1/1] Quick (1s)");
    expect(result.stdout).not.toContain("\u001b[?1049h");
  });

  it("a global option alone (knot --no-color) still opens the picker", {
    timeout: 90_000,
  }, async () => {
    const run = knotInPty(["--no-color"], { env: env() });
    await run.waitFor(coachText.whichRoutine);
    run.press("\u0003");
    expect((await run.exited).exitCode).toBe(130);
  });

  it("TERM=dumb gets plain lines, never cursor addressing", { timeout: 90_000 }, async () => {
    const file = shortRoutine([{ name: "Quick", kind: "hold", duration: 1 }]);
    const run = startInPty(file, [], { env: env({ TERM: "dumb" }) });
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain("[1/1] Quick (1s)");
    expect(run.output()).not.toContain("\u001b[?1049h");
  });
});
