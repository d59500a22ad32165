import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allowanceText, clockTime } from "../../src/text/allowance.js";
import { coachText } from "../../src/text/coach.js";
import { historyText } from "../../src/text/history.js";
import { statsText } from "../../src/text/progress.js";
import { promptText } from "../../src/text/prompt.js";
import { safetyText } from "../../src/text/safety.js";
import { recordTimeWords } from "../../src/text/time.js";
import { openEnded } from "./pseudo.js";
import { knotInPty, shortRoutine, sleep, startInPty } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot, minuteRecord } from "./run-knot.js";

const ptyEnv = () => isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
const threeSteps = () =>
  shortRoutine([
    { name: "First", kind: "hold", duration: 1 },
    { name: "Second", kind: "hold", duration: 20 },
    { name: "Third", kind: "hold", duration: 1 },
  ]);
/** A finished one-second session, recorded in env's history. */
const oneStepSession = (env: NodeJS.ProcessEnv) =>
  knot(
    [
      "start",
      shortRoutine([{ name: "Only", kind: "hold", duration: 1 }]),
      "--yes",
      "--lead-in",
      "0",
    ],
    { env },
  );
const records = (env: NodeJS.ProcessEnv) => JSON.parse(knot(["history", "--json"], { env }).stdout);

/** Starts a session in a pty and ends it the given way once it reaches the second step. */
async function endWith(
  env: NodeJS.ProcessEnv,
  file: string,
  end: (run: ReturnType<typeof knotInPty>) => void,
) {
  const run = startInPty(file, ["--no-resume"], {
    env,
  });
  await run.waitFor("SECOND");
  end(run);
  return (await run.exited).exitCode;
}

// Sequential: these runs take turns with the pseudo-terminal tests in other files.
/** The safety screening's questions: the red flags (and the neck's), and an ask-first list. */
const flagsQuestion = safetyText.screenQuestion(["red-flags"]).message;
const askFirstQuestion = safetyText.screenQuestion(["massage"]).message;

/** `text` as a terminal shows it once wrapped: its words in order, a line break or a space between. */
const shown = (text: string) => text.split(" ").map(literal).join("\\s+");

