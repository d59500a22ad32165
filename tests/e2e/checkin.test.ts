import { describe, expect, it } from "vitest";
import { whenText } from "../../src/text/allowance.js";
import { checkinText as c } from "../../src/text/checkin.js";
import { coachText } from "../../src/text/coach.js";
import { promptText as p } from "../../src/text/prompt.js";
import { settingsText as s } from "../../src/text/settings.js";
import { openEnded } from "./pseudo.js";
import { knotInPty, shortRoutine } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const ptyEnv = () => isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
const quick = () => shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
/** Text for a regular expression that finds it as it is. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `text` as a terminal shows it once wrapped: its words in order, a line break or a space between
 * (and the line cleared where a question is drawn again).
 */
const wrapped = (text: string) =>
  new RegExp(text.split(" ").map(literal).join("(?:\\s|\u001b\\[2K)+"));

/** Runs `start` at a terminal, answering the check-in before and after with these ratings. */
async function rated(
  file: string,
  env: NodeJS.ProcessEnv,
  before: string,
  after: string,
  /** What to press at the weekly activity check, offered after the week's first session. */
  weekly?: string,
) {
  const run = knotInPty(["start", file, "--yes", "--lead-in", "0", "--no-notify"], { env });
  await run.waitFor(p.scoreQuestion(p.rating.before));
  await run.waitFor(wrapped(p.scoreScale(p.painScale)));
  run.press(`${before}\r`);
  await run.waitFor(p.scoreQuestion(p.rating.after));
  run.press(`${after}\r`);
  if (weekly !== undefined) {
    await run.waitFor(wrapped(c.flow.intro));
    run.press(weekly);
  }
  return { run, exit: await run.exited };
}

