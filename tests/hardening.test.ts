import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Settings } from "../src/config/store.js";
import { openForAppend, readRegularFile } from "../src/files.js";
import { processStart, recoverCheckpoints, writeCheckpoint } from "../src/history/checkpoint.js";
import { HistoryStore } from "../src/history/months.js";
import { isSessionRecord } from "../src/history/record-check.js";
import type { SessionRecord } from "../src/history/record-types.js";
import { appendRecord, readHistoryFile } from "../src/history/store.js";
import { readRoutineFile, unexpectedAt } from "../src/routine/parse.js";
import type { TimelineEntry } from "../src/routine/timeline.js";
import { filesText } from "../src/text/files.js";
import { localized } from "../src/text/locale.js";
import { csvCell, quote, safeJson, safeText } from "../src/ui/safe.js";
import { bundleForChild, tempDir, testContext } from "./helpers.js";
import { rec, thermalStep } from "./history/fixtures.js";

const fifo = (path: string) => execFileSync("mkfifo", [path]);

describe("the safe-text layer", () => {
  it.each([
    ["an OSC 52 clipboard write", "\u001b]52;c;aGVsbG8=\u0007", "\\x1b]52;c;aGVsbG8=\\x07"],
    ["a C1 CSI", "a\u009b31mb", "a\\x9b31mb"],
    ["a right-to-left override", "abc\u202edef", "abc\\u202edef"],
    ["a line separator", "one\u2028two", "one\\u2028two"],
    ["an isolate", "x\u2066y\u2069", "x\\u2066y\\u2069"],
    ["DEL", "a\u007fb", "a\\x7fb"],
    ["plain text with accents and emoji", "Café 👍 ok", "Café 👍 ok"],
  ])("escapes %s", (_label, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it("keeps newlines and tabs in messages, but not in a quoted value", () => {
    expect(safeText("a\nb\tc")).toBe("a\nb\tc");
    expect(quote("a\nb")).toBe('"a\\x0ab"');
  });

  it("writes JSON that means the same, with nothing a terminal would act on left raw", () => {
    const value = { name: "x\u202ey\u009bz\u001b\u007f", ok: "Café 👍" };
    const json = safeJson(value, 2);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are the failure
    expect(json).not.toMatch(/[\u007f-\u009f\u202e\u001b]/);
    expect(json).toContain("\\u202e");
    expect(JSON.parse(json)).toEqual(value);
  });

  it("cuts a long quoted value to a readable length", () => {
    expect(quote("9".repeat(200_000))).toBe(`"${"9".repeat(40)}…"`);
  });

  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["plain, with comma", '"plain, with comma"'],
    [-5, "-5"],
  ])("guards the CSV cell %j against formulas", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("only regular files are read", () => {
  it("refuses a FIFO at once instead of hanging", () => {
    const path = join(tempDir(), "pipe.json");
    fifo(path);
    const started = Date.now();
    expect(() => readRegularFile(path)).toThrow(expect.objectContaining({ code: "ENOTREG" }));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses /dev/zero behind a link, and a folder", () => {
    const link = join(tempDir(), "zero.json");
    symlinkSync("/dev/zero", link);
    expect(readRoutineFile(link)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/not a regular file/) }],
    });
    expect(() => readRegularFile(tempDir())).toThrow(expect.objectContaining({ code: "EISDIR" }));
  });

  it("checks the size before reading", () => {
    const big = join(tempDir(), "big.json");
    writeFileSync(big, "x".repeat(300 * 1024));
    expect(readRoutineFile(big)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/larger than 256 KiB/) }],
    });
  });

  it("a history linked to /dev/zero or /dev/full is refused, not read forever", () => {
    for (const device of ["/dev/zero", "/dev/full"]) {
      const link = join(tempDir(), "history.jsonl");
      symlinkSync(device, link);
      expect(() => readHistoryFile(link)).toThrow(/not a regular file/);
    }
  });

  it("opening events to a FIFO with no reader fails at once (ENXIO), to a folder with EISDIR", () => {
    const path = join(tempDir(), "events");
    fifo(path);
    expect(() => openForAppend(path)).toThrow(expect.objectContaining({ code: "ENXIO" }));
    expect(() => openForAppend(tempDir())).toThrow(expect.objectContaining({ code: "EISDIR" }));
  });
});

