import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const FLAGS = "Do any of these apply to you now?";

describe("the red flags before every self-massage, at a terminal", () => {
  it("a tennis-ball session shows them on two starts in a row; one key passes them", {
    timeout: 60_000,
  }, async () => {
    // the massage list was answered before (it lasts 30 days); the red flags never last
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, ["red-flags", "massage"]);
    const args = ["start", "tennis-ball", "--yes", "--lead-in", "0", "--no-checkin"];
    for (const start of [1, 2]) {
      const run = knotInPty(args, { env, cols: 100, rows: 40 });
      await run.waitFor(FLAGS);
      expect(run.output(), `start ${start}`).toMatch(/erection[\s\S]*cough, sneeze/);
      expect(run.output()).not.toContain("Does any of these apply to you?");
      const mark = run.output().length;
      run.press("\r"); // "No, none of these"
      await run.waitFor(/SET UP THE BALL|Set up the ball/, { from: mark });
      run.press("q");
      expect((await run.exited).exitCode).toBe(3);
    }
    const recorded = readFileSync(join(env.XDG_DATA_HOME!, "knot", "screening.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(recorded.map((e) => [e.lists, e.answer, e.via])).toEqual([
      [["red-flags"], "none", "session"],
      [["red-flags"], "none", "session"],
    ]);
    const json = JSON.parse(knot(["safety", "--json"], { env }).stdout);
    const sessions = json.recentAnswers.filter((e: { via: string }) => e.via === "session");
    expect(sessions).toHaveLength(2);
    expect(sessions[1].at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe("an unattended start after the neck's flags were answered at a terminal", () => {
  it("counts a 'none of these' given at a session, and refuses after a 'yes'", {
    timeout: 60_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, []);
    const routine = shortRoutine([{ name: "Tilt", kind: "hold", duration: 1, area: "neck" }]);
    expect(knot(["safety", "--screen", "--none-apply"], { env }).status).toBe(0);
    const unattended = () =>
      knot(["start", routine, "--plain", "--yes", "--lead-in", "0", "--no-checkin"], { env });
    const atTerminal = async (key: string) => {
      const run = knotInPty(
        ["start", routine, "--plain", "--yes", "--lead-in", "0", "--no-checkin"],
        {
          env,
        },
      );
      await run.waitFor(FLAGS);
      run.press(key);
      return (await run.exited).exitCode;
    };
    // 1: "No, none of these"
    expect(await atTerminal("1\r")).toBe(0);
    const recorded = () =>
      readFileSync(join(env.XDG_DATA_HOME!, "knot", "screening.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line))
        .at(-1);
    expect(recorded()).toMatchObject({ lists: ["neck"], answer: "none", via: "session" });
    const after = unattended();
    expect(after.stderr).not.toContain("no terminal to ask in");
    expect(after.status).toBe(0);
    // 3: one that needs help the same day: the next unattended start is refused
    expect(await atTerminal("3\r")).not.toBe(0);
    expect(recorded()).toMatchObject({ lists: ["neck"], answer: "soon" });
    const refused = unattended();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("no terminal to ask in");
  });
});
