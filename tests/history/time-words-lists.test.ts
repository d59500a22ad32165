import { describe, expect, it } from "vitest";
import { history, openHistory } from "../../src/commands/history.js";
import { today } from "../../src/commands/today.js";
import { buildRecord } from "../../src/history/record.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { command, startSession, tick } from "../../src/session/engine.js";
import { testContext } from "../helpers.js";

/** A one-minute rest lengthened with + and run to its end: 1:13 done, 0:13 of it added. */
function lengthenedSession(startMs: number) {
  const timeline: TimelineEntry[] = [{ name: "Rest", kind: "rest", seconds: 60 }];
  let { state } = startSession(timeline, startMs);
  state = command(state, "extend", startMs + 1000).state;
  state = tick(state, startMs + 70_000).state;
  state = tick(state, startMs + 73_000).state;
  return buildRecord({
    id: "r1",
    routine: { id: "rest", name: "Short rest", category: "stretch", areas: ["lower-back"] },
    state,
    now: startMs + 73_000,
    ratings: {},
  });
}

describe("the time a session took, in today and the history", () => {
  it("reads like the summary: time added is said as added, never 'more of less'", async () => {
    const { ctx, stdout } = testContext();
    const now = ctx.now();
    const record = lengthenedSession(now - 10 * 60_000);
    expect(record.doneSeconds).toBeGreaterThan(record.plannedSeconds);
    const store = openHistory(ctx);
    store.append(record);
    const added = record.doneSeconds - record.plannedSeconds;
    const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    const words = `${clock(record.doneSeconds)}, with ${clock(added)} added`;

    await history({}, ctx);
    expect(stdout.text()).toContain(words);
    expect(stdout.text()).not.toMatch(/\d:\d\d of \d:\d\d/);

    const before = stdout.text().length;
    await today({}, ctx);
    const told = stdout.text().slice(before);
    expect(told).toContain(`Short rest`);
    expect(told).toContain(words);
  });
});
