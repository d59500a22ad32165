import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coachText as c } from "../../src/text/coach.js";
import { historyText } from "../../src/text/history.js";
import { tempDir } from "../helpers.js";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

// one at a time: most run knot with synchronous spawns, which would stall the terminal test
describe("rough edges a newcomer hit", () => {
  it("the picker opens on the gentlest routine", { timeout: 90_000 }, async () => {
    const run = knotInPty([], { env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }) });
    await run.waitFor(c.whichRoutine);
    await run.waitFor(`❯ ${c.choice("Gentle back stretch", "9m 45s")}`);
    run.signal("SIGTERM");
    await run.exited;
  });

  it("the cautions before a session wrap once, at word boundaries, each hanging under its text", {
    timeout: 90_000,
  }, async () => {
    // a terminal wider than the 80 columns knot talks in
    const run = knotInPty(["start", "stretch"], {
      cols: 120,
      rows: 60,
      env: isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }),
    });
    await run.waitFor(/Do any of these apply|Start now/);
    const lines = run
      .output()
      .split(/\r?\n/)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's own codes
      .map((l) => l.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "").trimEnd());
    // the routine's own caution, as knot shows it: its first words after the mark
    const caution = c.caution(
      "With osteoporosis, skip the knee-to-chest stretch, and bend or twist only gently, never to the end of the range.",
    );
    const at = lines.findIndex((l) => l.includes(`! ${caution.slice(0, 20)}`));
    expect(at).toBeGreaterThan(-1);
    // the caution's next lines hang under its text until it ends: never a line back at the mark
    const rest = lines.slice(
      at + 1,
      lines.findIndex((l, i) => i > at && l.includes(caution.split(" ").at(-1)!)) + 1,
    );
    expect(rest.length).toBeGreaterThan(0);
    for (const line of rest) expect(line).toMatch(/^ {4}\S/);
    for (const line of lines.slice(0, at + rest.length + 1))
      expect(line.length).toBeLessThanOrEqual(80);
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
    timeout: 90_000,
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

  it("dates and times in one style, 24-hour, whatever the locale", () => {
    // a locale whose own style is 12-hour, and no scheduler (the reminder is kept in settings)
    const env = isolatedEnv(
      { LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8", PATH: tempDir("knot-empty-bin-") },
      ["red-flags", "neck", "cold"],
    );
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const session = (id: string, minutesAgo: number, kind: string) => ({
      v: 1,
      id,
      routine: id,
      name: id,
      category: kind,
      areas: ["upper-back"],
      sides: [],
      startedAt: at(minutesAgo),
      endedAt: at(minutesAgo - 1),
      plannedSeconds: 60,
      doneSeconds: 60,
      ended: "completed",
      ratings: { before: 4, after: 3 },
      steps: [{ name: "s", planned: 60, done: 60, outcome: "done", at: at(minutesAgo), kind }],
      stoppedAt: 0,
    });
    const data = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(data, { recursive: true });
    writeFileSync(
      join(data, "history.jsonl"),
      `${[session("ice", 15, "cold"), session("roll", 3 * 24 * 60, "massage")].map((r) => JSON.stringify(r)).join("\n")}\n`,
    );
    const once = knot(["remind", "cold"], { env }); // a reminder at one time: "once, at ..."
    expect(once.status, once.stderr).toBe(0);
    knot(["remind", "fire", "r1"], { env }); // before its time: logged as quiet
    const outputs = [
      once.stdout,
      ...[["today"], ["history"], ["stats"], ["remind", "list"], ["remind", "log"], ["safety"]].map(
        (args) => {
          const result = knot(args, { env });
          expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(0);
          return result.stdout + result.stderr;
        },
      ),
    ].join("\n");
    expect(outputs).not.toMatch(/\b(AM|PM|[ap]\.m\.)(?![a-z])/); // no 12-hour clock
    expect(outputs).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/); // no locale dates
    expect(outputs).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d/);
    // dates as 2026-11-30 09:00 and times as 14:05, in history, reminders and today alike
    expect(outputs).toMatch(/once, at \d{4}-\d\d-\d\d \d\d:\d\d/);
    // knot history's row: the date and time, then the routine's name as its column shows it
    const ice = historyText.name("ice").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(outputs).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d {2}${ice}`, "m"));
    expect(outputs).toMatch(/Cold: last ended \d\d:\d\d/);
  });
});
