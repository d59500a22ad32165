import { describe, expect, it } from "vitest";
import { knotInPty } from "./pty.js";
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
      timeout: 30_000,
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
