import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coachText as c } from "../../src/text/coach.js";
import { filesText } from "../../src/text/files.js";
import { promptText } from "../../src/text/prompt.js";
import { sessionText } from "../../src/text/session.js";
import { tempDir } from "../helpers.js";
import { knotInPty, RESTORE, readEvents, shortRoutine, sleep, startInPty } from "./pty.js";
import { isolatedEnv, writeScreening } from "./run-knot.js";

/** Text as a pattern: `holes` (placeholders in it) match their own patterns. */
const pattern = (text: string, holes: Record<string, string> = {}) => {
  let source = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const [hole, match] of Object.entries(holes)) source = source.replace(hole, match);
  return new RegExp(source);
};
/** Wrapped lines read as one: line breaks and the spaces around them as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ");
/** "Start now? [Y/n]" as asked, in the language knot speaks. */
const startNow = `${c.startNow} ${promptText.yesNo.yes}`;

// The built knot in a real pseudo-terminal, pressing real keys.
const twoSteps = () =>
  shortRoutine([
    { name: "Stretch one", kind: "hold", duration: 3, instruction: "Hold gently." },
    { name: "Stretch two", kind: "hold", duration: 2 },
  ]);

const expectRestored = (output: string) => {
  const tail = output.slice(output.lastIndexOf(RESTORE.altScreenLeft) - 20);
  expect(tail).toContain(RESTORE.cursorShown);
  expect(output.lastIndexOf(RESTORE.altScreenLeft)).toBeGreaterThan(
    output.lastIndexOf("\u001b[?1049h"),
  );
};

describe.concurrent("knot start at a terminal", () => {
  it("pause holds the time: nothing moves until space is pressed again", async () => {
    const events = join(tempDir(), "events.jsonl");
    const file = shortRoutine([
      { name: "Stretch one", kind: "hold", duration: 4 },
      { name: "Stretch two", kind: "hold", duration: 1 },
    ]);
    const run = startInPty(file, ["--events", events]);
    await run.waitFor("STRETCH ONE");
    await sleep(1200);
    run.press(" ");
    await run.waitFor("PAUSED");
    await sleep(300);
    const during = run.output().length;
    await sleep(2500);
    expect(run.output().length).toBe(during); // no redraw: the time stands still
    run.press(" ");
    expect((await run.exited).exitCode).toBe(0);
    const log = readEvents(events);
    const at = (type: string, index = 0) =>
      Date.parse(log.find((e) => e.event === type && e.index === index)?.at as string);
    expect(log.map((e) => e.event)).toEqual([
      "session-start",
      "step-start",
      "pause",
      "resume",
      "step-end",
      "step-start",
      "step-end",
      "session-end",
    ]);
    const paused = at("resume") - at("pause");
    expect(paused).toBeGreaterThan(2500);
    expect(at("step-end") - at("step-start")).toBeGreaterThanOrEqual(4000 + paused - 50);
    expectRestored(run.output());
  });

  it("n skips ahead and b goes back to the start of the previous step", async () => {
    const events = join(tempDir(), "events.jsonl");
    const file = shortRoutine([
      { name: "First", kind: "hold", duration: 30 },
      { name: "Second", kind: "hold", duration: 30 },
    ]);
    const run = startInPty(file, ["--events", events]);
    await run.waitFor("FIRST");
    run.press("n");
    await run.waitFor("SECOND");
    let from = run.output().length;
    run.press("\u001b[D"); // left arrow: back
    await run.waitFor("FIRST", { from });
    from = run.output().length;
    run.press("\u001b[C"); // right arrow: next
    await run.waitFor("SECOND", { from });
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    const log = readEvents(events).map((e) => `${e.event}:${e.index}`);
    expect(log).toEqual([
      "session-start:0",
      "step-start:0",
      "skip:0",
      "step-end:0",
      "step-start:1",
      "back:0",
      "step-start:0",
      "skip:0",
      "step-end:0",
      "step-start:1",
      "session-end:1",
    ]);
    // the time done is a few seconds: "0:0<digit> of 1:00"
    const stopped = c.finish.summary(c.finish.how.quit, "Short routine", "0:00 of 1:00", 0, 2, 1);
    expect(flat(run.output())).toMatch(pattern(stopped, { "0:00": "0:0\\d" }));
  });

  it("q quits with exit 3 and gives the terminal back", async () => {
    const run = startInPty(twoSteps());
    await run.waitFor("STRETCH ONE");
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    expectRestored(run.output());
  });

  it("x stops at once and shows when to get help", async () => {
    const run = startInPty(twoSteps());
    await run.waitFor("STRETCH ONE");
    run.press("x");
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).toContain("Stopped (it hurts)");
    expect(run.output()).toContain("Get medical help at once");
    expect(run.output()).toContain("numbness, tingling or weakness in both legs");
    expectRestored(run.output());
  });

  it("Ctrl-C quits with exit 130", async () => {
    const run = startInPty(twoSteps());
    await run.waitFor("STRETCH ONE");
    run.press("\u0003");
    expect((await run.exited).exitCode).toBe(130);
    expectRestored(run.output());
  });

  it("SIGTERM restores the terminal, prints a summary line, and exits 143", async () => {
    const run = startInPty(twoSteps());
    await run.waitFor("STRETCH ONE");
    run.signal("SIGTERM");
    expect((await run.exited).exitCode).toBe(143);
    expectRestored(run.output());
    expect(run.output()).toMatch(/Interrupted: Short routine/);
  });

  it("SIGHUP exits 129", async () => {
    const run = startInPty(twoSteps());
    await run.waitFor("STRETCH ONE");
    run.signal("SIGHUP");
    expect((await run.exited).exitCode).toBe(129);
  });
});

