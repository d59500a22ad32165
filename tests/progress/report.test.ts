import { describe, expect, it } from "vitest";
import { painChange, psfsChange } from "../../src/progress/change.js";
import type { Progress } from "../../src/progress/gather.js";
import { whatHelps } from "../../src/progress/helps.js";
import { emptyPsfs } from "../../src/progress/psfs.js";
import { recordDays, reportData } from "../../src/progress/report-data.js";
import { foldWeeks, reportHtml } from "../../src/progress/report-html.js";
import { labelledColumns } from "../../src/progress/svg.js";
import { progressText } from "../../src/text/progress.js";
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

function progress(records: ReturnType<typeof rec>[], days = 42): Progress {
  const rated = records.filter(
    (r) => r.ratings.before !== undefined || r.ratings.after !== undefined,
  );
  return {
    days,
    from: NOW - (days - 1) * DAY,
    sessions: records.length,
    minutes: records.reduce((n, r) => n + r.doneSeconds / 60, 0),
    perDay: [],
    minutesByCategory: new Map([["stretch", 3]]),
    minutesByArea: new Map([["lower-back", 3]]),
    rated,
    all: records,
    trend: { worse: false, reasons: [] },
    psfs: emptyPsfs(),
    change: { pain: painChange(rated, days, NOW), psfs: psfsChange([], days, NOW) },
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

describe("a report of many weeks fits its page", () => {
  const year = 52 * 7;
  const records = Array.from({ length: year / 3 }, (_, i) =>
    rec({
      start: new Date(NOW - (year - 1 - 3 * i) * DAY).toISOString(),
      ratings: { before: 5, after: 3 },
    }),
  );
  const data = reportData({
    progress: progress(records, year),
    now: NOW,
    screening: [],
    massageLimitMinutes: defaultMassage!,
  });
  const html = reportHtml(data);
  const latestWeek = data.perWeek.at(-1)!.week.slice(5);

  it("folds the weeks into at most 8 columns, the latest whole and last", () => {
    expect(foldWeeks([1, 2, 3, 4, 5, 6])).toEqual([[1], [2], [3], [4], [5], [6]]);
    expect(foldWeeks(Array.from({ length: 12 }, (_, i) => i)).at(-1)).toEqual([10, 11]);
    const folded = foldWeeks(Array.from({ length: 53 }, (_, i) => i));
    expect(folded).toHaveLength(8);
    expect(folded.at(-1)).toEqual([46, 47, 48, 49, 50, 51, 52]);
    expect(folded.flat()).toHaveLength(53);
    const doseTable = html.slice(html.indexOf("<h2>Routines and doses"));
    const header = doseTable.slice(0, doseTable.indexOf("</tr>"));
    expect(header.match(/<th/g)).toHaveLength(1 + 8);
    expect(header).toContain(`to ${latestWeek}`);
    // every session is in the table still: the columns add up to the period
    const all = doseTable.slice(doseTable.indexOf("<th>All</th>"));
    const sessions = [...all.matchAll(/>(\d+)×/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(sessions).toBe(records.length);
    expect(html).toMatch(/\d+ weeks in 8 columns/);
  });

  it("labels only as many weekly columns as fit, always the latest", () => {
    const labelled = labelledColumns(53, 330);
    const shown = Array.from({ length: 53 }, (_, i) => i).filter(labelled);
    expect(shown.length).toBeLessThanOrEqual(Math.floor(330 / 40));
    expect(shown.at(-1)).toBe(52);
    expect(Array.from({ length: 6 }, (_, i) => i).filter(labelledColumns(6, 330))).toHaveLength(6);
    const chart = html.slice(html.indexOf('aria-label="Sessions per week"'));
    const labels = chart.slice(0, chart.indexOf("</svg>")).match(/class="dim">\d\d-\d\d</g);
    expect(labels!.length).toBeLessThanOrEqual(8);
    expect(chart.slice(0, chart.indexOf("</svg>"))).toContain(`>${latestWeek}</text>`);
  });

  it("starts at the first record when the history is shorter than asked, and says so", () => {
    const short = [rec({ start: new Date(NOW - 20 * DAY).toISOString() })];
    expect(recordDays(progress(short, year), year, NOW)).toBe(21);
    expect(recordDays(progress([], year), year, NOW)).toBe(year);
    const p = progress(short, 21);
    const d = reportData({
      progress: p,
      now: NOW,
      screening: [],
      massageLimitMinutes: 20,
      askedDays: year,
    });
    expect(d.period).toMatchObject({ weeks: 3, askedWeeks: 52, startsAtFirstRecord: true });
    expect(reportHtml(d)).toContain(
      `52 weeks asked for, and the record starts on ${d.period.from}`,
    );
  });

  it("keeps each heading on the page of its chart", () => {
    expect(html).toMatch(/\.keep \{[^}]*break-inside: avoid/);
    for (const heading of [
      "Pain before and after",
      "Sessions and minutes",
      "What gives short-term",
    ])
      expect(html).toContain(`<div class="keep"><h2>${heading}`);
  });

  it("says what the relief rests on as a condition, not a count", () => {
    expect(progressText.relief).toContain("routines and areas with at least");
    expect(progressText.relief).not.toMatch(/from \d+ sessions/);
  });
});
