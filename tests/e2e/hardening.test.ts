import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listText } from "../../src/text/library.js";
import { parseText } from "../../src/text/parse.js";
import { tempDir } from "../helpers.js";
import { knotInPty, shortRoutine, startInPty } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot, writeScreening } from "./run-knot.js";

const ptyEnv = (screened?: string[]) =>
  isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, screened);
const records = (env: NodeJS.ProcessEnv) =>
  JSON.parse(knot(["history", "--json"], { env }).stdout) as {
    ended: string;
    doneSeconds: number;
  }[];
const CURSOR_HIDE = "\u001b[?25l";
const CURSOR_SHOW = "\u001b[?25h";
/** The cursor is shown again after it was last hidden. */
const cursorRestored = (output: string) =>
  output.lastIndexOf(CURSOR_SHOW) > output.lastIndexOf(CURSOR_HIDE);
// biome-ignore lint/suspicious/noControlCharactersInRegex: a raw escape is the failure
const RAW_ESCAPE = /\u001b\]|\u001b\[2J|\u009b|\u202e/;

/** A one-second session with check-ins, rated 4 before, stopped at the question after it. */
async function atAfterCheckin() {
  const env = ptyEnv();
  const file = shortRoutine([{ name: "Quick", kind: "hold", duration: 1 }]);
  const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], { env });
  await run.waitFor("How bad is it right now");
  run.press("4\r");
  await run.waitFor("And now, 0-10?");
  return { env, run };
}

describe.concurrent("a closed terminal or pipe", () => {
  it("closing the terminal mid-session exits 129 and keeps the progress", {
    timeout: 90_000,
  }, async () => {
    const env = ptyEnv();
    const file = shortRoutine([{ name: "Long", kind: "hold", duration: 30 }]);
    const run = startInPty(file, [], { env });
    await run.waitFor("LONG");
    await new Promise((r) => setTimeout(r, 2500));
    run.close();
    // killed by a signal knot left unhandled, a terminal reports exit 0 with the signal beside
    const { exitCode, signal } = await run.exited;
    const saved = records(env);
    const why = JSON.stringify({ exitCode, signal, saved, tail: run.output().slice(-300) });
    expect(exitCode, why).toBe(129);
    expect(saved[0]?.ended, why).toBe("interrupted");
    expect(saved[0]?.doneSeconds, why).toBeGreaterThanOrEqual(1); // the real progress, not 0:00
  });

  it("closing the terminal at the after-session check-in keeps the session finished", {
    timeout: 90_000,
  }, async () => {
    const { env, run } = await atAfterCheckin();
    run.close();
    expect((await run.exited).exitCode).toBe(129);
    expect(records(env)).toMatchObject([{ ended: "completed", doneSeconds: 1 }]);
  });

  it("a signal at the after-session check-in keeps the outcome and the rating before", {
    timeout: 90_000,
  }, async () => {
    const { env, run } = await atAfterCheckin();
    run.signal("SIGTERM");
    expect((await run.exited).exitCode).toBe(143);
    expect(records(env)).toMatchObject([{ ended: "completed", ratings: { before: 4 } }]);
    expect(cursorRestored(run.output())).toBe(true);
  });

  it("a closed pipe ends the session at once, recorded, with exit 141", async () => {
    const env = isolatedEnv();
    const file = shortRoutine([
      { name: "A", kind: "hold", duration: 5 },
      { name: "B", kind: "hold", duration: 5 },
    ]);
    const child = spawn(
      process.execPath,
      [KNOT_BIN, "start", file, "--yes", "--lead-in", "0", "--events", "-", "--no-notify"],
      { env, stdio: ["ignore", "pipe", "ignore"] },
    );
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.once("data", () => {
        child.stdout.destroy(); // `| head -1`
        // the next event (the second step, 5 s on) finds the pipe closed
      });
      child.on("close", resolve);
    });
    expect(code).toBe(141);
    expect(records(env)).toMatchObject([{ ended: "interrupted" }]);
  });
});

describe.concurrent("the terminal is left as it was found", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGHUP", 129],
  ] as const)(
    "%s at the routine picker shows the cursor again",
    { timeout: 90_000 },
    async (sig, code) => {
      const run = knotInPty([], { env: ptyEnv() });
      await run.waitFor("Which routine?");
      run.signal(sig);
      expect((await run.exited).exitCode).toBe(code);
      if (sig !== "SIGHUP") expect(cursorRestored(run.output())).toBe(true);
    },
  );

  it("SIGTERM at a first-use question shows the cursor again", { timeout: 90_000 }, async () => {
    const file = shortRoutine([{ name: "A", kind: "hold", duration: 1 }]);
    const run = knotInPty(["start", file, "--yes", "--lead-in", "0"], { env: ptyEnv([]) });
    await run.waitFor("Do any of these apply to you now?");
    run.signal("SIGTERM");
    expect((await run.exited).exitCode).toBe(143);
    expect(cursorRestored(run.output())).toBe(true);
  });
});

