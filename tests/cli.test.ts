import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli.js";
import { routineJson, testContext } from "./helpers.js";

// In-process runs of the command line: parsing, exit codes and output, without a subprocess.
describe("knot (in process)", () => {
  it("lists routines as an aligned table", async () => {
    const { ctx, stdout } = testContext();
    expect(await run(["list"], ctx)).toBe(0);
    const lines = stdout.text().split("\n");
    expect(lines[0]).toMatch(/^ID\s+NAME\s+CATEGORY\s+TIME\s+AREAS$/);
    expect(lines.find((l) => l.startsWith("stretch"))).toMatch(
      /Gentle back stretch\s+stretch\s+9m 45s\s+lower-back/,
    );
  });

  it("filters by category and prints JSON for scripts", async () => {
    const { ctx, stdout } = testContext();
    expect(await run(["list", "--category", "massage", "--json"], ctx)).toBe(0);
    const data = JSON.parse(stdout.text());
    expect(data.routines.map((r: { id: string }) => r.id)).toEqual(["fingertips", "tennis-ball"]);
    expect(data.routines[0]).toMatchObject({
      category: "massage",
      origin: "built-in",
      totalSeconds: 155,
    });
  });

  it("shows a user's broken routine file in list without hiding the others", async () => {
    const { ctx, stdout } = testContext();
    const dir = join(ctx.paths.config, "routines");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "oops.json"), '{"id": "oops",');
    writeFileSync(
      join(dir, "stretch.json"),
      JSON.stringify(routineJson({ id: "stretch", name: "My stretch" })),
    );
    expect(await run(["list"], ctx)).toBe(0);
    const text = stdout.text();
    expect(text).toMatch(/stretch\s+My stretch \(custom, replaces built-in\)/);
    expect(text).toContain("heat");
    expect(text).toMatch(/problems[\s\S]*oops\.json\n\s+not valid JSON at line 1/);
  });

  it("shows a routine with repeats and sides compactly", async () => {
    const { ctx, stdout } = testContext({ columns: 80 });
    expect(await run(["show", "stretch"], ctx)).toBe(0);
    const text = stdout.text();
    expect(text).toMatch(/2 × Knee to chest\s+20s each side\s+hold/);
    expect(text).toMatch(/2 rounds of:\n\s+Chest opener\s+20s/);
    expect(text).toMatch(/Total 9m 45s/);
    expect(text).toMatch(/Cautions\n {2}! Stretch to mild tension/);
  });

  it("includes the expanded timeline in show --json", async () => {
    const { ctx, stdout } = testContext();
    expect(await run(["show", "cold-cycle", "--json"], ctx)).toBe(0);
    const data = JSON.parse(stdout.text());
    // 10 on, 15 off, 10 on, then a short rest: no idle break at the end
    expect(data.totalSeconds).toBe(600 + 900 + 600 + 30);
    expect(data.timeline[0]).toEqual({
      name: "Wrap the cold pack",
      kind: "prepare",
      seconds: null,
      pose: "cold-pack",
      instruction: expect.stringContaining("damp towel"),
    });
    expect(data.timeline.filter((t: { kind: string }) => t.kind === "cold")).toHaveLength(2);
    // what runs: each application followed by the call to take the pack off, which waits
    const calls = data.timeline.filter((t: { packOff?: string }) => t.packOff === "cold");
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ kind: "prepare", seconds: null });
    const second = data.timeline.findIndex(
      (t: { kind: string }, i: number) => t.kind === "cold" && i > 2,
    );
    expect(data.timeline[second - 1].questions).toEqual(
      expect.arrayContaining([expect.any(String)]),
    );
  });

  it("exits 2 with suggestions for an unknown routine", async () => {
    const { ctx, stderr, stdout } = testContext();
    expect(await run(["show", "tenis"], ctx)).toBe(2);
    expect(stderr.text()).toMatch(
      /knot: There is no routine called "tenis". Did you mean "tennis-ball"\?/,
    );
    expect(stdout.text()).toBe("");
  });

  it("validates files: ok, errors per file, exit code", async () => {
    const { ctx, stdout, root } = testContext();
    writeFileSync(join(root, "good.json"), JSON.stringify(routineJson()));
    writeFileSync(
      join(root, "bad.json"),
      JSON.stringify(
        routineJson({ id: "bad", steps: [{ name: "a", kind: "hold", duration: "10 mins" }] }),
      ),
    );
    expect(await run(["validate", "good.json"], ctx)).toBe(0);
    expect(stdout.text()).toBe("ok  good.json\n");
    expect(await run(["validate", "good.json", "bad.json"], ctx)).toBe(2);
    expect(stdout.text()).toContain(
      'error  bad.json has a problem:\n  steps[0].duration: "10 mins" is not a duration; did you mean "10m"?',
    );
  });

  it("validate reports files giving the same id, and resolves includes among them", async () => {
    const { ctx, stdout, root } = testContext();
    writeFileSync(join(root, "a.json"), JSON.stringify(routineJson({ id: "a" })));
    writeFileSync(
      join(root, "b.json"),
      JSON.stringify(routineJson({ id: "b", steps: [{ routine: "a" }] })),
    );
    writeFileSync(join(root, "c.json"), JSON.stringify(routineJson({ id: "a" })));
    expect(await run(["validate", "a.json", "b.json"], ctx)).toBe(0);
    const before = stdout.text().length;
    expect(await run(["validate", "a.json", "c.json", "--json"], ctx)).toBe(2);
    const report = JSON.parse(stdout.text().slice(before));
    expect(report.ok).toBe(false);
    expect(report.files[1].issues[0].message).toMatch(/used by another file/);
  });

  it("sets, gets and unsets settings; refuses bad values with the valid choices", async () => {
    const { ctx, stdout, stderr } = testContext();
    expect(await run(["config", "set", "leadIn", "8"], ctx)).toBe(0);
    expect(await run(["config", "get", "leadIn"], ctx)).toBe(0);
    expect(stdout.text()).toBe("leadIn = 8\n8\n");
    expect(await run(["config", "set", "display", "fancy"], ctx)).toBe(2);
    expect(stderr.text()).toMatch(/display must be one of full, compact, plain/);
    expect(await run(["config", "get", "nope"], ctx)).toBe(2);
    expect(await run(["config", "unset", "leadIn"], ctx)).toBe(0);
    expect(stdout.text()).toMatch(/leadIn = 5 \(default\)\n$/);
  });

  it("config list --json gives every setting", async () => {
    const { ctx, stdout } = testContext();
    expect(await run(["config", "list", "--json"], ctx)).toBe(0);
    expect(JSON.parse(stdout.text())).toEqual({
      leadIn: 5,
      sound: true,
      voice: false,
      voiceWords: "instructions",
      notify: true,
      display: "full",
      "cold.minutes": 10,
      "cold.offMinutes": 15,
      "cold.rounds": 2,
      "massage.dailyLimitMinutes": 6,
      checkin: true,
    });
  });

  it("exits 2 on an unknown command or option, 0 for help", async () => {
    const { ctx, stderr } = testContext();
    expect(await run(["strat"], ctx)).toBe(2);
    expect(await run(["list", "--bogus"], ctx)).toBe(2);
    expect(stderr.text()).toMatch(/unknown option '--bogus'/);
    expect(await run(["help", "show"], ctx)).toBe(0);
  });

  it("knot help <unknown> says so and suggests the nearest command", async () => {
    const { ctx, stderr } = testContext();
    expect(await run(["help", "strat"], ctx)).toBe(2);
    expect(stderr.text()).toMatch(
      /There is no command "strat"\. Did you mean "stats" or "start"\?/,
    );
  });

  it.each([
    "start",
    "cycle",
    "list",
    "show",
    "validate",
    "history",
    "stats",
    "today",
    "safety",
    "config",
  ])("knot %s --help ends with its exit codes", async (command) => {
    const { ctx, stdout } = testContext();
    expect(await run([command, "--help"], ctx)).toBe(0);
    // the last paragraph, wrapped to the 80 columns of a pipe
    const text = stdout.text().trimEnd();
    const last = text.slice(text.lastIndexOf("\n\n") + 2);
    expect(last.replace(/\n/g, " ")).toMatch(/^Exit codes: 0 .*2 bad input/);
    expect(text.split("\n").filter((line) => line.length > 80)).toEqual([]);
  });

  it("colours output only when asked", async () => {
    const plain = testContext({ isTTY: true, color: false });
    await run(["list"], plain.ctx);
    expect(plain.stdout.text()).not.toContain("\u001b[");
    const coloured = testContext({ isTTY: true, color: true });
    await run(["list"], coloured.ctx);
    expect(coloured.stdout.text()).toContain("\u001b[");
  });
});
