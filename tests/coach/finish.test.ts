import { describe, expect, it } from "vitest";
import { closing, type Ending, hurtLines, packLine } from "../../src/coach/finish.js";
import { ExitCode } from "../../src/errors.js";
import type { SessionSummary } from "../../src/session/engine.js";
import { SIGNAL_EXIT } from "../../src/signals.js";
import { stopAdviceLines } from "../../src/text/health.js";
import { stated } from "../guidance.js";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const DAY = 24 * 3600_000;
const [STOP_AFTER = Number.NaN] = stated(/a rating of (\d+) or more after a session/);

const summary = (reason: SessionSummary["reason"], completed = 4): SessionSummary => ({
  reason,
  startedAt: NOW - 300_000,
  endedAt: NOW,
  plannedSeconds: 300,
  doneSeconds: 300,
  addedSeconds: 0,
  completed,
  skipped: 0,
  total: 4,
});

const ending = (over: Partial<Ending> = {}): Ending => ({
  plan: { id: "tennis-ball", name: "Tennis ball" },
  summary: summary("completed"),
  signal: undefined,
  ctrlC: false,
  declined: undefined,
  hurt: false,
  saved: true,
  logFailed: undefined,
  readable: true,
  stop: undefined,
  ratings: {},
  massageDone: false,
  checkins: false,
  now: NOW,
  ...over,
});

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe("the close of a session", () => {
  it("finished: one summary line, exit 0; after massage, the water", () => {
    const close = closing(ending());
    expect(texts(close.lines)).toEqual([
      expect.stringMatching(/^Finished: Tennis ball, .*, 4 of 4 steps done\.$/),
    ]);
    expect(close.exit).toBe(ExitCode.ok);
    const massaged = closing(ending({ massageDone: true }));
    expect(massaged.lines.at(-1)).toMatchObject({ text: /glass of water/, tone: "dim" });
  });

  it("stopped early: ended early; Ctrl-C: the summary and nothing more, exit 130", () => {
    expect(closing(ending({ summary: summary("quit", 2) })).exit).toBe(ExitCode.endedEarly);
    const ctrlC = closing(ending({ summary: summary("quit", 2), ctrlC: true, massageDone: true }));
    expect(texts(ctrlC.lines)).toEqual([expect.stringMatching(/^Stopped: Tennis ball/)]);
    expect(ctrlC.exit).toBe(ExitCode.sigint);
  });

  it("ended by a signal: the signal's exit code, a failure when the record was not written", () => {
    const hup = closing(ending({ signal: "SIGHUP", summary: summary("interrupted", 1) }));
    expect(hup.exit).toBe(SIGNAL_EXIT.SIGHUP);
    expect(texts(hup.lines)).toEqual([expect.stringMatching(/^Interrupted: Tennis ball/)]);
    expect(closing(ending({ signal: "SIGHUP", readable: false })).lines).toEqual([]);
    expect(closing(ending({ signal: "SIGTERM", saved: false })).exit).toBe(ExitCode.failure);
  });

  it("a record or event log not written fails the run, said once on stderr", () => {
    expect(closing(ending({ saved: false })).exit).toBe(ExitCode.failure);
    const log = closing(ending({ logFailed: "cannot write events.jsonl" }));
    expect(log).toMatchObject({ exit: ExitCode.failure, failure: "cannot write events.jsonl" });
  });

  it("quit before the first step: said so, ended early (Ctrl-C: 130)", () => {
    expect(closing(ending({ summary: undefined }))).toMatchObject({
      lines: [{ text: "Stopped before the first step." }],
      exit: ExitCode.endedEarly,
    });
    expect(closing(ending({ summary: undefined, ctrlC: true })).exit).toBe(ExitCode.sigint);
  });

  it(`a rating of ${STOP_AFTER} after stops the routine: no weekly check, the red flags said`, () => {
    const stop = {
      routine: "tennis-ball",
      category: "massage" as const,
      reason: "rated-high" as const,
      rating: STOP_AFTER,
      at: NOW,
      until: NOW + DAY,
    };
    const close = closing(ending({ stop, ratings: { after: STOP_AFTER }, checkins: true }));
    expect(close.weekly).toBe(false);
    expect(texts(close.lines)[0]).toMatch(/^Finished, and stopped for today: Tennis ball/);
    expect(texts(close.lines).join("\n")).toContain(
      `You rated your pain ${STOP_AFTER} out of 10 after Tennis ball`,
    );
    // with x the ending was said already, with the advice
    const hurt = closing(ending({ stop, hurt: true, summary: summary("pain", 2) }));
    expect(texts(hurt.lines)[0]).toMatch(/^You rated your pain/);
  });

  it("the weekly check follows a finished session with the check-in after it", () => {
    expect(closing(ending({ checkins: true, ratings: { after: 2 } })).weekly).toBe(true);
    expect(closing(ending({ checkins: true })).weekly).toBe(false);
    expect(
      closing(ending({ checkins: true, ratings: { after: 2 }, summary: summary("quit", 2) }))
        .weekly,
    ).toBe(false);
  });

  it("a yes to a question before cold or heat is said, with no override", () => {
    const close = closing(ending({ declined: "Is the skin broken?" }));
    expect(close.lines.slice(1)).toEqual([
      { text: "You answered yes to: Is the skin broken?", tone: "warn" },
      { text: expect.stringMatching(/^So no more cold or heat this session/) },
    ]);
  });

  it("x and a pack left on are said at once, the urgent lines as alarms", () => {
    const lines = hurtLines({ id: "heat", name: "Heat" }, summary("pain", 1));
    expect(lines[0]?.text).toMatch(/^Stopped \(it hurts\): Heat/);
    const urgent = stopAdviceLines().filter((l) => l.urgent).length;
    expect(lines.filter((l) => l.tone === "error")).toHaveLength(urgent);
    expect(packLine("cold")).toEqual({
      text: "Take the cold pack off now, and check your skin.",
      tone: "error",
    });
  });
});