describe.concurrent("the check-in, end to end", () => {
  it("a 9 after a session shows the red flags and stops the routine until tomorrow", {
    timeout: 90_000,
  }, async () => {
    const env = ptyEnv();
    const file = quick();
    const { run, exit } = await rated(file, env, "4", "9");
    expect(exit.exitCode).toBe(0);
    const out = run.output().replace(/\r/g, "");
    const { finish } = coachText;
    expect(out).toMatch(wrapped(`${openEnded(finish.how.stoppedForToday)}: Short routine`));
    expect(out).not.toMatch(wrapped(`${openEnded(finish.how.completed)}: Short routine`));
    // until a time tomorrow, worded inside the message as whenText words it
    const tomorrow = whenText(Date.now() + 86_400_000, Date.now()).replace(
      /[\u27e6\u27e7\u00b7]/g,
      "",
    );
    // the message as said with this time tomorrow (a time is always HH:MM, so the message is
    // as long), matched with any time of day
    const message = finish.stopped(finish.rated(9, "Short routine"), tomorrow);
    const said = wrapped(message).source.replace(/\d\d:\d\d/, "\\d\\d:\\d\\d");
    expect(out).toMatch(new RegExp(said));
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

  it("a 10 after a session shows the emergency list first", { timeout: 90_000 }, async () => {
    const { run } = await rated(quick(), ptyEnv(), "", "10");
    const out = run.output();
    const after = out.slice(out.indexOf("And now, 0-10?"));
    expect(after.indexOf("Get medical help at once")).toBeGreaterThan(-1);
    expect(after.indexOf("Get medical help at once")).toBeLessThan(
      after.indexOf("stopped for today"),
    );
  });

  it("a small change after a session ends as usual", { timeout: 90_000 }, async () => {
    const { run, exit } = await rated(quick(), ptyEnv(), "3", "5", "\u001b");
    expect(exit.exitCode).toBe(0);
    expect(run.output()).toContain("Finished: Short routine");
    expect(run.output()).not.toContain("stopped for today");
  });

  it("plain mode asks the check-in as lines to type a number on, with the scale", {
    timeout: 90_000,
  }, async () => {
    const env = ptyEnv();
    const run = knotInPty(["start", quick(), "--yes", "--plain", "--lead-in", "0", "--no-notify"], {
      env,
    });
    // the question, wrapped at word boundaries to the terminal's 80 columns
    await run.waitFor(wrapped(p.scoreLines(p.rating.before, p.painScale)));
    run.press("eleven\r");
    await run.waitFor(p.scoreRetryLine(p.scoreRetry));
    run.press("6\r");
    await run.waitFor(wrapped(p.scoreLines(p.rating.after, p.painScale)));
    run.press("4\r");
    // the weekly activity check, in plain lines too: one activity named, rated, then done
    await run.waitFor(c.flow.name(1));
    run.press("turning my head to reverse\r");
    await run.waitFor(c.flow.name(2));
    run.press("\r");
    await run.waitFor(wrapped(p.scoreLines(c.flow.rate("turning my head to reverse"), c.scale)));
    run.press("3\r");
    await run.waitFor(c.flow.saved(1));
    expect((await run.exited).exitCode).toBe(0);
    const checks = JSON.parse(knot(["checkin", "--json"], { env }).stdout);
    expect(checks.checks[0].ratings).toEqual({ a1: 3 });
    expect(run.output()).toContain("Finished: Short routine");
    const history = JSON.parse(knot(["history", "--json"], { env }).stdout);
    expect(history[0]).toMatchObject({ ratings: { before: 6, after: 4 } });
  });

  it("turning the check-in off says once what it turns off", () => {
    const env = isolatedEnv();
    const off = knot(["config", "set", "checkin", "false"], { env });
    expect(off.status).toBe(0);
    expect(off.stdout).toBe(`${s.assigned("checkin", "false")}\n${s.checkinOff}\n`);
    const on = knot(["config", "set", "checkin", "true"], { env });
    expect(on.stdout).toBe(`${s.assigned("checkin", "true")}\n`);
  });

  it("the weekly check is offered once a week: Esc skips it, and the next session does not ask", {
    timeout: 90_000,
  }, async () => {
    const env = ptyEnv();
    const file = quick();
    const first = await rated(file, env, "4", "3", "\u001b");
    expect(first.exit.exitCode).toBe(0);
    const second = await rated(file, env, "3", "3");
    expect(second.exit.exitCode).toBe(0);
    expect(second.run.output()).not.toContain("weekly activity check");
    expect(JSON.parse(knot(["checkin", "--json"], { env }).stdout).checks).toEqual([]);
  });

  it("knot checkin names, renames and retires activities, keeping their ratings", () => {
    const env = isolatedEnv();
    const hostile = '<script>"x"</script> \u001b[31mred';
    expect(knot(["checkin", "--add", "reversing", "--add", hostile], { env }).status).toBe(0);
    expect(knot(["checkin", "--rate", "a1=3,a2=6"], { env }).status).toBe(0);
    const renamed = knot(["checkin", "--rename", "a1", "--to", "reversing the car"], { env });
    expect(renamed.stdout).toMatch(/a1 {2}reversing the car {2}latest 3 on/);
    // the escape sequence is taken out, as from a routine's name, never sent to the terminal
    expect(renamed.stdout).toContain('<script>"x"</script> red');
    expect(renamed.stdout).not.toContain("\u001b");
    expect(knot(["checkin", "--retire", "a2"], { env }).stdout).toMatch(/a2 .*\(retired/);
    const refused = knot(["checkin", "--rate", "a2=5"], { env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/a2 is retired: its ratings are kept/);
    const json = JSON.parse(knot(["checkin", "--json"], { env }).stdout);
    expect(json.activities[0]).toMatchObject({ id: "a1", renamed: [{ name: "reversing" }] });
    expect(json.checks).toHaveLength(1);
    expect(knot(["checkin"], { env }).stderr).toMatch(/asks its questions at a terminal/);
  });

  it("knot checkin --rate again the same day changes only that activity's rating", () => {
    const env = isolatedEnv();
    expect(knot(["checkin", "--add", "reversing", "--add", "lifting"], { env }).status).toBe(0);
    expect(knot(["checkin", "--rate", "a1=3,a2=6"], { env }).status).toBe(0);
    const again = knot(["checkin", "--rate", "a1=5"], { env });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/a2 {2}lifting {2}latest 6 on/);
    const json = JSON.parse(knot(["checkin", "--json"], { env }).stdout);
    expect(json.checks).toHaveLength(1);
    expect(json.checks[0].ratings).toEqual({ a1: 5, a2: 6 });
    expect(json.averages.map((a: { average: number }) => a.average)).toEqual([5.5]);
    const twice = knot(["checkin", "--rate", "a1=5,a1=6"], { env });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/--rate names a1 twice/);
    const empty = knot(["checkin", "--rate", ""], { env });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/--rate takes ID=SCORE pairs, a score 0-10 for each activity id/);
    expect(JSON.parse(knot(["checkin", "--json"], { env }).stdout).checks[0].ratings).toEqual({
      a1: 5,
      a2: 6,
    });
  });

  it("Esc part way through knot checkin keeps the ratings given and says so", {
    timeout: 90_000,
  }, async () => {
    const env = ptyEnv();
    expect(knot(["checkin", "--add", "reversing", "--add", "lifting"], { env }).status).toBe(0);
    const run = knotInPty(["checkin"], { env });
    await run.waitFor(wrapped(p.scoreQuestion(c.flow.rate("reversing"))));
    run.press("4\r");
    await run.waitFor(wrapped(p.scoreQuestion(c.flow.rate("lifting"))));
    run.press("\u001b");
    await run.waitFor(wrapped(c.flow.left(1, 0)));
    expect((await run.exited).exitCode).toBe(0);
    expect(JSON.parse(knot(["checkin", "--json"], { env }).stdout).checks[0].ratings).toEqual({
      a1: 4,
    });
  });

  it("knot checkin at a terminal names an activity, then asks its rating with the scale's words", {
    timeout: 90_000,
  }, async () => {
    const env = ptyEnv();
    const run = knotInPty(["checkin"], { env });
    await run.waitFor(c.flow.name(1));
    run.press("sitting through a film\r");
    await run.waitFor(c.flow.name(2));
    run.press("\r");
    await run.waitFor(wrapped(p.scoreScale(c.scale)));
    await run.waitFor(wrapped(p.scoreQuestion(c.flow.rate("sitting through a film"))));
    run.press("7\r");
    await run.waitFor(c.flow.saved(1));
    expect((await run.exited).exitCode).toBe(0);
    const json = JSON.parse(knot(["checkin", "--json"], { env }).stdout);
    expect(json.checks[0].ratings).toEqual({ a1: 7 });
    // next time only the rating is asked
    const again = knotInPty(["checkin"], { env });
    await again.waitFor(wrapped(c.flow.again));
    await again.waitFor(wrapped(p.scoreQuestion(c.flow.rate("sitting through a film"))));
    again.press("\u001b");
    expect((await again.exited).exitCode).toBe(0);
  });
});