describe("a write that fails leaves the store as it was", () => {
  it("takes back a record written short, as on a full disk", () => {
    const file = join(tempDir(), "history.jsonl");
    appendRecord(file, rec());
    const before = readFileSync(file, "utf8");
    const halfThenFull = (fd: number, data: Buffer) => {
      writeSync(fd, data.subarray(0, data.length >> 1));
      throw Object.assign(new Error("no space"), { code: "ENOSPC", syscall: "write" });
    };
    expect(() => appendRecord(file, rec(), halfThenFull)).toThrow(/no space/);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readHistoryFile(file).damaged).toEqual([]);
    const short = (fd: number, data: Buffer) => writeSync(fd, data.subarray(0, 10));
    expect(() => appendRecord(file, rec(), short)).toThrow(/written short/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("leaves no half checkpoint or .tmp behind when it cannot write one", () => {
    const data = tempDir();
    mkdirSync(join(data, "running"));
    // a folder where the checkpoint file would go makes the rename fail
    const record = rec();
    mkdirSync(join(data, "running", `${record.id}.json`));
    expect(() => writeCheckpoint(data, record)).toThrow();
    expect(existsSync(join(data, "running", `${record.id}.json.tmp`))).toBe(false);
  });
});

/** English words as the language the tests run in gives them (marked in the pseudo-locale). */
const words = (english: string) => localized({ english }).english;

describe("records that parse but are odd are skipped as damaged", () => {
  const good = rec();
  it.each([
    ["an area of null", { areas: [null] }, "areas is not a list of body areas ([null])"],
    ["an unknown area", { areas: ["elbow"] }, "areas is not a list of body areas"],
    ["a number where text belongs", { name: 42 }, "name is not a routine name (42)"],
    ["steps that are not a list", { steps: "many" }, "steps is not a list of steps (many)"],
    [
      "a step with a bad kind",
      { steps: [{ ...good.steps[0], kind: "jump" }] },
      "step 1's kind is not a kind of step (jump)",
    ],
    [
      "a step of negative time",
      { steps: [{ ...good.steps[0], done: -5 }] },
      "step 1's done is not whole seconds from 0 to 86400 (-5)",
    ],
    ["an escape sequence in a name", { name: "\u001b[2Jgone" }, "name is not a routine name"],
    ["a right-to-left override in a routine id", { routine: "abc\u202e" }, "routine is not"],
    ["a rating of 11", { ratings: { before: 11 } }, "ratings is not ratings from 0 to 10"],
    ["ratings that are a list", { ratings: [] }, "ratings is not ratings"],
    ["a negative stop index", { stoppedAt: -1 }, "stoppedAt is not a step number (-1)"],
    ["an unknown side", { sides: ["up"] }, "sides is not a list of sides"],
    // times the calendar does not have, which Date.parse quietly moves to another day
    [
      "30 February",
      { startedAt: "2026-02-30T10:00:00.000Z" },
      "startedAt is not a real time (2026-02-30T10:00:00.000Z)",
    ],
    ["hour 24", { endedAt: "2026-11-22T24:00:00.000Z" }, "endedAt is not a real time"],
    ["31 April", { startedAt: "2026-04-31T10:00:00.000Z" }, "startedAt is not a real time"],
    ["29 February of a common year", { startedAt: "2025-02-29T10:00:00Z" }, "not a real time"],
    ["minute 60", { startedAt: "2026-11-22T10:60:00.000Z" }, "startedAt is not a real time"],
    [
      "a step started in month 13",
      { steps: [{ ...good.steps[0], at: "2026-13-01T10:00:00.000Z" }] },
      "step 1's at is not a real time",
    ],
    // numbers no session can have
    ["1e308 seconds done", { doneSeconds: 1e308 }, "doneSeconds is not whole seconds"],
    ["more than a day planned", { plannedSeconds: 86_401 }, "plannedSeconds is not whole seconds"],
    ["half a second", { doneSeconds: 0.5 }, "doneSeconds is not whole seconds"],
    [
      "a step done for a year",
      { steps: [{ ...good.steps[0], done: 31_536_000 }] },
      "step 1's done is not whole seconds",
    ],
  ])("%s", (_label, change, reason) => {
    expect(isSessionRecord({ ...good, ...change })).toBe(false);
    const file = join(tempDir(), "history.jsonl");
    writeFileSync(file, `${JSON.stringify({ ...good, ...change })}\n${JSON.stringify(good)}\n`);
    const history = readHistoryFile(file);
    expect(history.records.map((r) => r.id)).toEqual([good.id]);
    expect(history.damaged).toEqual([{ line: 1, reason: expect.anything() }]);
    // the problem is data, worded (in this locale) where it is shown
    expect(filesText.lineProblem(history.damaged[0]!.reason)).toContain(reason);
  });

  it("takes every real time: 29 February of a leap year, the last second of a day", () => {
    for (const startedAt of ["2028-02-29T10:00:00.000Z", "2026-12-31T23:59:59.999Z"]) {
      expect(isSessionRecord({ ...good, startedAt })).toBe(true);
    }
  });
});

describe("checkpoints are recovered once", () => {
  it("tells its own knot from an unrelated process that later got the same id", () => {
    const data = tempDir();
    const store = new HistoryStore(data);
    const record = rec();
    // the parent process is alive, but started long before this checkpoint claims
    writeCheckpoint(data, record, process.ppid, "1");
    expect(recoverCheckpoints(data, store).map((r) => r.id)).toEqual([record.id]);
    const mine = rec();
    writeCheckpoint(data, mine, process.ppid, processStart(process.ppid));
    expect(recoverCheckpoints(data, store)).toEqual([]);
  });

  it("several knots starting at once recover each checkpoint exactly once", async () => {
    const data = tempDir();
    const ids = [rec(), rec(), rec(), rec()].map((r) => {
      writeCheckpoint(data, r, 999_999_9, "dead");
      return r.id;
    });
    const bundle = bundleForChild("history/checkpoint.ts", data);
    const months = bundleForChild("history/months.ts", data);
    const script = join(data, "recover.mjs");
    writeFileSync(
      script,
      `import { recoverCheckpoints } from ${JSON.stringify(bundle)};
       import { HistoryStore } from ${JSON.stringify(months)};
       recoverCheckpoints(${JSON.stringify(data)}, new HistoryStore(${JSON.stringify(data)}));`,
    );
    await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise((resolve) =>
            spawn(process.execPath, [script], { stdio: "inherit" }).on("close", resolve),
          ),
      ),
    );
    expect(
      new HistoryStore(data)
        .read()
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(statSync(join(data, "running")).isDirectory()).toBe(true);
  });
});

describe("JSON errors point at the problem", () => {
  it.each([
    ["hello", "h", 0],
    ['{"a": hello}', "h", 6],
    ['{"a": true, "b": t}', "t", 17],
    ['{"a": -1e5, "b": e}', "e", 17],
    ['{"a": "h", "b": h}', "h", 16],
  ])("finds %j's unexpected %s at %i", (text, ch, at) => {
    expect(unexpectedAt(text, ch)).toBe(at);
  });

  it("a file that starts with a word is not said to end too early", () => {
    const file = join(tempDir(), "hello.json");
    writeFileSync(file, "hello");
    const result = readRoutineFile(file);
    expect(result.issues[0]?.message).toMatch(/line 1, column 1: unexpected "h"/);
    expect(result.issues[0]?.message).not.toMatch(/ends too early/);
  });
});

describe("one record per session", () => {
  it("keeps the later of a saved record and a checkpoint recovered after it", () => {
    const file = join(tempDir(), "history.jsonl");
    const real = rec({ ended: "completed" });
    const recovered = {
      ...real,
      ended: "interrupted" as const,
      endedAt: real.startedAt,
      doneSeconds: 0,
    };
    appendRecord(file, real);
    appendRecord(file, recovered);
    expect(readHistoryFile(file).records).toEqual([real]);
  });
});

describe("a yes to going on after a warning is the start's confirmation", () => {
  const NOW = Date.parse("2026-11-22T12:00:00Z");
  const at = "2026-11-22T06:00:00Z";
  const screened = { "red-flags": at, neck: at, cold: at, heat: at, massage: at };

  async function checks(timeline: TimelineEntry[], records: SessionRecord[], answers: unknown[]) {
    const { preflightChecks } = await import("../src/coach/preflight/index.js");
    const { allowanceNow } = await import("../src/coach/prepare.js");
    const { ctx } = testContext();
    ctx.now = () => NOW;
    const settings: Settings = {
      get: (key) => ({ "massage.dailyLimitMinutes": 6, leadIn: 5 })[key as string] as never,
      internal: (key) => (key === "screening" ? screened : undefined),
    };
    const asked: string[] = [];
    const said: string[] = [];
    const answer = async (message: string) => {
      asked.push(message);
      return answers.shift() as never;
    };
    const outcome = await preflightChecks({
      ctx,
      timeline,
      routine: "short",
      routineAreas: ["upper-back"],
      allowance: allowanceNow(ctx, records, records, settings),
      records,
      recent: records,
      settings,
      force: false,
      skinChecked: true,
      ask: { can: true, choose: answer, yesNo: answer },
      say: (text = "") => said.push(text),
    }).catch((error) => {
      throw new Error(`${error.message}: ${said.join(" / ")} (asked: ${asked.join(" / ")})`);
    });
    return { startAgreed: outcome.startAgreed, asked };
  }

  it("'Start anyway?' (cold within 2 hours) or 'Go on with this session anyway?' answered yes", async () => {
    const cold: TimelineEntry[] = [
      { name: "Check your skin", kind: "prepare", seconds: null },
      { name: "Cold pack on", kind: "cold", seconds: 600 },
    ];
    const iceAt = "2026-11-22T11:00:00Z";
    const ice = [rec({ start: iceAt, steps: [thermalStep("cold", iceAt, 600)] })];
    expect(await checks(cold, ice, ["none", true])).toEqual({
      startAgreed: true,
      // the questions in the language the tests run in (the same English, marked in the pseudo-locale)
      asked: [words("Do any of these apply to you now?"), words("Start anyway?")],
    });
    const hold: TimelineEntry[] = [{ name: "Hold", kind: "hold", seconds: 10 }];
    const stops = [
      rec({ start: "2026-11-20T09:00:00Z", ended: "pain" }),
      rec({ start: "2026-11-21T09:00:00Z", ended: "pain" }),
    ];
    expect((await checks(hold, stops, [true])).startAgreed).toBe(true);
    // nothing to warn about: "Start now?" is still asked
    expect((await checks(hold, [], [])).startAgreed).toBe(false);
  });
});
