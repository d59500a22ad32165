import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv } from "./run-knot.js";

/** A person's first run: screened, voice never set, no speech program on the PATH. */
function firstRun() {
  const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1", PATH: tempDir("knot-no-bin-") });
  const file = join(env.XDG_CONFIG_HOME!, "knot", "config.json");
  const { voice: _v, ...rest } = JSON.parse(readFileSync(file, "utf8"));
  writeFileSync(file, JSON.stringify(rest));
  const stored = () => JSON.parse(readFileSync(file, "utf8")).voice as boolean | undefined;
  return { env, stored };
}

describe.concurrent("voice is asked about once, at the first session", () => {
  it("asks with one key, keeps the answer, says how to get a voice, and never asks again", {
    timeout: 60_000,
  }, async () => {
    const { env, stored } = firstRun();
    const routine = shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
    const args = ["start", routine, "--lead-in", "0", "--no-checkin"];
    const run = knotInPty(args, { env, cols: 100, rows: 30 });
    await run.waitFor("Speak each step aloud?");
    run.press("y");
    await run.waitFor("Start now?");
    run.press("y");
    // No speech program here: the session says once how to get one.
    await run.waitFor(/no speech program was found/);
    expect((await run.exited).exitCode).toBe(0);
    expect(stored()).toBe(true);

    const again = knotInPty(args, { env, cols: 100, rows: 30 });
    await again.waitFor("Start now?");
    again.press("y");
    expect((await again.exited).exitCode).toBe(0);
    expect(again.output()).not.toContain("Speak each step aloud?");
    expect(stored()).toBe(true);
  });

  it("is not asked with --yes or --no-voice, and nothing is kept", {
    timeout: 60_000,
  }, async () => {
    const { env, stored } = firstRun();
    const routine = shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
    for (const extra of [["--yes"], ["--no-voice"]]) {
      const run = knotInPty(["start", routine, "--lead-in", "0", "--no-checkin", ...extra], {
        env,
      });
      if (!extra.includes("--yes")) {
        await run.waitFor("Start now?");
        run.press("y");
      }
      expect((await run.exited).exitCode).toBe(0);
      expect(run.output()).not.toContain("Speak each step aloud?");
    }
    expect(stored()).toBeUndefined();
  });

  it("keeps the v key's choice at the end of the session", { timeout: 60_000 }, async () => {
    const { env, stored } = firstRun();
    // a speech program that listens and says nothing, alone on the PATH
    const voice = join(env.PATH!, "espeak-ng");
    writeFileSync(voice, "#!/bin/sh\nwhile read -r _; do :; done\nexit 0\n");
    chmodSync(voice, 0o755);
    const routine = shortRoutine([{ name: "Reach", kind: "hold", duration: 3 }]);
    const run = knotInPty(["start", routine, "--yes", "--lead-in", "0", "--no-checkin"], {
      env,
      cols: 100,
      rows: 30,
    });
    await run.waitFor("REACH");
    run.press("v");
    await run.waitFor(/Voice on/);
    expect((await run.exited).exitCode).toBe(0);
    expect(stored()).toBe(true);
  });

  it("v where there is no speech program says how to get one and keeps the voice off", {
    timeout: 60_000,
  }, async () => {
    const { env, stored } = firstRun();
    const routine = shortRoutine([{ name: "Reach", kind: "hold", duration: 3 }]);
    const run = knotInPty(["start", routine, "--yes", "--lead-in", "0", "--no-checkin"], {
      env,
      cols: 100,
      rows: 30,
    });
    await run.waitFor("REACH");
    run.press("v");
    await run.waitFor(/Voice off: v turns it on/);
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toMatch(/no speech program was found: install speech-dispatcher/);
    expect(stored()).not.toBe(true);
  });
});
