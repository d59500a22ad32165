import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sessionText } from "../../src/text/session.js";
import { tempDir } from "../helpers.js";
import { RESTORE, shortRoutine, startInPty } from "./pty.js";
import { isolatedEnv } from "./run-knot.js";

/** The marks the fake voices write on the terminal: symbols, not words knot would print. */
const SAID_DONE = "[\u266a \u2713]";
const SAID = "[\u266a]";

/**
 * A voice that takes a second over "Done." and then writes a mark on the terminal itself, so
 * the test sees whether knot gave the terminal back before the word was said to its end.
 */
function slowVoice(): string {
  const dir = tempDir("knot-slow-voice-");
  writeFileSync(
    join(dir, "espeak-ng"),
    `#!/bin/sh\ntext=$(cat)\ncase "$text" in *Done*) sleep 1; printf '${SAID_DONE}' > /dev/tty ;; esac\nexit 0\n`,
  );
  writeFileSync(join(dir, "spd-say"), "#!/bin/sh\nexit 1\n");
  chmodSync(join(dir, "espeak-ng"), 0o755);
  chmodSync(join(dir, "spd-say"), 0o755);
  return dir;
}

describe("the end of a finished session on the full screen", () => {
  it("draws Done in large letters and keeps it until 'Done.' is said, then gives the terminal back", {
    timeout: 90_000,
  }, async () => {
    const env = isolatedEnv({
      TERM: "xterm-256color",
      NO_COLOR: "1",
      PATH: `${slowVoice()}:${process.env.PATH}`,
    });
    const file = shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
    const run = startInPty(file, ["--voice"], { cols: 100, rows: 30, env });
    expect((await run.exited).exitCode).toBe(0);
    const out = run.output();
    const back = out.lastIndexOf(RESTORE.altScreenLeft);
    const said = out.indexOf(SAID_DONE);
    expect(said).toBeGreaterThan(-1);
    expect(said).toBeLessThan(back);
    // Large letters (block rows) between the last step and the end: "Done" and the routine.
    const end = out.slice(out.lastIndexOf("REACH"), back);
    expect(end).toContain(sessionText.large.finished("Short routine"));
    expect(end).toMatch(/[█▀▄]{3}/);
  });

  it("gives the terminal back at once after q, and the words being said end after", {
    timeout: 90_000,
  }, async () => {
    const dir = tempDir("knot-slow-words-");
    // every cue takes two seconds, then marks the terminal
    writeFileSync(
      join(dir, "espeak-ng"),
      `#!/bin/sh\ncat >/dev/null\nsleep 2\nprintf '${SAID}' > /dev/tty\nexit 0\n`,
    );
    writeFileSync(join(dir, "spd-say"), "#!/bin/sh\nexit 1\n");
    chmodSync(join(dir, "espeak-ng"), 0o755);
    chmodSync(join(dir, "spd-say"), 0o755);
    const env = isolatedEnv({
      TERM: "xterm-256color",
      NO_COLOR: "1",
      PATH: `${dir}:${process.env.PATH}`,
    });
    const file = shortRoutine([{ name: "Reach", kind: "hold", duration: 20 }]);
    const run = startInPty(file, ["--voice"], { cols: 100, rows: 30, env });
    await run.waitFor("REACH");
    run.press("q");
    await run.exited;
    const out = run.output();
    const back = out.lastIndexOf(RESTORE.altScreenLeft);
    expect(back).toBeGreaterThan(-1);
    // the step's name was still being said when q came: it ends after the terminal is back
    expect(out.indexOf(SAID, back)).toBeGreaterThan(back);
    expect(out.slice(0, back)).not.toContain(SAID);
  });
});
