import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { programText } from "../../src/text/cli.js";
import { coachText as c } from "../../src/text/coach.js";
import { healthText } from "../../src/text/health.js";
import { routineText as r } from "../../src/text/routine.js";
import { sessionText } from "../../src/text/session.js";
import { stepsText as st } from "../../src/text/steps.js";
import { agoWords } from "../../src/text/time.js";
import { tempDir } from "../helpers.js";
import { knotInPty, readEvents, shortRoutine, sleep, startInPty } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const routine = () =>
  shortRoutine(
    [
      // an instruction short enough to be said within its one second (start warns otherwise)
      { name: "Reach", kind: "hold", duration: 1, instruction: "Up." },
      { name: "Tilt", kind: "hold", duration: 1, sides: true },
      { name: "Rub", kind: "massage", duration: 2, area: "upper-back" },
    ],
    { cautions: ["Go gently."] },
  );

describe.concurrent("the coach, end to end", () => {
  it("plain mode prints one line per step and a summary", () => {
    const env = isolatedEnv({}, ["red-flags", "massage"]);
    const file = routine();
    const result = knot(["start", file, "--yes", "--lead-in", "0", "--no-notify"], { env });
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    const p = sessionText.plain;
    const first = p.instruction(p.step(st.step("Reach", undefined, "1s"), 1, 4), "Up.");
    const steps = lines.indexOf(first);
    // The file's own caution, then those its massage step brings, whatever the file says.
    expect(lines.slice(0, 2)).toEqual([
      c.heading("Short routine", c.length(4, "5s")),
      `  ! ${c.caution("Go gently.")}`,
    ]);
    expect(lines.slice(2, steps).join(" ")).toMatch(
      /^ {2}! .*daily limit is 6 minutes per body area/,
    );
    expect(lines.slice(steps)).toEqual([
      first,
      p.step(st.step("Tilt", "left", "1s"), 2, 4),
      p.step(st.step("Tilt", "right", "1s"), 3, 4),
      p.step(st.step("Rub", undefined, "2s"), 4, 4),
      c.finish.summary(c.finish.how.completed, "Short routine", "0:05 of 0:05", 4, 4, 0),
      c.finish.water,
      "",
    ]);
    // start says what validate warns of, and nothing else reaches stderr: "Tilt, left side"
    // takes longer to say than its one second (3 words, about 2s)
    const warning = r.report.issue(
      r.report.warning,
      "steps[1]",
      r.limits.speechTooLong(2, 3, 1, 0),
    );
    expect(result.stderr).toBe(`${r.report.file(file)}\n${warning}\n`);
  });

  it("--yes never answers the screening: without a terminal, knot says how to answer", () => {
    const env = isolatedEnv({}, []);
    const args = ["start", routine(), "--yes", "--plain", "--lead-in", "0", "--no-notify"];
    const refused = knot(args, { env });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/both legs[\s\S]*ask a clinician first[\s\S]*pregnancy/);
    expect(refused.stderr).toMatch(/no terminal to ask in\. --yes does not answer them/);
    expect(refused.stderr).toContain("knot safety --screen --none-apply red-flags massage");
    const said = knot(["safety", "--screen", "--none-apply", "red-flags", "massage"], { env });
    expect(said.status).toBe(0);
    expect(said.stdout).toMatch(/Recorded: you said none of these applies \(red-flags, massage\)/);
    const started = knot(args, { env });
    expect(started.status).toBe(0);
    expect(started.stdout).not.toContain("ask a clinician first");
    expect(started.stdout).toContain("Finished: Short routine");
  });

  it("--events - writes one JSON line per event on stdout, the rest on stderr", () => {
    const env = isolatedEnv({}, ["red-flags", "massage"]);
    const result = knot(
      ["start", routine(), "--yes", "--lead-in", "0", "--events", "-", "--no-notify"],
      { env },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((e) => `${e.event}:${e.index}`)).toEqual([
      "session-start:0",
      "step-start:0",
      "step-end:0",
      "step-start:1",
      "step-end:1",
      "step-start:2",
      "step-end:2",
      "step-start:3",
      "step-end:3",
      "session-end:3",
    ]);
    expect(lines[0]).toMatchObject({
      routine: "short",
      count: 4,
      name: "Reach",
      kind: "hold",
      seconds: 1,
    });
    expect(lines[3]).toMatchObject({ name: "Tilt", side: "left" });
    expect(lines[4]).toMatchObject({ outcome: "done" });
    expect(lines[9]).toMatchObject({ reason: "completed" });
    for (const e of lines) expect(new Date(e.at).toISOString()).toBe(e.at);
    const starts = lines.filter((e) => e.event === "step-start").map((e) => Date.parse(e.at));
    expect(starts.map((t) => t - starts[0]!)).toEqual([0, 1000, 2000, 3000]);
    expect(result.stderr).toContain("Finished: Short routine");
  });

  it("refuses to start without a terminal unless --yes", () => {
    const result = knot(["start", routine()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no terminal to ask in[\s\S]*--yes/);
  });

  it("asks before starting at a terminal, with a check-in before and after", async () => {
    const file = shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
    const run = knotInPty(["start", file, "--lead-in", "0"], { env });
    // the check-in first, then "Start now?" last, once everything else is known
    await run.waitFor("How bad is it right now, 0-10?");
    run.press("6\r");
    await run.waitFor(c.startNow);
    run.press("\r");
    await run.waitFor("And now, 0-10?");
    run.press("4\r");
    await run.waitFor("Activity 1 (Enter when done)"); // the weekly check: Enter skips it
    run.press("\r");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain("Finished: Short routine");
    const history = knot(["history", "--json"], { env });
    expect(JSON.parse(history.stdout)[0]).toMatchObject({
      routine: "short",
      ended: "completed",
      ratings: { before: 6, after: 4 },
    });
  });

  it("counts in with a spinner; Enter starts at once", async () => {
    const run = knotInPty([
      "start",
      shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]),
      "--yes",
      "--lead-in",
      "30",
      "--no-checkin",
    ]);
    await run.waitFor("Get ready: starting in 30 s");
    run.press("\r");
    await run.waitFor("REACH");
    expect((await run.exited).exitCode).toBe(0);
  });

  it("catches up after being stopped longer than a step (SIGSTOP, SIGCONT)", async () => {
    const events = join(tempDir(), "events.jsonl");
    const file = shortRoutine([
      { name: "One", kind: "hold", duration: 4 },
      { name: "Two", kind: "hold", duration: 1 },
      { name: "Three", kind: "rest", duration: 10 },
    ]);
    const run = startInPty(file, ["--events", events]);
    await run.waitFor("ONE");
    process.kill(run.pid, "SIGSTOP");
    await sleep(7000); // longer than One and Two together
    process.kill(run.pid, "SIGCONT");
    await run.waitFor("knot was away for");
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    const log = readEvents(events);
    const jump = log.find((e) => e.event === "clock-jump");
    expect(jump?.awaySeconds).toBeGreaterThanOrEqual(6);
    const ends = log.filter((e) => e.event === "step-end").map((e) => `${e.name}:${e.outcome}`);
    expect(ends).toEqual(["One:late", "Two:late"]);
  });

  it("switches to one line when the terminal is made narrow", async () => {
    const file = shortRoutine([{ name: "Long hold", kind: "hold", duration: 20 }]);
    const run = startInPty(file, [], {
      cols: 80,
      rows: 24,
    });
    await run.waitFor("LONG HOLD");
    const from = run.output().length;
    run.resize(40, 10);
    const step = sessionText.screen.compact("1/1 ", "Long hold", "");
    await run.waitFor(new RegExp(`\\d:\\d\\d ${step.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), {
      from,
    });
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
  });

  it("--dry-run prints the steps with their start times", () => {
    const result = knot(["start", "stretch", "--dry-run", "--lead-in", "0"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe(c.dryRun.heading("Gentle back stretch", c.length(30, "9m 45s")));
    const at = (line: string | undefined) => /\d\d:\d\d:\d\d/.exec(line ?? "")?.[0] ?? "";
    expect(lines[1]).toBe(c.dryRun.step(at(lines[1]), 1, st.step("Get settled", undefined, "15s")));
    expect(lines[2]).toBe(c.dryRun.step(at(lines[2]), 2, st.step("Knee to chest", "left", "20s")));
  });

  it("picks a routine when run with no arguments at a terminal; Ctrl-C leaves", async () => {
    const run = knotInPty([]);
    await run.waitFor(c.whichRoutine);
    await run.waitFor(c.choice("Gentle back stretch", "9m 45s"));
    run.press("\u0003");
    expect((await run.exited).exitCode).toBe(130);
  });
});

// Not concurrent with the terminal suite above: these run knot with synchronous spawns, which
// block this process's event loop and, on a loaded machine, stalled the terminals' reading.
describe("knot cycle", () => {
  it.each([
    [["cycle", "cold-25"], /at most 20 minutes at a time/],
    [["cycle", "--heat", "30"], /at most 20 minutes at a time/],
    [
      ["cycle", "cold-10/off-15/x5"],
      /5 rounds of cold in one session[\s\S]*Rule: cold-rounds[\s\S]*add --force/,
    ],
    [["cycle", "cold-10/warm-5"], /not part of a cycle/],
    [["cycle", "--cold", "10", "--heat", "10"], /not both/],
    [
      ["cycle", "cold-20/off-1/x4", "--dry-run"],
      /only 1m off before the cold at step \d+[\s\S]*at least 10 minutes off[\s\S]*Rule: time-off[\s\S]*not even --force/,
    ],
    [
      ["cycle", "heat-20/off-1/x4", "--dry-run", "--force"],
      /4 heat applications: heat is for up to 3 times in 24 hours[\s\S]*not even --force/,
    ],
    [["cycle", "cold-10/off-15", "--rounds", "25"], /--rounds takes a whole number from 1 to 20/],
  ])("refuses %j with exit 2 and the reason", (args, message) => {
    const result = knot([...args, "--yes"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("--force goes past guidance, and says what it overrides", () => {
    const result = knot(["cycle", "cold-10/off-15", "x5", "--dry-run", "--force"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Overriding the guidance, as --force asks: 5 rounds of cold/);
    // never a floor: 5 minutes off is refused, --force or not
    const floor = knot(["cycle", "cold-10/off-5", "x2", "--dry-run", "--force"]);
    expect(floor.status).toBe(2);
    expect(floor.stderr).toMatch(/only 5m off[\s\S]*not even --force/);
  });

  it("--help lists the emergency signs as emergencies", () => {
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const help = flat(knot(["--help"]).stdout);
    // "Emergency: call 999 or your local emergency number, or go to A&E, for numbness,
    // tingling or weakness in both legs, ... trouble peeing or loss of bladder or bowel
    // control, chest pain ..."
    expect(help).toContain(flat(programText.care(healthText.emergencyCall)));
  });

  it("builds the cycle from the short form, with defaults from settings", () => {
    const result = knot(["cycle", "cold-10/off-15", "x3", "--dry-run"]);
    expect(result.status).toBe(0);
    // 3 rounds: 30 minutes on and 30 off, in 11 steps
    const heading = (rounds: number, steps: number, seconds: number) =>
      c.dryRun.heading(
        c.cycleName("cold", 10, 15, rounds),
        c.length(steps, st.length(seconds, true)),
      );
    expect(result.stdout.split("\n")[0]).toBe(heading(3, 11, 3600));
    expect(result.stdout).toMatch(/1\. Wrap the cold pack \(waits for you\)/);
    expect(result.stdout.match(/Check your skin/g)).toHaveLength(2);
    // every application ends with a call to take the pack off, which waits for the person
    expect(result.stdout.match(/Take the cold pack off \(waits for you\)/g)).toHaveLength(3);
    const defaults = knot(["cycle", "--dry-run"]);
    // 2 rounds: 20 minutes on and 15 off, in 7 steps
    expect(defaults.stdout.split("\n")[0]).toBe(heading(2, 7, 2100));
  });

  it("runs more than 4 rounds only with --force", () => {
    expect(knot(["cycle", "--cold", "5", "--rounds", "5", "--force", "--dry-run"]).status).toBe(0);
  });
});

describe("picking up a session cut off a moment ago", () => {
  it("says 'just now', asks about the neck, and does not ask 'Start now?' after 'Pick up'", {
    timeout: 60_000,
  }, async () => {
    // the red flags before a stretch hold for days; the neck's are asked at every session
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, ["red-flags"]);
    const file = shortRoutine([
      { name: "First", kind: "hold", duration: 1, area: "neck" },
      { name: "Second", kind: "hold", duration: 20, area: "neck" },
      { name: "Third", kind: "hold", duration: 1, area: "neck" },
    ]);
    const first = startInPty(file, ["--no-resume"], { env });
    await first.waitFor("Do any of these apply to you now?");
    first.press("\r");
    await first.waitFor("SECOND");
    first.signal("SIGTERM");
    expect((await first.exited).exitCode).toBe(143);

    const run = knotInPty(["start", file, "--lead-in", "0", "--no-checkin"], { env });
    await run.waitFor(c.resume.question);
    // said wrapped to the terminal's width: compared with its line breaks as spaces
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const cutOff = c.resume.cutOff("Short routine", agoWords(0), 2, 3, "Second");
    expect(flat(run.output())).toContain(flat(cutOff));
    run.press("\r");
    await run.waitFor("Do any of these apply to you now?");
    const mark = run.output().length;
    run.press("\r");
    await run.waitFor("SECOND", { from: mark });
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).not.toContain(c.startNow);
  });
});
