import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

// one at a time: most run knot with synchronous spawns, which would stall the terminal test
describe("rough edges a newcomer hit", () => {
  it("the picker opens on the gentlest routine", { timeout: 30_000 }, async () => {
    const run = knotInPty([], { env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }) });
    await run.waitFor("Which routine?");
    await run.waitFor(/❯ Gentle back stretch/);
    run.signal("SIGTERM");
    await run.exited;
  });

  it("--lead-in accepts what the setting accepts", () => {
    const result = knot(["start", "stretch", "--yes", "--lead-in", "61", "--dry-run"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--lead-in takes a whole number from 0 to 60/);
    expect(knot(["start", "stretch", "--lead-in", "60", "--dry-run"]).status).toBe(0);
  });

  it("knot list --area lists the routines for that area", () => {
    const result = knot(["list", "--area", "neck"]);
    expect(result.status).toBe(0);
    const ids = result.stdout
      .split("\n")
      .slice(1)
      .map((l) => l.split(/\s+/)[0])
      .filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    for (const line of result.stdout.split("\n").filter((l) => /^[a-z]/.test(l))) {
      expect(line).toMatch(/neck/);
    }
    expect(knot(["list", "--area", "nek"]).stderr).toMatch(/Did you mean "neck"/);
  });

  it("knot list says how to make the routines folder it names", () => {
    const result = knot(["list"]);
    expect(result.stdout).toMatch(/Your own routines go in (\S+) \(not made yet: mkdir -p \1\)/);
  });

  it("no count-in before a step that waits for Enter", () => {
    const file = shortRoutine([
      { name: "Set up", kind: "prepare", instruction: "Get the mat." },
      { name: "A", kind: "hold", duration: 1 },
    ]);
    const result = knot(["start", file, "--yes", "--lead-in", "5", "--plain", "--no-notify"], {
      input: "\n",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/Get ready/);
  });

  it("'have a glass of water' only after massage was done", () => {
    const file = shortRoutine(
      [
        { name: "Warm up", kind: "hold", duration: 1 },
        { name: "Roll", kind: "massage", duration: 30, area: "upper-back" },
      ],
      { category: "massage", areas: ["upper-back"] },
    );
    const env = isolatedEnv({}, ["red-flags", "neck", "massage"]);
    // quit during the warm-up: no massage was done
    const result = knot(["start", file, "--yes", "--lead-in", "0", "--plain", "--no-notify"], {
      env,
      input: "q\n",
    });
    expect(result.stdout + result.stderr).toMatch(/Stopped/);
    expect(result.stdout).not.toMatch(/glass of water/);
    // with a second of massage done, it is said
    const done = shortRoutine(
      [{ name: "Roll", kind: "massage", duration: 1, area: "upper-back" }],
      {
        category: "massage",
        areas: ["upper-back"],
      },
    );
    const after = knot(["start", done, "--yes", "--lead-in", "0", "--plain", "--no-notify"], {
      env,
    });
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toMatch(/glass of water/);
  });

  it("today says 'pack on since' while a pack is on in a running session", {
    timeout: 30_000,
  }, async () => {
    const env = isolatedEnv({}, ["red-flags", "neck", "cold"]);
    const file = shortRoutine(
      [
        { name: "Wrap", kind: "prepare", instruction: "Wrap the pack." },
        { name: "Cold", kind: "cold", duration: 30 },
      ],
      { category: "cold", areas: ["lower-back"] },
    );
    const args = ["start", file, "--yes", "--skin-checked", "--lead-in", "0", "--plain"];
    const child = spawn(process.execPath, [KNOT_BIN, ...args, "--no-notify", "--no-sound"], {
      env,
    });
    let seen = "";
    const cold = new Promise<void>((resolve) =>
      child.stdout.on("data", (d) => {
        seen += d;
        if (seen.includes("Press Enter")) child.stdin.write("\n");
        if (/\[2\/\d+\] Cold/.test(seen)) resolve();
      }),
    );
    await cold;
    const today = knot(["today"], { env }).stdout;
    child.kill("SIGTERM");
    await new Promise((r) => child.on("close", r));
    expect(today).toMatch(/Cold: pack on since \d\d:\d\d/);
    expect(today).not.toMatch(/\(0s ago\)|last ended/);
  });
});
