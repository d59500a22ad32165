import { describe, expect, it } from "vitest";
import { cliText } from "../../src/text/cli.js";
import { coachText } from "../../src/text/coach.js";
import { promptText } from "../../src/text/prompt.js";
import { safetyText } from "../../src/text/safety.js";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const VISIBLE_ESCAPE = /\\x1b|\\u001b/;
/** Text for a regular expression that finds it as it is. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.concurrent("commander's own errors reach the terminal as knot's do", () => {
  it.each([
    [["strat"], "error: unknown command 'strat'"],
    [["start"], "error: missing required argument 'routine'"],
    [["list", "--nope"], "error: unknown option '--nope'"],
  ])(
    "%j at a colour terminal: coloured, never as visible escapes",
    {
      timeout: 90_000,
    },
    async (args, message) => {
      const run = knotInPty(args, { env: isolatedEnv({ TERM: "xterm-256color" }) });
      const { exitCode } = await run.exited;
      expect(exitCode).toBe(2);
      // commander's words, through the text layer
      const said = cliText.commander(message);
      expect(run.output()).toContain(said);
      expect(run.output()).not.toMatch(VISIBLE_ESCAPE);
      expect(run.output()).toContain(`\u001b[31m${said}`); // red, as knot's own errors are
    },
  );
});

// synchronous spawns: not beside the terminal tests above (they would stall their reading)
describe("commander's own errors without a terminal", () => {
  it("plain when the output is not a colour terminal", () => {
    const result = knot(["strat"]);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(cliText.commander("error: unknown command 'strat'"))).toBe(
      true,
    );
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
    const question = promptText.scoreQuestion(promptText.rating.before);
    await run.waitFor(question);
    const from = run.output().length;
    const started = Date.now();
    run.press("3".repeat(20_000));
    // keys pressed straight after the paste are read: three back, leaving "3", then Enter
    run.press("\u007f\u007f\u007f\r");
    await run.waitFor(new RegExp(`✔ ${literal(question)} ${literal(promptText.typed("3"))}\r?\n`), {
      from,
      timeout: 30_000,
    });
    const elapsed = Date.now() - started;
    // generous for a loaded machine; the unbounded prompt took over 90 s and wrote 100 MB
    expect(elapsed).toBeLessThan(10_000);
    expect(run.output().length - from).toBeLessThan(64 * 1024);
    await run.waitFor(promptText.scoreQuestion(promptText.rating.after));
    run.press("\u001b"); // Esc leaves the question as Ctrl-C does: the session kept, finished
    expect((await run.exited).exitCode).toBe(0);
  });
});

describe.concurrent("Esc leaves a question as Ctrl-C does, without the signal's exit code", () => {
  it("at the routine picker", { timeout: 90_000 }, async () => {
    const run = knotInPty([], { env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }) });
    await run.waitFor(coachText.whichRoutine);
    run.press("\u001b");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain(promptText.cancelled);
  });

  it("at a safety question answered y or n", { timeout: 90_000 }, async () => {
    const file = shortRoutine([{ name: "A", kind: "hold", duration: 1 }]);
    const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], {
      env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, []),
    });
    await run.waitFor(safetyText.screenQuestion(["red-flags"]).message);
    run.press("\u001b");
    expect((await run.exited).exitCode).toBe(0);
  });
});
