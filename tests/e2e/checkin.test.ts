import { describe, expect, it } from "vitest";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const ptyEnv = () => isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
const quick = () => shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);

/** Runs `start` at a terminal, answering the check-in before and after with these ratings. */
async function rated(file: string, env: NodeJS.ProcessEnv, before: string, after: string) {
  const run = knotInPty(["start", file, "--yes", "--lead-in", "0", "--no-notify"], { env });
  await run.waitFor("How bad is it right now");
  run.press(`${before}\r`);
  await run.waitFor("And now, 0-10?");
  run.press(`${after}\r`);
  return { run, exit: await run.exited };
}

describe.concurrent("the check-in, end to end", () => {
  it("a 9 after a session shows the red flags and stops the routine until tomorrow", {
    timeout: 30_000,
  }, async () => {
    const env = ptyEnv();
    const file = quick();
    const { run, exit } = await rated(file, env, "4", "9");
    expect(exit.exitCode).toBe(0);
    const out = run.output().replace(/\r/g, "");
    expect(out).toContain("Finished, and stopped for today: Short routine");
    expect(out).not.toMatch(/^Finished: Short routine/m);
    expect(out).toMatch(
      /You rated your pain 9 out of 10 after Short routine, so it is stopped for today: knot will not start it again until \d\d:\d\d tomorrow\./,
    );
    expect(out).toMatch(/Get medical help at once[\s\S]*both legs[\s\S]*See a doctor soon/);
    const history = JSON.parse(knot(["history", "--json"], { env }).stdout);
    expect(history[0]).toMatchObject({ ratings: { before: 4, after: 9 } });
    // The same routine again is refused, even with --force; nothing of it runs.
    const again = knot(["start", file, "--yes", "--lead-in", "0", "--no-notify", "--force"], {
      env,
    });
    expect(again.status).toBe(3);
    expect(again.stdout).toMatch(/Not started/);
    expect(again.stdout).not.toContain("Finished");
    expect(JSON.parse(knot(["history", "--json"], { env }).stdout)).toHaveLength(1);
  });

  it("a 10 after a session shows the emergency list first", { timeout: 30_000 }, async () => {
    const { run } = await rated(quick(), ptyEnv(), "", "10");
    const out = run.output();
    const after = out.slice(out.indexOf("And now, 0-10?"));
    expect(after.indexOf("Get medical help at once")).toBeGreaterThan(-1);
    expect(after.indexOf("Get medical help at once")).toBeLessThan(
      after.indexOf("stopped for today"),
    );
  });

  it("a small change after a session ends as usual", { timeout: 30_000 }, async () => {
    const { run, exit } = await rated(quick(), ptyEnv(), "3", "5");
    expect(exit.exitCode).toBe(0);
    expect(run.output()).toContain("Finished: Short routine");
    expect(run.output()).not.toContain("stopped for today");
  });

  it("plain mode asks the check-in as lines to type a number on, with the scale", {
    timeout: 30_000,
  }, async () => {
    const env = ptyEnv();
    const run = knotInPty(["start", quick(), "--yes", "--plain", "--lead-in", "0", "--no-notify"], {
      env,
    });
    await run.waitFor(
      "How bad is it right now? Type a number 0 to 10 and press Enter: 0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 the worst imaginable.",
    );
    run.press("eleven\r");
    await run.waitFor("A whole number from 0 to 10, or Enter to skip.");
    run.press("6\r");
    await run.waitFor("And now? Type a number 0 to 10 and press Enter");
    run.press("4\r");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain("Finished: Short routine");
    const history = JSON.parse(knot(["history", "--json"], { env }).stdout);
    expect(history[0]).toMatchObject({ ratings: { before: 6, after: 4 } });
  });

  it("turning the check-in off says once what it turns off", () => {
    const env = isolatedEnv();
    const off = knot(["config", "set", "checkin", "false"], { env });
    expect(off.status).toBe(0);
    expect(off.stdout).toMatch(/checkin = false\n.*getting-worse checks that need them do not run/);
    const on = knot(["config", "set", "checkin", "true"], { env });
    expect(on.stdout).toBe("checkin = true\n");
  });
});
