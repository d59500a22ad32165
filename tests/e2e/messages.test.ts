import { describe, expect, it } from "vitest";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const VISIBLE_ESCAPE = /\\x1b|\\u001b/;

describe.concurrent("commander's own errors reach the terminal as knot's do", () => {
  it.each([
    [["strat"], /error: unknown command 'strat'/],
    [["start"], /error: missing required argument 'routine'/],
    [["list", "--nope"], /error: unknown option '--nope'/],
  ])(
    "%j at a colour terminal: coloured, never as visible escapes",
    {
      timeout: 90_000,
    },
    async (args, message) => {
      const run = knotInPty(args, { env: isolatedEnv({ TERM: "xterm-256color" }) });
      const { exitCode } = await run.exited;
      expect(exitCode).toBe(2);
      expect(run.output()).toMatch(message);
      expect(run.output()).not.toMatch(VISIBLE_ESCAPE);
      expect(run.output()).toContain("\u001b[31merror:"); // red, as knot's own errors are
    },
  );
});

// synchronous spawns: not beside the terminal tests above (they would stall their reading)
describe("commander's own errors without a terminal", () => {
  it("plain when the output is not a colour terminal", () => {
    const result = knot(["strat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown command 'strat'/);
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr).not.toMatch(VISIBLE_ESCAPE);
  });

  it("knot config voice suggests knot config get voice", () => {
    const result = knot(["config", "voice"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"voice" is a setting, not a command/);
    expect(result.stderr).toMatch(/knot config get voice/);
    expect(result.stderr).not.toMatch(/too many arguments/);
  });
});

describe("bounded questions", () => {
  it("a paste of 20,000 characters into the check-in settles at once, writes little, and keys work", {
    timeout: 60_000,
  }, async () => {
    const file = shortRoutine([{ name: "Quick", kind: "hold", duration: 1 }]);
    const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], {
      env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }),
    });
    await run.waitFor("How bad is it right now");
    const from = run.output().length;
    const started = Date.now();
    run.press("3".repeat(20_000));
    // keys pressed straight after the paste are read: three back, leaving "3", then Enter
    run.press("\u007f\u007f\u007f\r");
    await run.waitFor(/✔ How bad is it right now, 0-10\? \(Enter to skip\) 3\r?\n/, {
      from,
      timeout: 30_000,
    });
    const elapsed = Date.now() - started;
    // generous for a loaded machine; the unbounded prompt took over 90 s and wrote 100 MB
    expect(elapsed).toBeLessThan(10_000);
    expect(run.output().length - from).toBeLessThan(64 * 1024);
    await run.waitFor("And now, 0-10?");
    run.press("\u001b"); // Esc leaves the question as Ctrl-C does: the session kept, finished
    expect((await run.exited).exitCode).toBe(0);
  });
});

describe.concurrent("Esc leaves a question as Ctrl-C does, without the signal's exit code", () => {
  it("at the routine picker", { timeout: 90_000 }, async () => {
    const run = knotInPty([], { env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }) });
    await run.waitFor("Which routine?");
    run.press("\u001b");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toMatch(/Cancelled/);
  });

  it("at a safety question answered y or n", { timeout: 90_000 }, async () => {
    const file = shortRoutine([{ name: "A", kind: "hold", duration: 1 }]);
    const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], {
      env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, []),
    });
    await run.waitFor("Do any of these apply to you now?");
    run.press("\u001b");
    expect((await run.exited).exitCode).toBe(0);
  });
});