/** Text for a regular expression that finds it as it is. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Wrapped lines read as one: line breaks and the spaces around them as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("history, end to end", () => {
  it("records every session, whatever its end", { timeout: 60_000 }, async () => {
    const env = ptyEnv();
    const file = threeSteps();
    expect(oneStepSession(env).status).toBe(0);
    expect(await endWith(env, file, (run) => run.press("q"))).toBe(3);
    expect(await endWith(env, file, (run) => run.press("x"))).toBe(3);
    expect(await endWith(env, file, (run) => run.signal("SIGTERM"))).toBe(143);
    expect(await endWith(env, file, (run) => run.signal("SIGHUP"))).toBe(129);
    const all = records(env);
    expect(all.map((r: { ended: string }) => r.ended)).toEqual([
      "interrupted",
      "interrupted",
      "pain",
      "quit",
      "completed",
    ]);
    expect(all[0]).toMatchObject({ routine: "short", stoppedAt: 1, plannedSeconds: 22 });
    expect(all[0].steps.map((s: { outcome: string }) => s.outcome)).toEqual([
      "done",
      "pending",
      "pending",
    ]);
  });

  it("recovers a session whose knot was killed outright", async () => {
    const env = ptyEnv();
    const run = startInPty(threeSteps(), [], {
      env,
    });
    await run.waitFor("SECOND");
    await sleep(200);
    process.kill(run.pid, "SIGKILL");
    await run.exited;
    const all = records(env);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ended: "interrupted", stoppedAt: 1 });
    expect(readdirSync(join(env.XDG_DATA_HOME!, "knot", "running"))).toEqual([]);
  });

  it("offers to resume a session cut off less than 12 hours ago, at the step where it stopped", {
    timeout: 60_000,
  }, async () => {
    const env = ptyEnv();
    const file = threeSteps();
    expect(await endWith(env, file, (run) => run.signal("SIGTERM"))).toBe(143);
    const run = startInPty(file, [], { env });
    // how long ago is whatever it took; the rest as the text layer words it, wrapped
    const cutOff = coachText.resume.cutOff("Short routine", "\u0000", 2, 3, "Second");
    // (a language's lengthening, as the pseudo-locale's dots, follows the words given)
    const around = cutOff.split("\u0000").map(shown).join(".*?");
    await run.waitFor(new RegExp(around.replace(/\u00b7+/g, "\u00b7*")));
    await run.waitFor(coachText.resume.question);
    const from = run.output().length;
    run.press("\r");
    await run.waitFor(/SECOND[\s\S]*step 2 of 3|step 2 of 3[\s\S]*SECOND/, { from });
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    const latest = records(env)[0];
    expect(latest.resumedFrom).toBeTruthy();
    expect(latest.steps[0].outcome).toBe("pending");
    // without a terminal, --resume answers for you
    expect(await endWith(env, file, (r) => r.signal("SIGTERM"))).toBe(143);
    const piped = knot(["start", file, "--yes", "--lead-in", "0", "--resume", "--events", "-"], {
      env,
      input: "q\n",
    });
    expect(piped.status).toBe(3);
    expect(JSON.parse(piped.stdout.split("\n")[0]!)).toMatchObject({
      event: "session-start",
      index: 1,
    });
  });

  it("filters, exports and clears the history, keeping a backup", () => {
    const env = isolatedEnv();
    const file = shortRoutine([{ name: "Only", kind: "hold", duration: 1 }]);
    for (let i = 0; i < 2; i++) knot(["start", file, "--yes", "--lead-in", "0"], { env });
    const table = knot(["history"], { env });
    // the headings and a row's cells as the text layer gives them
    const heading = historyText.headers.map(literal).join("\\s+");
    const cells = [
      historyText.name("Short routine"),
      recordTimeWords({ doneSeconds: 1, plannedSeconds: 1 }),
      historyText.ended("completed"),
    ].map(literal);
    expect(table.stdout).toMatch(
      new RegExp(`^${heading}\\n\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d {2}${cells.join(" {2}")}`),
    );
    const csv = knot(["history", "--csv"], { env }).stdout.trim().split("\n");
    expect(csv[0]).toBe(
      "id,started,ended_at,routine,name,category,done_seconds,planned_seconds,ended,pain_before,pain_after,areas,sides",
    );
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/,short,Short routine,stretch,1,1,completed,,,,$/);
    expect(JSON.parse(knot(["history", "--routine", "nope", "--json"], { env }).stdout)).toEqual(
      [],
    );
    expect(JSON.parse(knot(["history", "--since", "1h", "--json"], { env }).stdout)).toHaveLength(
      2,
    );
    expect(knot(["history", "--since", "last week"], { env })).toMatchObject({ status: 2 });
    expect(knot(["history", "--clear"], { env })).toMatchObject({ status: 2 });
    const cleared = knot(["history", "--clear", "--yes"], { env });
    expect(cleared.stdout).toMatch(/kept as .*history\.bak-/);
    expect(records(env)).toEqual([]);
    const dir = join(env.XDG_DATA_HOME!, "knot");
    expect(readdirSync(dir).some((f) => f.startsWith("history.bak-"))).toBe(true);
  });

  it("skips a damaged line with one warning that names it", () => {
    const env = isolatedEnv();
    oneStepSession(env);
    const folder = join(env.XDG_DATA_HOME!, "knot", "history");
    const [month] = readdirSync(folder);
    appendFileSync(join(folder, month!), '{"v":1,"id":"broken\n');
    const result = knot(["history"], { env });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /A damaged line in .*history\/\d{4}-\d{2}\.jsonl \(line 2\) was skipped; everything else was read\./,
    );
    expect(result.stdout).toContain(historyText.name("Short routine"));
  });

  it("today: massage minutes against the daily limit, and when cold is next advisable", {
    timeout: 120_000,
  }, async () => {
    const env = isolatedEnv();
    // The rules count the last 24 hours, so midnight between these records and now changes nothing.
    const now = Date.now();
    const rollingAgo = 5 * 60_000;
    const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
    const record = (id: string, msAgo: number, step: object) => minuteRecord(now, id, msAgo, step);
    const dir = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(dir, { recursive: true });
    // The safety questions were answered before, at a terminal.
    const config = join(env.XDG_CONFIG_HOME!, "knot");
    mkdirSync(config, { recursive: true });
    writeFileSync(
      join(config, "config.json"),
      JSON.stringify({ screening: { "red-flags": iso(0), cold: iso(0), massage: iso(0) } }),
    );
    // Minutes ago, so both fall today.
    writeFileSync(
      join(dir, "history.jsonl"),
      `${[
        record("rolling", rollingAgo, { kind: "massage", area: "upper-back" }),
        record("ice", 15 * 60_000, { kind: "cold" }),
      ]
        .map((r) => JSON.stringify(r))
        .join("\n")}\n`,
    );
    const today = knot(["today"], { env });
    expect(today.status).toBe(0);
    expect(today.stdout).toMatch(/upper-back\s+\S+\s+1m of 6m/);
    expect(today.stdout).toMatch(
      /Cold: last ended \d\d:\d\d \(14m ago\)\. Wait until \d\d:\d\d(?: tomorrow)?: guidance repeats cold only every 2-4 hours\./,
    );
    const json = JSON.parse(knot(["today", "--json"], { env }).stdout);
    expect(json.massage).toEqual({
      limitSeconds: 360,
      ceilingSeconds: 1800,
      byArea: { "upper-back": 60 },
    });
    expect(json.thermal[0]).toMatchObject({ kind: "cold", allowedNow: true, advisableNow: false });
    expect(json.thermal[1]).toMatchObject({ kind: "heat", lastEndedAt: null, advisableNow: true });
    // another cold within 2 hours: warned, and not started, even with --yes
    const cycle = ["cycle", "cold-5", "x1", "--lead-in", "0", "--plain", "--skin-checked"];
    const again = knot([...cycle, "--yes"], { env });
    expect(again.status).toBe(3);
    expect(again.stdout).toMatch(
      /Your last cold ended at \d\d:\d\d \(14m ago\)[\s\S]*every 2-4 hours[\s\S]*Not started\. If you still want to, add --force \(it overrides: cold again within 2 hours\)/,
    );
    // a massage that would pass the daily limit: warned with the figures
    const massage = shortRoutine(
      [{ name: "Roll", kind: "massage", duration: "5m30s", area: "upper-back" }],
      { category: "massage" },
    );
    // without a terminal, shortened to fit (then quit at once with q)
    const over = knot(["start", massage, "--lead-in", "0", "--plain", "--yes"], {
      env,
      input: "q\n",
    });
    expect(over.status).toBe(3);
    expect(over.stdout).toContain(allowanceText.areaLine("upper-back", 60, 330));
    const shortened = literal(coachText.preflight.shortened.trim());
    expect(over.stdout).toMatch(new RegExp(`${shortened}[\\s\\S]*\\[1/1\\] Roll \\(5m\\)`));
    // heat 3 minutes after a pack came off: a floor, so --force does not start it either
    // (into this month's file: the history has moved into months by now)
    appendFileSync(
      join(dir, "history", `${iso(4 * 60_000).slice(0, 7)}.jsonl`),
      `${JSON.stringify(record("warm", 4 * 60_000, { kind: "heat" }))}\n`,
    );
    const heat = ["cycle", "heat-10", "--lead-in", "0", "--plain", "--skin-checked", "--yes"];
    const refused = knot([...heat, "--force"], { env });
    expect(refused.status).toBe(3);
    // the floor's words up to the time heat can start, then the note that nothing overrides it
    const floor = coachText.preflight.floor(
      allowanceText.decision(
        { rule: "time-off", level: "floor", kind: "heat", lastKind: "heat", waitUntil: 0 },
        0,
      ),
    );
    const untilTime = floor.slice(0, floor.indexOf(clockTime(0)));
    expect(refused.stdout).toMatch(
      new RegExp(`${literal(untilTime)}[\\s\\S]*${literal(allowanceText.floorNote)}`),
    );
    expect(knot(["today"], { env }).stdout).toMatch(
      /Heat: 1 of 3 in 24 hours; last ended \d\d:\d\d \(3m ago\)\. Not before \d\d:\d\d(?: tomorrow)?: at least 10 minutes off/,
    );
    // and knot safety says what is in force now, first
    const noThermal = allowanceText.inForceLine.noThermalBefore("UNTIL", "heat", "OFF_AT");
    const inForce = `${safetyText.inForceHeading}\n  - ${noThermal.slice(0, noThermal.indexOf("OFF_AT") + 6)}`;
    expect(knot(["safety"], { env }).stdout).toMatch(
      new RegExp(
        `^${literal(inForce).replace("UNTIL", "\\d\\d:\\d\\d(?: tomorrow)?").replace("OFF_AT", "\\d\\d:\\d\\d")}`,
      ),
    );
  });

  it("stats: charts, streak and the getting-worse warning", () => {
    const env = isolatedEnv();
    const file = shortRoutine([{ name: "Only", kind: "hold", duration: 1 }]);
    knot(["start", file, "--yes", "--lead-in", "0"], { env });
    const stats = knot(["stats", "--days", "7"], { env });
    expect(stats.status).toBe(0);
    expect(stats.stdout).toMatch(/Last 7 days: 1 session/);
    expect(stats.stdout).toMatch(/Streak: 1 day \(days with a session; one rest day/);
    expect(stats.stdout).toMatch(new RegExp(`${literal(statsText.sessionsPerDay)}\\n[\\s\\S]*█`));
    const byKind = `${literal(statsText.minutesByKind)}\\n {2}${literal(statsText.label("stretch"))}`;
    expect(stats.stdout).toMatch(new RegExp(byKind));
    const json = JSON.parse(knot(["stats", "--json"], { env }).stdout);
    expect(json).toMatchObject({
      days: 30,
      sessions: 1,
      streak: 1,
      gettingWorse: { worse: false },
    });
  });

  it("safety lists the red flags and who should ask first; --reset forgets the answers", () => {
    const env = isolatedEnv();
    const result = knot(["safety"], { env });
    expect(result.status).toBe(0);
    const t = safetyText;
    const h = t.health;
    expect(result.stdout).toContain(`${h.emergencyHeading}\n  - ${h.redFlags.emergency[0]}`);
    // lines are wrapped to the width: read the words, not the layout
    const words = flat(result.stdout);
    const said = (...parts: string[]) => new RegExp(parts.map((p) => literal(flat(p))).join(".*"));
    expect(words).toMatch(said(t.everyTimeHeading("heat"), ...h.everyTime.heat.slice(0, 2)));
    expect(words).toContain(flat(t.thermalRules[1]!));
    for (const rule of t.trendRules) expect(words).toContain(flat(rule));
    expect(words).toContain(flat(h.keepMoving));
    const cold = h.contraindications.cold;
    expect(result.stdout).toContain(`${t.askFirstHeading(cold.label)}\n  - ${cold.askFirst[0]}`);
    const massage = h.contraindications.massage;
    expect(words).toMatch(said(t.askFirstHeading(massage.label), massage.askFirst[2]!));
    expect(knot(["safety", "--reset"], { env }).stdout).toContain(t.cleared);
    expect(existsSync(join(env.XDG_CONFIG_HOME!, "knot", "config.json"))).toBe(true);
  });
});

describe("safety questions at a terminal", () => {
  const massage = () =>
    shortRoutine([{ name: "Roll", kind: "massage", duration: 2, area: "upper-back" }], {
      category: "massage",
    });

  it("asks the massage list once and remembers a 'none of these'; the red flags every time", {
    timeout: 60_000,
  }, async () => {
    const env = ptyEnv();
    const file = massage();
    const first = startInPty(file, [], { env });
    await first.waitFor(flagsQuestion);
    first.press("\r"); // "No, none of these"
    await first.waitFor(askFirstQuestion);
    first.press("\r"); // "No, none of these"
    expect((await first.exited).exitCode).toBe(0);
    const second = startInPty(file, [], { env });
    await second.waitFor(flagsQuestion);
    second.press("\r");
    expect((await second.exited).exitCode).toBe(0);
    expect(second.output()).not.toContain("Does any of these apply");
    expect(knot(["safety"], { env }).stdout).toMatch(
      /You said none applies for: red-flags \(\d{4}-\d\d-\d\d\), neck \(\d{4}-\d\d-\d\d\), massage \(\d{4}-\d\d-\d\d\)/,
    );
  });

  it("plain mode asks the red flags line by line, for screen readers, even with --yes", {
    timeout: 60_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, []);
    const file = shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
    const run = knotInPty(["start", file, "--yes", "--plain", "--lead-in", "0", "--no-checkin"], {
      env,
    });
    await run.waitFor(promptText.choose(3));
    const flags = safetyText.screenQuestion(["red-flags"]);
    if (!("emergency" in flags)) throw new Error("the red flags ask about an emergency");
    const choices = [flags.message, `  1) ${flags.none}`, `  2) ${flags.emergency}`];
    expect(run.output()).toMatch(new RegExp(choices.map(literal).join("\\r?\\n")));
    run.press("1\r");
    expect((await run.exited).exitCode).toBe(0);
    // the summary's first words, as the text layer gives them
    const finished = `${openEnded(coachText.finish.how.completed)}: Short routine`;
    expect(run.output()).toContain(finished);
    expect(knot(["safety", "--json"], { env }).stdout).toMatch(/"red-flags": "\d{4}-/);
  });

  it("an emergency answer stops with the advice, and nothing is recorded", {
    timeout: 60_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" }, []);
    const file = shortRoutine([{ name: "Reach", kind: "hold", duration: 1 }]);
    const run = knotInPty(["start", file, "--yes", "--plain", "--force", "--no-checkin"], { env });
    await run.waitFor(promptText.choose(3));
    run.press("2\r");
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).toMatch(/get medical help now: call 999/);
    expect(records(env)).toEqual([]);
  });

  it("asks the heat questions before every application, one key each", {
    timeout: 60_000,
  }, async () => {
    const env = ptyEnv();
    const file = shortRoutine(
      [
        { name: "Set up the heat", kind: "prepare" },
        { name: "Heat on", kind: "heat", duration: 2 },
      ],
      { category: "heat" },
    );
    const run = startInPty(file, [], { env });
    await run.waitFor(flagsQuestion);
    run.press("\r");
    await run.waitFor(askFirstQuestion); // heat's ask-first list, first time
    run.press("\r");
    const [injury, swollen] = safetyText.health.everyTime.heat;
    await run.waitFor(new RegExp(shown(`${injury} ${promptText.yesNo.either}`)));
    run.press("n");
    await run.waitFor(new RegExp(shown(`${swollen} ${promptText.yesNo.either}`)));
    run.press("y");
    expect((await run.exited).exitCode).toBe(3);
    const skin = safetyText.skin;
    expect(flat(run.output())).toMatch(
      new RegExp(`${literal(flat(skin.no("heat")))}.*${literal(skin.nothingOverrides)}`),
    );
    expect(records(env)).toEqual([]);
  });

  it("does not start when one applies, unless --force", { timeout: 60_000 }, async () => {
    const env = ptyEnv();
    const run = startInPty(massage(), [], { env });
    await run.waitFor(flagsQuestion);
    run.press("\r");
    await run.waitFor(askFirstQuestion);
    run.press("\u001b[B\r"); // down, Enter: "Yes, one of them does"
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).toMatch(
      /ask a doctor, nurse or physiotherapist before using self-massage/,
    );
    expect(records(env)).toEqual([]);
    const forced = knotInPty(
      ["start", massage(), "--yes", "--lead-in", "0", "--no-checkin", "--force"],
      { env },
    );
    await forced.waitFor(flagsQuestion);
    forced.press("\r");
    await forced.waitFor(askFirstQuestion);
    forced.press("\u001b[B\r");
    expect((await forced.exited).exitCode).toBe(0);
    expect(forced.output()).toContain("Starting anyway, as --force asks");
  });

  it("offers to shorten a massage to fit the daily limit", { timeout: 60_000 }, async () => {
    const env = ptyEnv();
    const config = join(env.XDG_CONFIG_HOME!, "knot");
    mkdirSync(config, { recursive: true });
    writeFileSync(
      join(config, "config.json"),
      JSON.stringify({
        massage: { dailyLimitMinutes: 1 },
        screening: { "red-flags": new Date().toISOString(), massage: new Date().toISOString() },
      }),
    );
    const file = shortRoutine(
      [{ name: "Roll", kind: "massage", duration: "1m30s", area: "upper-back" }],
      { category: "massage" },
    );
    const run = knotInPty(
      [
        "start",
        file,
        "--yes",
        "--lead-in",
        "0",
        "--no-checkin",
        "--events",
        join(env.HOME!, "events.jsonl"),
      ],
      { env },
    );
    await run.waitFor(flagsQuestion);
    run.press("\r");
    await run.waitFor(new RegExp(shown(allowanceText.areaLine("upper-back", 0, 90).trim())));
    await run.waitFor(coachText.preflight.fit);
    run.press("\r");
    await run.waitFor("ROLL");
    run.press("q");
    expect((await run.exited).exitCode).toBe(3);
    expect(records(env)[0].plannedSeconds).toBe(60);
  });

  it("puts the red flags at the top of stats when things get worse", () => {
    const env = isolatedEnv();
    const dir = join(env.XDG_DATA_HOME!, "knot");
    mkdirSync(dir, { recursive: true });
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const stopped = (id: string) =>
      JSON.stringify({
        v: 1,
        id,
        routine: "stretch",
        name: "Gentle back stretch",
        category: "stretch",
        areas: [],
        sides: [],
        startedAt: at,
        endedAt: at,
        plannedSeconds: 60,
        doneSeconds: 10,
        ended: "pain",
        ratings: { before: 5 },
        steps: [],
        stoppedAt: 0,
      });
    writeFileSync(join(dir, "history.jsonl"), `${stopped("a")}\n${stopped("b")}\n`);
    const stats = knot(["stats"], { env });
    const worse = safetyText.adviceLines([])[0]!;
    expect(stats.stdout.split("\n")[0]).toBe(worse);
    expect(stats.stdout).toMatch(/stopped 2 sessions because it hurt[\s\S]*see a doctor/);
    // and before the next session, which --yes does not start: only --force goes past it
    const start = knot(["start", "stretch", "--yes", "--lead-in", "0"], { env, input: "q\n" });
    expect(start.status).toBe(3);
    expect(start.stdout).toMatch(
      /Things may not be getting better[\s\S]*Not started\. If you still want to, add --force/,
    );
    expect(start.stdout).not.toContain("[1/30]");
    const forced = knot(["start", "stretch", "--yes", "--force", "--lead-in", "0"], {
      env,
      input: "q\n",
    });
    expect(forced.stdout.indexOf(worse)).toBeGreaterThan(-1);
    expect(forced.stdout.indexOf(worse)).toBeLessThan(forced.stdout.indexOf("[1/30]"));
  });
});

describe("a history of years, end to end", () => {
  const GEN = new URL("../../scripts/gen-history.mjs", import.meta.url).pathname;
  /** A generated history of `count` sessions, six a day back from now. */
  const generated = (count: number, legacy = false, perDay?: number) => {
    const env = isolatedEnv();
    const data = join(env.XDG_DATA_HOME!, "knot");
    const made = spawnSync(
      process.execPath,
      [
        GEN,
        "--records",
        String(count),
        "--data",
        data,
        ...(legacy ? ["--legacy"] : []),
        ...(perDay ? ["--per-day", String(perDay)] : []),
      ],
      { encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    return { env, data };
  };

  it("export, then import into an empty history, gives the same history", () => {
    const { env } = generated(900);
    const exported = knot(["history", "--export"], { env });
    expect(exported.status).toBe(0);
    const lines = exported.stdout.trim().split("\n");
    expect(lines).toHaveLength(900);
    const file = join(env.HOME!, "laptop.jsonl");
    writeFileSync(file, exported.stdout);
    const elsewhere = isolatedEnv();
    const first = knot(["history", "--import", file], { env: elsewhere });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/900 sessions added, 0 already in your history/);
    expect(knot(["history", "--json"], { env: elsewhere }).stdout).toBe(
      knot(["history", "--json"], { env }).stdout,
    );
    // again: nothing twice
    expect(knot(["history", "--import", file], { env: elsewhere }).stdout).toMatch(
      /0 sessions added, 900 already in your history/,
    );
    // odd lines are left out and said, the rest added; a file of none is refused
    const mixed = join(env.HOME!, "mixed.jsonl");
    const one = JSON.parse(lines[0]!);
    writeFileSync(
      mixed,
      `${JSON.stringify({ ...one, id: "new-1" })}\n{"v":1,"id":"cut\n${JSON.stringify({ ...one, id: "new-2", startedAt: "yesterday" })}\n`,
    );
    const partly = knot(["history", "--import", mixed], { env: elsewhere });
    expect(partly.status).toBe(1);
    expect(partly.stdout).toMatch(/1 session added/);
    expect(partly.stderr).toMatch(
      /2 lines were not a session record and were left out \(line 2, 3/,
    );
    const routine = join(env.HOME!, "routine.json");
    writeFileSync(routine, '{\n"id": "x"\n}\n');
    const refused = knot(["history", "--import", routine], { env: elsewhere });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/holds no session records/);
    expect(knot(["history", "--import", join(env.HOME!, "none")], { env: elsewhere }).status).toBe(
      2,
    );
  });

  it("moves a single-file history into months on first use, saying so once", () => {
    const { env, data } = generated(500, true);
    const before = readFileSync(join(data, "history.jsonl"), "utf8").trim().split("\n").length;
    const first = knot(["history", "--json"], { env });
    expect(first.stderr).toMatch(
      /now lives in one file per month in .*history; the old file is kept as .*history\.jsonl\.bak-/,
    );
    expect(JSON.parse(first.stdout)).toHaveLength(before);
    expect(readdirSync(join(data, "history")).every((f) => /^\d{4}-\d{2}\.jsonl$/.test(f))).toBe(
      true,
    );
    const second = knot(["history", "--json"], { env });
    expect(second.stderr).toBe("");
    expect(second.stdout).toBe(first.stdout);
  });

  it("start, today, stats and history | head never open the old months", async () => {
    // Twenty sessions a day: the months read before the traps hold more lines than a pipe and
    // knot's own buffer take (about 80 KB), so knot waits for `head` to read, and hears it
    // close, before it could reach a trap, however slowly `head` is scheduled.
    const { env, data } = generated(4000, false, 20);
    const folder = join(data, "history");
    // A month without sessions ends the streak; the months before it become traps: reading
    // any of them fails loudly.
    const months = readdirSync(folder).sort();
    rmSync(join(folder, months.at(-4)!));
    const old = months.slice(0, -4);
    expect(old.length).toBeGreaterThan(2);
    for (const month of old) {
      rmSync(join(folder, month));
      mkdirSync(join(folder, month));
    }
    rmSync(join(data, "index"), { recursive: true, force: true });
    // The session is ended (SIGTERM) once its first step is on screen, however long a busy
    // machine takes to get there.
    const dry = await untilFirstStep(
      ["start", "stretch", "--yes", "--lead-in", "0", "--no-checkin"],
      env,
    );
    expect(dry.stderr).not.toMatch(/Could not read/);
    expect(dry.stdout).toMatch(/\[1\/\d+\]/);
    for (const args of [["today"], ["stats"], ["history", "--since", "30d"]]) {
      const result = knot(args, { env });
      expect(result.stderr, args.join(" ")).not.toMatch(/Could not read/);
      expect(result.status, args.join(" ")).toBe(0);
    }
    const head = spawnSync("sh", ["-c", `"${process.execPath}" "${KNOT_BIN}" history | head -5`], {
      env,
      encoding: "utf8",
    });
    expect(head.stdout.split("\n")).toHaveLength(6);
    expect(head.stderr).toBe("");
    // while the whole history does read them, and says which
    const all = knot(["history", "--json"], { env });
    expect(all.status).toBe(1);
    expect(all.stderr).toMatch(/Could not read the history file .*\.jsonl/);
  });
});

/** Runs knot until its first step line (or its end, or 60 s), then ends it as a terminal would. */
function untilFirstStep(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [KNOT_BIN, ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const bound = setTimeout(() => child.kill("SIGTERM"), 60_000);
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (/\[1\/\d+\]/.test(stdout)) child.kill("SIGTERM");
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) =>
    child.on("close", () => {
      clearTimeout(bound);
      resolve({ stdout, stderr });
    }),
  );
}
