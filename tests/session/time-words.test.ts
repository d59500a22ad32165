import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { command, startSession, summarize, tick } from "../../src/session/engine.js";
import { timeDoneWords } from "../../src/text/time.js";

describe("the time a session took, on the countdown's clock", () => {
  it.each([
    [{ doneSeconds: 575, plannedSeconds: 575, addedSeconds: 0 }, "9:35 of 9:35"],
    [{ doneSeconds: 250, plannedSeconds: 575, addedSeconds: 0 }, "4:10 of 9:35"],
    [{ doneSeconds: 73, plannedSeconds: 60, addedSeconds: 13 }, "1:13, with 0:13 added"],
    [{ doneSeconds: 50, plannedSeconds: 60, addedSeconds: 10 }, "0:50 of 1:00"],
  ])("%j reads %j", (summary, words) => {
    expect(timeDoneWords(summary)).toBe(words);
  });

  it("a step lengthened with + reads as time added, not as more than planned", () => {
    const timeline: TimelineEntry[] = [{ name: "Rest", kind: "rest", seconds: 60 }];
    let { state } = startSession(timeline, 0);
    state = command(state, "extend", 1000).state;
    state = tick(state, 70_000).state;
    expect(state.status).toBe("finished");
    expect(timeDoneWords(summarize(state, 70_000))).toBe("1:10, with 0:10 added");
  });
});
