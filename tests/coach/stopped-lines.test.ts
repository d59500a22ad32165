import { describe, expect, it, vi } from "vitest";
import { stated } from "../guidance.js";

// The advice's words changed (as in another language): what comes first after a 10, and what
// is shown as an alarm, still follow each line's part.
vi.mock("../../src/text/health.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/text/health.js")>();
  return {
    ...real,
    stopAdviceLines: () =>
      real.stopAdviceLines().map((line) => ({ ...line, text: line.text && `«${line.text}»` })),
  };
});

const { stoppedLines } = await import("../../src/coach/finish.js");
const { stopAdviceLines } = await import("../../src/text/health.js");

const plan = { id: "heat", name: "Heat", category: "heat", areas: [], cautions: [], timeline: [] };
const DAY = 24 * 60 * 60 * 1000;
const stop = (rating: number) => ({
  routine: "heat",
  category: "heat" as const,
  reason: "rated-high" as const,
  rating,
  at: 0,
  until: DAY,
});

describe("the advice after a rating stops a routine", () => {
  it("after the worst pain, the call for help at once comes first, marked urgent", () => {
    const [worst] = stated(/(\d+) the worst pain imaginable/);
    const lines = stoppedLines(
      plan as never,
      { before: 3, after: worst },
      stop(worst!),
      0,
      "Ended",
    );
    const advice = stopAdviceLines();
    const heading = advice.find((l) => l.part === "emergency" && l.heading)!;
    expect(lines[1]).toEqual(expect.objectContaining({ text: heading.text, urgent: true }));
    expect(lines.filter((l) => l.urgent).map((l) => l.text)).toEqual([heading.text]);
    // said once: the end repeats only from the see-a-doctor-soon part on
    const soon = advice.find((l) => l.part === "soon" && l.heading)!;
    expect(lines.map((l) => l.text)).toContain(soon.text);
    expect(lines.at(-1)!.text).toBe(advice.at(-1)!.text);
  });

  it("after a high rating, the whole advice from the emergency part on, at the end", () => {
    const [high] = stated(/a rating of (\d+) or more after a session/);
    const lines = stoppedLines(plan as never, { before: 3, after: high }, stop(high!), 0, "Ended");
    const advice = stopAdviceLines().filter((l) => l.part !== "rest");
    expect(lines.slice(-advice.length).map((l) => l.text)).toEqual(advice.map((l) => l.text));
    expect(lines[0]!.text).toBe("Ended");
    expect(lines.filter((l) => l.urgent)).toHaveLength(1);
  });
});
