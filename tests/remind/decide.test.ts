import { describe, expect, it } from "vitest";
import { summaryOf } from "../../src/history/record.js";
import {
  decideNudge,
  isSpent,
  type Nudge,
  type NudgeInput,
  nextDue,
  type ReminderState,
} from "../../src/remind/decide.js";
import { lastSlot, nextSlot, type Reminder, slotsOn } from "../../src/remind/model.js";
import { parseBetween, parseDays, parseEvery } from "../../src/remind/parse.js";
import type { Area } from "../../src/routine/vocabulary.js";
import { withPackOff } from "../../src/session/timeline-to-run.js";
import { localized } from "../../src/text/locale.js";
import { reminderText, whyQuiet } from "../../src/text/remind.js";
import { massageStep, rec, thermalStep } from "../history/fixtures.js";

/** English words as the language the tests run in gives them (marked in the pseudo-locale). */
const words = (english: string) => localized({ english }).english;

/** A decision with the words knot gives a quiet one (src/text/remind.ts). */
const worded = (nudge: Nudge) =>
  nudge.action === "quiet"
    ? { action: nudge.action, code: nudge.code, why: whyQuiet(nudge) }
    : nudge;

const MIN = 60_000;
/** Local time on a day of the week of 23-29 November 2026 (Monday 23rd). */
const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, 23 + day, hh, mm).getTime();

const desk: Reminder = {
  id: "r1",
  kind: "every",
  routine: "desk-break",
  every: 60,
  between: ["09:00", "17:30"],
  days: ["mon", "tue", "wed", "thu", "fri"],
  createdAt: new Date(at(0, 8)).toISOString(),
};
const deskRoutine = {
  id: "desk-break",
  name: "Desk break",
  category: "stretch" as const,
  areas: ["shoulders", "neck"] as Area[],
  timeline: [{ name: "Shoulder rolls", kind: "move" as const, seconds: 60 }],
};

function input(now: number, over: Partial<NudgeInput> = {}): NudgeInput {
  return {
    reminder: desk,
    routine: deskRoutine,
    now,
    state: {},
    records: [],
    recent: [],
    massageLimitSeconds: 360,
    ...over,
  };
}

/**
 * Runs a reminder through a simulated week, asking every minute as a scheduler (or --here)
 * would, remembering what fired: returns when it reminded.
 */
function week(
  options: { awake?: (t: number) => boolean; over?: (t: number) => Partial<NudgeInput> } = {},
) {
  const state: ReminderState = {};
  const fired: number[] = [];
  for (let t = at(0, 0); t < at(7, 0); t += MIN) {
    if (options.awake && !options.awake(t)) continue;
    const nudge = decideNudge(input(t, { state, ...options.over?.(t) }));
    if (nudge.action === "remind") {
      fired.push(t);
      state.lastFiredAt = t;
    }
  }
  return fired;
}

const hhmm = (t: number) => new Date(t).toTimeString().slice(0, 5);

describe("reading a reminder", () => {
  it("takes intervals, hours and days as people write them", () => {
    expect(parseEvery("1h")).toBe(60);
    expect(parseEvery("45m")).toBe(45);
    expect(parseEvery("1h30m")).toBe(90);
    expect(parseEvery("90")).toBe(90);
    expect(() => parseEvery("5m")).toThrow(/15 minutes to 8 hours/);
    expect(() => parseEvery("9h")).toThrow();
    expect(() => parseEvery("soon")).toThrow();
    expect(parseBetween("9:00-17:30")).toEqual(["09:00", "17:30"]);
    expect(() => parseBetween("17:00-09:00")).toThrow(/the first earlier/);
    expect(() => parseBetween("25:00-26:00")).toThrow();
    expect(parseDays("mon-fri")).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDays("fri-mon")).toEqual(["fri", "sat", "sun", "mon"]);
    expect(parseDays("mon,wed,fri")).toEqual(["mon", "wed", "fri"]);
    expect(parseDays("weekend")).toEqual(["sun", "sat"]);
    expect(() => parseDays("funday")).toThrow(/--days/);
  });

  it("is due at its slots, within its hours and on its days", () => {
    expect(slotsOn(desk, at(0, 0)).map(hhmm)).toEqual([
      "09:00",
      "10:00",
      "11:00",
      "12:00",
      "13:00",
      "14:00",
      "15:00",
      "16:00",
      "17:00",
    ]);
    expect(slotsOn(desk, at(5, 0))).toEqual([]); // Saturday
    expect(nextSlot(desk, at(4, 17, 30))).toBe(at(7, 9)); // Friday evening: Monday 09:00
    expect(lastSlot(desk, at(0, 10, 59))).toBe(at(0, 10));
  });
});

