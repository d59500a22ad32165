import { execFileSync } from "node:child_process";
import pty from "@lydell/node-pty";
import { describe, expect, it } from "vitest";
import { shortRoutine, sleep } from "./pty.js";
import { isolatedEnv, KNOT_BIN } from "./run-knot.js";

/**
 * Suspend and resume under a real shell with job control (bash -i in a pseudo-terminal), as a
 * person does with Ctrl-Z and fg: the shell must get a clean terminal, and fg must come back
 * to exactly where the person was.
 */
function shell() {
  const env = { ...isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1", PS1: "SHELL$ " }) };
  const term = pty.spawn("bash", ["--norc", "--noprofile", "-i"], {
    cols: 100,
    rows: 30,
    env: env as Record<string, string>,
  });
  let output = "";
  term.onData((d) => {
    output += d;
  });
  const waitFor = async (test: RegExp, from = 0, timeout = 10_000) => {
    const until = Date.now() + timeout;
    while (!test.test(output.slice(from))) {
      if (Date.now() > until) {
        throw new Error(`timed out waiting for ${test}: ${JSON.stringify(output.slice(-600))}`);
      }
      await sleep(50);
    }
  };
  const knotPid = () =>
    Number(
      execFileSync("pgrep", ["-n", "-f", `${KNOT_BIN} start`])
        .toString()
        .trim(),
    );
  return {
    type: (text: string) => term.write(text),
    output: () => output,
    mark: () => output.length,
    waitFor,
    knotPid,
    close: () => term.kill(),
  };
}

/** Starts a 60 s step in the shell and waits until it shows. */
async function startLongStep(sh: ReturnType<typeof shell>) {
  const file = shortRoutine([{ name: "Long", kind: "hold", duration: 60 }]);
  await sh.waitFor(/SHELL\$ $/);
  sh.type(`node ${KNOT_BIN} start ${file} --yes --lead-in 0 --no-checkin\r`);
  await sh.waitFor(/LONG/);
}

/** fg, then space pauses and q quits: keys reach knot at once. */
async function resumeAndQuit(
  sh: ReturnType<typeof shell>,
  after: () => Promise<void> = async () => {},
) {
  const back = sh.mark();
  sh.type("fg\r");
  await sh.waitFor(/LONG/, back);
  await after();
  sh.type(" ");
  await sh.waitFor(/PAUSED/, back);
  sh.type("q");
  await sh.waitFor(/Stopped: Short routine/, back);
  return back;
}

const ALT_ON = "\u001b[?1049h";
const ALT_OFF = "\u001b[?1049l";
const CURSOR_SHOW = "\u001b[?25h";
const CURSOR_HIDE = "\u001b[?25l";
const cleanFor = (text: string) =>
  text.lastIndexOf(ALT_OFF) > text.lastIndexOf(ALT_ON) &&
  text.lastIndexOf(CURSOR_SHOW) > text.lastIndexOf(CURSOR_HIDE);

// One at a time: job control signals go to the shell's own child.
describe("suspend and resume under a real shell", () => {
  it("Ctrl-Z then fg at a question comes back to the question", { timeout: 90_000 }, async () => {
    const sh = shell();
    try {
      await sh.waitFor(/SHELL\$ $/);
      sh.type(`node ${KNOT_BIN}\r`);
      await sh.waitFor(/Which routine\?/);
      sh.type("\u001a");
      await sh.waitFor(/Stopped/);
      const back = sh.mark();
      sh.type("fg\r");
      await sh.waitFor(/fg\r\n/, back);
      await sleep(500);
      // the same question takes keys again: down five times and Enter picks the stretch
      sh.type("\u001b[B\u001b[B\u001b[B\u001b[B\u001b[B\r");
      await sh.waitFor(/Gentle back stretch {2}30 steps/, back);
      expect(sh.output().slice(back)).not.toContain("Cancelled");
    } finally {
      sh.close();
    }
  });

  it("Ctrl-Z mid-step gives the shell a clean terminal; fg redraws and keys work", {
    timeout: 90_000,
  }, async () => {
    const sh = shell();
    try {
      await startLongStep(sh);
      await sleep(1200);
      sh.type("\u001a");
      await sh.waitFor(/Stopped[\s\S]*SHELL\$ $/);
      expect(cleanFor(sh.output())).toBe(true);
      await sleep(1200); // a timer falls due while stopped
      const back = await resumeAndQuit(sh, async () => {
        const after = sh.output().slice(sh.output().lastIndexOf("fg\r"));
        // nothing is drawn on the shell's screen before the full screen is taken again
        expect(after.indexOf(ALT_ON)).toBeGreaterThan(-1);
        const cursorMove = new RegExp(`${"\u001b"}\\[\\d+;\\d+H`);
        expect(after.slice(0, after.indexOf(ALT_ON))).not.toMatch(cursorMove);
      });
      expect(back).toBeGreaterThan(0);
      expect(cleanFor(sh.output())).toBe(true);
    } finally {
      sh.close();
    }
  });

  it("kill -TSTP from outside mid-step leaves the shell a clean terminal too", {
    timeout: 90_000,
  }, async () => {
    const sh = shell();
    try {
      await startLongStep(sh);
      process.kill(sh.knotPid(), "SIGTSTP");
      await sh.waitFor(/Stopped[\s\S]*SHELL\$ $/);
      expect(cleanFor(sh.output())).toBe(true);
      await resumeAndQuit(sh);
    } finally {
      sh.close();
    }
  });

  it("after kill -STOP and fg, keys work at once, without Enter", { timeout: 90_000 }, async () => {
    const sh = shell();
    try {
      await startLongStep(sh);
      process.kill(sh.knotPid(), "SIGSTOP");
      await sh.waitFor(/Stopped/);
      await resumeAndQuit(sh);
    } finally {
      sh.close();
    }
  });

  it("Ctrl-Z during the lead-in suspends too, and the count carries on after fg", {
    timeout: 90_000,
  }, async () => {
    const sh = shell();
    const file = shortRoutine([{ name: "Quick", kind: "hold", duration: 1 }]);
    try {
      await sh.waitFor(/SHELL\$ $/);
      sh.type(`node ${KNOT_BIN} start ${file} --yes --lead-in 3 --no-checkin\r`);
      await sh.waitFor(/Get ready/);
      sh.type("\u001a");
      await sh.waitFor(/Stopped[\s\S]*SHELL\$ $/);
      expect(cleanFor(sh.output())).toBe(true);
      const back = sh.mark();
      sh.type("fg\r");
      await sh.waitFor(/Finished: Short routine/, back, 15_000);
    } finally {
      sh.close();
    }
  });
});