describe("? in plain mode", () => {
  it("says the keys' line once for each press, paused or not", { timeout: 30_000 }, async () => {
    const file = shortRoutine([{ name: "Stretch one", kind: "hold", duration: 30 }]);
    const run = startInPty(file, ["--plain"]);
    const keysLine = new RegExp(sessionText.keys.hintsFull.replace(/[?+/]/g, "\\$&"), "g");
    const said = () => run.output().match(keysLine)?.length ?? 0;
    await run.waitFor("Stretch one");
    run.press("?");
    await run.waitFor(keysLine);
    run.press(" ");
    await run.waitFor(/paused/i);
    const mark = run.output().length;
    run.press("?");
    await run.waitFor(keysLine, { from: mark });
    await sleep(1200);
    expect(said()).toBe(2);
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
  });
});

// "Start now?" without --yes: the question every session begins with.
const askToStart = (env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" })) =>
  knotInPty(["start", twoSteps(), "--lead-in", "0", "--no-checkin"], { env });

describe.concurrent("every yes/no question takes the same keys", () => {
  it("Enter takes the default shown in capitals: 'Start now? [Y/n]' starts", async () => {
    const run = askToStart();
    await run.waitFor(startNow);
    run.press("\r");
    await run.waitFor("STRETCH ONE");
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
  });

  it("N says no: not started, exit 0", async () => {
    const run = askToStart();
    await run.waitFor(startNow);
    run.press("N");
    expect((await run.exited).exitCode).toBe(0);
    const said = `${startNow} ${promptText.answered.no}\n${c.notStarted}`;
    expect(run.output()).toMatch(pattern(said, { "\n": "\\r?\\n" }));
  });

  it("an arrow key or another letter answers nothing; Y does", async () => {
    const run = askToStart();
    await run.waitFor(startNow);
    run.press("\u001b[A");
    run.press("s");
    await sleep(300);
    expect(run.output()).not.toContain("STRETCH ONE");
    run.press("Y");
    await run.waitFor("STRETCH ONE");
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
  });

  it("Esc leaves as Ctrl-C does, without the signal's exit code", async () => {
    const run = askToStart();
    await run.waitFor(startNow);
    run.press("\u001b");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain(promptText.cancelled);
  });

  it("Ctrl-C cancels with exit 130", async () => {
    const run = askToStart();
    await run.waitFor(startNow);
    run.press("\u0003");
    expect((await run.exited).exitCode).toBe(130);
  });

  it("a question whose default is no says [y/N], and Enter keeps the history", async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
    const run = knotInPty(["history", "--clear"], { env });
    await run.waitFor(promptText.yesNo.no);
    // the question, as the text layer words it (wrapped lines read as one)
    const folder = join(env.XDG_DATA_HOME!, "knot", "history");
    expect(flat(run.output())).toContain(
      `${flat(filesText.clearAsk(folder))} ${promptText.yesNo.no}`,
    );
    run.press("\r");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toMatch(
      pattern(`${promptText.yesNo.no} ${promptText.answered.no}\n${filesText.nothingCleared}`, {
        "\n": "\\r?\\n",
      }),
    );
  });
});

describe("after 'Start anyway?' for cold again within 2 hours", () => {
  it("a yes starts the session: 'Start now?' is not asked a second time", {
    timeout: 90_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, []);
    writeScreening(join(env.XDG_CONFIG_HOME!, "knot"), ["red-flags", "neck", "cold"]);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const cold = {
      v: 1,
      id: "ice",
      routine: "ice",
      name: "ice",
      category: "cold",
      areas: ["upper-back"],
      sides: [],
      startedAt: at(15),
      endedAt: at(14),
      plannedSeconds: 60,
      doneSeconds: 60,
      ended: "completed",
      ratings: {},
      steps: [{ name: "s", planned: 60, done: 60, outcome: "done", at: at(15), kind: "cold" }],
      stoppedAt: 0,
    };
    const data = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "history.jsonl"), `${JSON.stringify(cold)}\n`);
    const run = knotInPty(
      ["cycle", "cold-5", "x1", "--area", "upper-back", "--skin-checked", "--no-checkin"],
      { env },
    );
    await run.waitFor("Do any of these apply to you now?"); // the red flags, shown before cold
    run.press("\r");
    await run.waitFor(`${c.preflight.startAnyway} ${promptText.yesNo.no}`);
    run.press("y");
    await run.waitFor(sessionText.screen.pressEnter);
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).not.toContain(c.startNow);
  });
});