describe("the nudge decision, over a simulated week", () => {
  it("reminds once a slot, only in its hours, only on its days", () => {
    const fired = week();
    expect(fired).toHaveLength(5 * 9);
    for (const t of fired) {
      expect(new Date(t).getDay()).toBeGreaterThanOrEqual(1);
      expect(new Date(t).getDay()).toBeLessThanOrEqual(5);
      expect(hhmm(t)).toMatch(/^(09|1[0-7]):00$/);
    }
  });

  it("stays quiet when a session of that kind ended within the interval", () => {
    const fired = week({
      over: (t) => {
        // a stretch done at 10:40 each day
        const day = Math.floor((t - at(0, 0)) / (24 * 60 * MIN));
        const done = rec({ start: new Date(at(day, 10, 30)).toISOString() });
        return t >= Date.parse(done.endedAt) ? { recent: [summaryOf(done)] } : {};
      },
    });
    // 11:00 is skipped (the stretch ended 10:31); 12:00 reminds again
    expect(fired.filter((t) => hhmm(t) === "11:00")).toEqual([]);
    expect(fired.filter((t) => hhmm(t) === "12:00")).toHaveLength(5);
  });

  it("a laptop asleep through slots reminds once when it wakes, not in a burst", () => {
    // asleep on Tuesday from 09:30 to 14:10
    const asleep = (t: number) => t >= at(1, 9, 30) && t < at(1, 14, 10);
    const fired = week({ awake: (t) => !asleep(t) });
    const tuesday = fired.filter((t) => t >= at(1, 0) && t < at(2, 0)).map(hhmm);
    expect(tuesday).toEqual(["09:00", "14:10", "15:00", "16:00", "17:00"]);
  });

  it("a snooze holds the reminder, then brings it back once", () => {
    const state: ReminderState = { lastFiredAt: at(0, 10), snoozedUntil: at(0, 10, 10) };
    expect(decideNudge(input(at(0, 10, 5), { state })).action).toBe("quiet");
    expect(decideNudge(input(at(0, 10, 10), { state }))).toEqual({ action: "remind" });
    state.lastFiredAt = at(0, 10, 10);
    expect(decideNudge(input(at(0, 10, 30), { state })).action).toBe("quiet");
  });

  it("checks the routine's own steps, not its category: a massage routine that warms up with heat", () => {
    const warmed = {
      ...deskRoutine,
      id: "warm-massage",
      category: "massage" as const,
      timeline: withPackOff([
        { name: "Wrap", kind: "prepare", seconds: null },
        { name: "Heat on", kind: "heat", seconds: 600 },
        { name: "Roll", kind: "massage", seconds: 120, area: "upper-back" },
      ]),
    };
    const pack = rec({
      start: new Date(at(0, 10, 55)).toISOString(),
      category: "cold",
      steps: [thermalStep("cold", new Date(at(0, 10, 55)).toISOString(), 240)],
    });
    const reminder = { ...desk, routine: "warm-massage" };
    expect(
      worded(decideNudge(input(at(0, 11, 2), { reminder, routine: warmed, records: [pack] }))),
    ).toEqual({
      action: "quiet",
      code: "time-off",
      why: words("10 minutes off between applications of cold or heat"),
    });
  });

  it("no massage nudge past the daily limit", () => {
    const balls = {
      ...deskRoutine,
      id: "tennis-ball",
      category: "massage" as const,
      timeline: [
        { name: "Roll", kind: "massage" as const, seconds: 120, area: "upper-back" as const },
      ],
    };
    const reminder = { ...desk, routine: "tennis-ball" };
    const morning = rec({
      start: new Date(at(0, 7)).toISOString(),
      category: "massage",
      routine: "tennis-ball",
      areas: ["upper-back"],
      steps: [massageStep(new Date(at(0, 7)).toISOString(), 360, "upper-back")],
    });
    const nudge = decideNudge(
      input(at(0, 11), { reminder, routine: balls, records: [morning], recent: [] }),
    );
    expect(worded(nudge)).toEqual({
      action: "quiet",
      code: "massage-limit",
      why: words("the daily self-massage limit is reached"),
    });
    expect(
      decideNudge(input(at(0, 11), { reminder, routine: balls, records: [], recent: [] })).action,
    ).toBe("remind");
  });

  it("no cold nudge sooner than 2 hours after the last, no heat past 3 a day", () => {
    const cold = {
      ...deskRoutine,
      id: "cold-cycle",
      category: "cold" as const,
      timeline: withPackOff([
        { name: "Wrap", kind: "prepare", seconds: null },
        { name: "Cold pack on", kind: "cold", seconds: 600 },
      ]),
    };
    const once: Reminder = {
      id: "r2",
      kind: "once",
      routine: "cold-cycle",
      at: new Date(at(0, 11)).toISOString(),
      createdAt: new Date(at(0, 9, 30)).toISOString(),
    };
    const pack = rec({
      start: new Date(at(0, 9, 10)).toISOString(),
      category: "cold",
      steps: [thermalStep("cold", new Date(at(0, 9, 10)).toISOString(), 600)],
    });
    const base = { reminder: once, routine: cold, records: [pack] };
    // set at 09:30 for 11:00, but asked early (a clock change): still too soon
    expect(decideNudge(input(at(0, 10, 59), base)).action).toBe("quiet");
    expect(decideNudge(input(at(0, 11, 20), base))).toEqual({ action: "remind" });
    // a cold session since it was set: the reminder has nothing left to say
    const again = rec({ start: new Date(at(0, 10)).toISOString(), category: "cold" });
    const spent = decideNudge(input(at(0, 11, 20), { ...base, recent: [summaryOf(again)] }));
    expect(spent).toMatchObject({ action: "quiet", code: "done-since-set" });
    expect(isSpent(spent)).toBe(true);

    const heat = {
      ...deskRoutine,
      id: "heat",
      category: "heat" as const,
      timeline: withPackOff([
        { name: "Wrap", kind: "prepare", seconds: null },
        { name: "Heat on", kind: "heat", seconds: 900 },
      ]),
    };
    const heats = [8, 10, 12].map((h) =>
      rec({
        start: new Date(at(0, h)).toISOString(),
        category: "heat",
        steps: [thermalStep("heat", new Date(at(0, h)).toISOString(), 600)],
      }),
    );
    const reminder = { ...desk, routine: "heat", every: 120 };
    expect(
      worded(decideNudge(input(at(0, 15), { reminder, routine: heat, records: heats }))),
    ).toEqual({
      action: "quiet",
      code: "heat-per-day",
      why: words("heat up to 3 times in 24 hours"),
    });
    // counted over 24 hours: three heats late in the evening still count after midnight
    const late = [21, 22, 23].map((h) =>
      rec({
        start: new Date(at(0, h)).toISOString(),
        category: "heat",
        steps: [thermalStep("heat", new Date(at(0, h)).toISOString(), 600)],
      }),
    );
    const always = { ...reminder, between: ["00:00", "23:59"] as [string, string] };
    expect(
      worded(decideNudge(input(at(1, 9), { reminder: always, routine: heat, records: late }))),
    ).toEqual({
      action: "quiet",
      code: "heat-per-day",
      why: words("heat up to 3 times in 24 hours"),
    });
  });

  it("while things are getting worse, only the advice to see a doctor, once a day", () => {
    const worse = [1, 2].map((d) =>
      summaryOf(
        rec({
          start: new Date(at(0, 8) - d * 24 * 60 * MIN).toISOString(),
          ended: "pain",
          ratings: { before: 8 },
        }),
      ),
    );
    const fired: string[] = [];
    const state: ReminderState = {};
    for (let t = at(0, 0); t < at(2, 0); t += MIN) {
      const nudge = decideNudge(input(t, { state, recent: worse }));
      if (nudge.action === "remind") fired.push(`remind ${hhmm(t)}`);
      if (nudge.action === "advise") {
        fired.push(`advise ${new Date(t).getDate()} ${hhmm(t)}`);
        state.lastAdviceAt = t;
        state.lastFiredAt = t;
      }
    }
    expect(fired).toEqual(["advise 23 09:00", "advise 24 09:00"]);
  });
});