// The suites below run knot with synchronous spawns. They are concurrent among themselves but
// not with the terminal suites above: a synchronous spawn blocks this process's event loop, and
// run beside the terminals' tests on a loaded machine the blocked time added up past their
// deadlines (output already written by knot sat unread).
describe("knot run to completion", () => {
  describe.concurrent("special files never hang or flood knot", () => {
    it("a FIFO and a link to /dev/zero in the routines folder are listed as problems, at once", () => {
      const env = isolatedEnv();
      const dir = join(env.XDG_CONFIG_HOME!, "knot", "routines");
      mkdirSync(dir, { recursive: true });
      execFileSync("mkfifo", [join(dir, "pipe.json")]);
      symlinkSync("/dev/zero", join(dir, "zero.json"));
      for (const args of [["list"], ["show", "stretch"], ["start", "stretch", "--dry-run"]]) {
        const result = knot(args, { env });
        expect(result.status, args.join(" ")).toBe(0);
      }
      expect(knot(["list"], { env }).stdout).toContain(
        `${listText.brokenFile(join(dir, "pipe.json"))}\n    ${listText.issue("", parseText.notRegular)}`,
      );
    });

    it("a history linked to /dev/zero is refused with a clear message", () => {
      const env = isolatedEnv();
      const dir = join(env.XDG_DATA_HOME!, "knot");
      mkdirSync(dir, { recursive: true });
      symlinkSync("/dev/zero", join(dir, "history.jsonl"));
      const result = knot(["history"], { env });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/The history file .*history\.jsonl is not a regular file/);
      // a month's file too
      rmSync(join(dir, "history.jsonl"));
      mkdirSync(join(dir, "history"));
      symlinkSync("/dev/zero", join(dir, "history", "2026-11.jsonl"));
      const month = knot(["history"], { env });
      expect(month.status).toBe(1);
      expect(month.stderr).toMatch(
        /Could not read the history file .*2026-11\.jsonl.*not a regular file/,
      );
    });

    it.each([
      [
        ["--events", "/dev/full"],
        1,
        /Could not write events to \/dev\/full: the disk is full \(ENOSPC\)/,
      ],
      [["--events", "/"], 2, /Cannot write events to \/: it is a folder/],
      [["--events", "/no/such/folder/e.jsonl"], 2, /no such file or folder/],
      [["--events", ""], 2, /--events needs a file/],
    ])("--events %j: exit %i, saying what and why", (flags, code, message) => {
      const file = shortRoutine([{ name: "A", kind: "hold", duration: 1 }]);
      const result = knot(["start", file, "--yes", "--lead-in", "0", "--no-notify", ...flags]);
      expect(result.status).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/something went wrong|please report/);
    });

    it("--events to a FIFO nobody reads is refused at once", () => {
      const fifo = join(tempDir(), "events");
      execFileSync("mkfifo", [fifo]);
      const result = knot(["start", "stretch", "--yes", "--events", fifo]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/nothing is reading from it/);
    });

    it("config set in a folder that cannot be written says so, without 'please report it'", () => {
      const env = isolatedEnv({}, []);
      const blocker = join(tempDir(), "file");
      writeFileSync(blocker, "");
      const result = knot(["config", "set", "leadIn", "3"], {
        env: { ...env, XDG_CONFIG_HOME: join(blocker, "sub") },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /could not .*a part of the path is not a folder|Could not open the settings file/,
      );
      expect(result.stderr).not.toMatch(/please report/);
    });
  });

  describe.concurrent("text that must never reach a terminal raw", () => {
    it("a file name with an escape sequence is listed escaped", () => {
      const env = isolatedEnv();
      const dir = join(env.XDG_CONFIG_HOME!, "knot", "routines");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "\u001b]0;owned\u0007.json"), "{ broken");
      const result = knot(["list"], { env });
      expect(result.stdout).toContain("\\x1b]0;owned\\x07.json");
      expect(result.stdout + result.stderr).not.toMatch(RAW_ESCAPE);
    });

    it.each([
      [["show", "\u001b]52;c;aGk=\u0007"]],
      [["show", "x\u202eyz"]],
      [["config", "set", "leadIn", "\u009b2J"]],
      [["cycle", "cold-10/\u001b[2J"]],
      [["history", "--since", "\u001b]52;c;aGk=\u0007"]],
      [["--\u001b[2J"]],
      [["nope\u001b[2J"]],
    ])("arguments echoed in errors are escaped: %j", (args) => {
      const result = knot(args);
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).not.toMatch(RAW_ESCAPE);
      expect(result.stderr).toMatch(/\\x1b|\\x9b|\\u202e/);
    });

    it("a durations' escape sequence and a JSON excerpt are escaped in validate", () => {
      const file = join(tempDir(), "evil.json");
      writeFileSync(
        file,
        JSON.stringify({
          id: "evil",
          name: "Evil",
          category: "stretch",
          steps: [{ name: "A", kind: "hold", duration: "\u001b]52;c;aGk=\u0007" }],
        }),
      );
      const broken = join(tempDir(), "broken.json");
      writeFileSync(broken, '{"id": "x", \u001b[2J oops}');
      const result = knot(["validate", file, broken]);
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).not.toMatch(RAW_ESCAPE);
    });

    it("a corrupt settings file is quoted safely in its warning", () => {
      const env = isolatedEnv({}, []);
      const dir = join(env.XDG_CONFIG_HOME!, "knot");
      writeScreening(dir, []);
      writeFileSync(join(dir, "config.json"), '{"leadIn": "\u001b]52;c;aGk=\u0007"}');
      const result = knot(["config", "list"], { env });
      expect(result.stdout + result.stderr).not.toMatch(RAW_ESCAPE);
    });

    it("history --csv guards cells against spreadsheet formulas", () => {
      const env = isolatedEnv();
      const dir = join(env.XDG_DATA_HOME!, "knot");
      mkdirSync(dir, { recursive: true });
      const at = new Date().toISOString();
      writeFileSync(
        join(dir, "history.jsonl"),
        `${JSON.stringify({
          v: 1,
          id: "x1",
          routine: "evil",
          name: '=HYPERLINK("http://example.invalid","click")',
          category: "stretch",
          areas: [],
          sides: [],
          startedAt: at,
          endedAt: at,
          plannedSeconds: 1,
          doneSeconds: 1,
          ended: "completed",
          ratings: {},
          steps: [],
          stoppedAt: 0,
        })}\n`,
      );
      const csv = knot(["history", "--csv"], { env }).stdout;
      expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    });
  });
});
