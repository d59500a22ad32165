import { describe, expect, it } from "vitest";
import { painChange, psfsChange } from "../../src/progress/change.js";
import type { Progress } from "../../src/progress/gather.js";
import { whatHelps } from "../../src/progress/helps.js";
import { emptyPsfs } from "../../src/progress/psfs.js";
import { reportData } from "../../src/progress/report-data.js";
import { reportHtml } from "../../src/progress/report-html.js";
import { stated } from "../guidance.js";
import { rec } from "../history/fixtures.js";

const NOW = Date.parse("2026-11-29T20:00:00Z");
const DAY = 86_400_000;
const [perApplication] = stated(/\*\*(\d+) min per application:\*\*/);
const [minutesOff] = stated(/\*\*(\d+) min off:\*\*/);
const [heatTimes] = stated(/up to (\d+) heat applications in any 24/);
const [defaultMassage] = stated(/default daily limit per body area \((\d+) min\)/);
const [stopRating, stopRise] = stated(
  /a rating of (\d+) or more after a session, or a rise of (\d+) or more from before/,
);

function progress(records: ReturnType<typeof rec>[]): Progress {
  const rated = records.filter(
    (r) => r.ratings.before !== undefined || r.ratings.after !== undefined,
  );
  return {
    days: 42,
    from: NOW - 41 * DAY,
    sessions: records.length,
    minutes: records.reduce((n, r) => n + r.doneSeconds / 60, 0),
    perDay: [],
    minutesByCategory: new Map([["stretch", 3]]),
    minutesByArea: new Map([["lower-back", 3]]),
    rated,
    all: records,
    trend: { worse: false, reasons: [] },
    psfs: emptyPsfs(),
    change: { pain: painChange(rated, 42, NOW), psfs: psfsChange([], 42, NOW) },
    helps: whatHelps(rated),
    warnings: [],
    history: undefined as unknown as Progress["history"],
  };
}

describe("the report's data and page", () => {
  const hostile = `<img src=x onerror="alert(1)"> 'Bob' & \u001b]0;title\u0007`;
  const records = [
    rec({
      start: new Date(NOW - 3 * DAY).toISOString(),
      name: hostile,
      ratings: { before: 3, after: 8 },
    }),
    rec({ start: new Date(NOW - 2 * DAY).toISOString(), ended: "pain", ratings: { before: 4 } }),
  ];
  const screening = [
    { at: NOW - 5 * DAY, lists: ["red-flags" as const], answer: "none" as const },
    { at: NOW - 4 * DAY, lists: ["cold" as const], answer: "applies" as const },
    { at: NOW - 4 * DAY + 60_000, lists: ["cold" as const], answer: "override" as const },
    { at: NOW - 90 * DAY, lists: ["heat" as const], answer: "applies" as const },
  ];
  const data = reportData({
    progress: progress(records),
    now: NOW,
    screening,
    massageLimitMinutes: defaultMassage!,
  });

  it("keeps the safety record of the period: answers with a concern, stops, overrides", () => {
    expect(data.safety.redFlagAnswers).toEqual([
      { at: new Date(NOW - 4 * DAY).toISOString(), lists: ["cold"], answer: "applies" },
    ]);
    expect(data.safety.answeredNone).toBe(1);
    expect(data.safety.overrides).toHaveLength(1);
    expect(data.safety.stops.map((s) => [s.stoppedBecauseItHurt, s.stoppedForTheDay])).toEqual([
      [false, "rated-high"],
      [true, undefined],
    ]);
  });

  it("states the limits of the guidance", () => {
    expect(data.limits).toMatchObject({
      coldOrHeatMinutesAtATime: perApplication,
      minutesOffBetweenColdOrHeat: minutesOff,
      heatPerDay: heatTimes,
      massageMinutesPerAreaPerDay: defaultMassage,
      stopForTheDayAfterRating: stopRating,
      stopForTheDayAfterRise: stopRise,
    });
  });

  it("shows what the person typed as text, never as markup or terminal codes", () => {
    const html = reportHtml(data);
    expect(html).toContain(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#39;Bob&#39; &amp; \\x1b]0;title\\x07",
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("\u001b");
    expect(html).not.toContain("\u0007");
    expect(html).toContain("too few days to say");
  });
});