describe("a new reminder and a snooze", () => {
  it("a reminder set between its slots waits for its first, never firing at once", () => {
    const late = { ...desk, createdAt: new Date(at(0, 9, 51)).toISOString() };
    expect(worded(decideNudge(input(at(0, 9, 52), { reminder: late })))).toEqual({
      action: "quiet",
      code: "not-due",
      why: words("not due yet"),
    });
    expect(decideNudge(input(at(0, 10), { reminder: late }))).toEqual({ action: "remind" });
    expect(nextDue(late, {}, at(0, 9, 52))).toBe(at(0, 10));
  });

  it("while snoozed, the next time is the snooze's end, even with a slot inside it", () => {
    const state: ReminderState = { lastFiredAt: at(0, 9), snoozedUntil: at(0, 10, 8) };
    expect(nextDue(desk, state, at(0, 9, 58))).toBe(at(0, 10, 8));
    expect(worded(decideNudge(input(at(0, 10), { state })))).toEqual({
      action: "quiet",
      code: "snoozed",
      why: words("snoozed"),
    });
    expect(decideNudge(input(at(0, 10, 8), { state }))).toEqual({ action: "remind" });
    // the snooze over: its slots again
    expect(nextDue(desk, state, at(0, 10, 9))).toBe(at(0, 11));
  });
});

describe("what a reminder says", () => {
  it("what and how long, and the command that starts it", () => {
    expect(
      reminderText({
        ...deskRoutine,
        summary: "About 3 minutes of seated stretches, without leaving the chair",
        seconds: 170,
      }).body,
    ).toBe(
      words(
        "Desk break: about 3 minutes of seated stretches, without leaving the chair. Run: knot start desk-break",
      ),
    );
    // a routine of the person's own without a summary: its length
    expect(
      reminderText({ ...deskRoutine, id: "mine", name: "My break", summary: "", seconds: 290 }),
    ).toEqual({
      title: words("My break"),
      body: words("My break: about 5 minutes. Run: knot start mine"),
    });
  });
});

describe("what callers decide by", () => {
  it("a one-time reminder is spent by its code, whatever its words say", () => {
    // a decision holds no words (a translation changes none of them): the code decides
    expect(isSpent({ action: "quiet", code: "done-since-set", category: "cold" })).toBe(true);
    // the same words under another code: not spent
    expect(isSpent({ action: "quiet", code: "outside-hours", category: "cold" })).toBe(false);
    expect(isSpent({ action: "remind" })).toBe(false);
  });
});
