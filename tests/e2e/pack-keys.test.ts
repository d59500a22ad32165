import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { knotInPty, readEvents, shortRoutine, sleep } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

// The built knot in a real pseudo-terminal: the keys at "take the pack off", and the 10
// minutes off that follow it into the next session.
describe("a pack at a real terminal", () => {
  it("b and n do not put the pack back on or take it as off; Enter does, and the floor follows", {
    timeout: 60_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, [
      "red-flags",
      "neck",
      "cold",
    ]);
    const events = join(tempDir(), "events.jsonl");
    const file = shortRoutine(
      [
        { name: "Wrap the pack", kind: "prepare", instruction: "Wrap it in a damp towel." },
        { name: "Cold pack on", kind: "cold", duration: 2 },
      ],
      { category: "cold" },
    );
    const args = ["start", file, "--yes", "--lead-in", "0", "--no-checkin", "--skin-checked"];
    const run = knotInPty([...args, "--events", events], { env });
    // the red flags are about now: shown before every cold session, one key for none
    await run.waitFor("Do any of these apply to you now?");
    run.press("\r");
    await run.waitFor("WRAP THE PACK");
    run.press("\r");
    await run.waitFor("TAKE THE COLD PACK OFF NOW");
    // (the screen is redrawn cell by cell, so the refusals are read from the event log)
    const refusals = () => readEvents(events).filter((e) => e.event === "refused");
    const until = async (n: number) => {
      for (let i = 0; i < 100 && refusals().length < n; i++) await sleep(50);
    };
    run.press("b");
    await until(1);
    run.press("n");
    await until(2);
    // knot logs an event before it draws it, and the terminal's output reaches this test
    // later still: the notice is waited for, not expected at the moment the log has it
    await run.waitFor("Take the pack off first");
    await sleep(1500);
    const confirmedAt = Date.now();
    run.press("\r");
    expect((await run.exited).exitCode).toBe(0);
    expect(refusals().map((e) => [e.command, e.rule])).toEqual([
      ["back", "pack-off"],
      ["next", "pack-off"],
    ]);
    expect(readEvents(events).at(-1)).toMatchObject({ event: "session-end", reason: "completed" });
    // the pack counts as off when Enter was pressed, not when its step ended
    const today = JSON.parse(knot(["today", "--json"], { env }).stdout);
    const off = Date.parse(today.thermal[0].lastEndedAt);
    expect(Math.abs(off - confirmedAt)).toBeLessThan(1000);
    expect(today.thermal[0]).toMatchObject({ kind: "cold", allowedNow: false });
    // and the next application, in another session, waits for the 10 minutes off
    const again = knot([...args, "--plain"], { env });
    expect(again.status).toBe(3);
    expect(again.stdout).toMatch(/last cold came off less than 10 minutes ago/);
  });
});
