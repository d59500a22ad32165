import { describe, expect, it } from "vitest";
import {
  AHEAD_OF_TIME_HOURS,
  CONTRAINDICATIONS,
  NECK_RED_FLAGS,
  RED_FLAGS,
  SCREENING_VALID_DAYS,
} from "../../src/health.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import type { Area } from "../../src/routine/vocabulary.js";
import {
  type ScreenId,
  type ScreeningEvent,
  screenGroups,
  screensDue,
} from "../../src/safety/screening.js";
import {
  appendScreening,
  readAnswers,
  readScreeningFile,
  screeningFile,
} from "../../src/safety/screening-log.js";
import { safetyText } from "../../src/text/safety.js";
import { guidance, stated } from "../guidance.js";

const { screenLines } = safetyText;

import { tempDir } from "../helpers.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse("2026-03-02T09:00:00Z");

const step = (kind: TimelineEntry["kind"], area?: Area): TimelineEntry => ({
  name: kind,
  kind,
  seconds: 60,
  ...(area ? { area } : {}),
});
const SESSIONS = {
  "tennis-ball": { timeline: [step("prepare"), step("massage", "upper-back")], areas: [] },
  heat: { timeline: [step("prepare"), step("heat")], areas: [] },
  cold: { timeline: [step("prepare"), step("cold")], areas: [] },
  stretch: { timeline: [step("hold", "lower-back")], areas: [] },
  "neck stretch": { timeline: [step("hold", "neck")], areas: [] },
  "desk-break": { timeline: [step("hold")], areas: ["shoulders", "neck"] as Area[] },
} satisfies Record<string, { timeline: TimelineEntry[]; areas: Area[] }>;
type Session = keyof typeof SESSIONS;

/**
 * A person who starts these sessions, one after another on a fake clock, and answers "none of
 * these" to every screen shown, at a terminal or (atTerminal false) ahead of time when told to.
 * Returns what each start showed.
 */
function timeline(
  starts: { session: Session; at: number; atTerminal?: boolean }[],
  events: ScreeningEvent[] = [],
): ScreenId[][] {
  return starts.map(({ session, at, atTerminal = true }) => {
    const { timeline, areas } = SESSIONS[session];
    const due = screensDue({ timeline, areas, events, now: at, atTerminal });
    if (atTerminal && due.length > 0)
      events.push({ at, lists: due, answer: "none", via: "session" });
    return due;
  });
}

describe("which screens a session shows, and when (fake clock)", () => {
  it("shows the red flags at the start of every massage, heat or cold session", () => {
    const shown = timeline(
      (["tennis-ball", "tennis-ball", "heat", "cold", "tennis-ball"] as const).map(
        (session, i) => ({
          session,
          at: START + i * 5 * 60_000,
        }),
      ),
    );
    expect(shown).toEqual([
      ["red-flags", "massage"],
      ["red-flags"],
      ["red-flags", "heat"],
      ["red-flags", "cold"],
      ["red-flags"],
    ]);
  });

  it(`before a stretch, asks the red flags at first use and again after ${SCREENING_VALID_DAYS} days`, () => {
    const days = [0, 1, SCREENING_VALID_DAYS - 1, SCREENING_VALID_DAYS, SCREENING_VALID_DAYS + 1];
    const shown = timeline(days.map((d) => ({ session: "stretch" as const, at: START + d * DAY })));
    expect(shown).toEqual([["red-flags"], [], [], ["red-flags"], []]);
  });

  it("a massage session's answer counts for the stretch after it, not the other way round", () => {
    const shown = timeline([
      { session: "tennis-ball", at: START },
      { session: "stretch", at: START + 2 * DAY },
      { session: "tennis-ball", at: START + 2 * DAY + HOUR },
    ]);
    expect(shown).toEqual([["red-flags", "massage"], [], ["red-flags"]]);
  });

  it(`asks the lasting conditions again after ${SCREENING_VALID_DAYS} days`, () => {
    const shown = timeline(
      [0, SCREENING_VALID_DAYS - 1, SCREENING_VALID_DAYS].map((d) => ({
        session: "heat" as const,
        at: START + d * DAY,
      })),
    );
    expect(shown).toEqual([["red-flags", "heat"], ["red-flags"], ["red-flags", "heat"]]);
  });

  it("shows the neck's flags only before work on the neck, and at every such session", () => {
    const shown = timeline([
      { session: "stretch", at: START },
      { session: "neck stretch", at: START + HOUR },
      { session: "neck stretch", at: START + 2 * HOUR },
      { session: "desk-break", at: START + 3 * HOUR },
      { session: "stretch", at: START + 4 * HOUR },
      { session: "tennis-ball", at: START + 5 * HOUR },
    ]);
    expect(shown).toEqual([
      ["red-flags"],
      ["neck"],
      ["neck"],
      ["neck"],
      [],
      ["red-flags", "massage"],
    ]);
  });

  it("puts the red flags and the neck's on one screen, before each ask-first list", () => {
    expect(screenGroups(["red-flags", "neck", "cold", "massage"])).toEqual([
      ["red-flags", "neck"],
      ["cold"],
      ["massage"],
    ]);
    expect(screenGroups(["heat"])).toEqual([["heat"]]);
  });

  it(`without a terminal, an answer given ahead of time counts for ${AHEAD_OF_TIME_HOURS} hours`, () => {
    const ahead: ScreeningEvent = {
      at: START,
      lists: ["red-flags", "neck", "cold"],
      answer: "none",
      via: "ahead",
    };
    const headless = (session: Session, after: number) =>
      timeline([{ session, at: START + after, atTerminal: false }], [ahead])[0];
    expect(headless("cold", HOUR)).toEqual([]);
    expect(headless("cold", AHEAD_OF_TIME_HOURS * HOUR - 1)).toEqual([]);
    expect(headless("cold", AHEAD_OF_TIME_HOURS * HOUR)).toEqual(["red-flags"]);
    expect(headless("neck stretch", AHEAD_OF_TIME_HOURS * HOUR)).toEqual(["neck"]);
    // a lasting list, and the red flags before a stretch, hold for the days
    expect(headless("cold", 2 * DAY)).toEqual(["red-flags"]);
    expect(headless("stretch", 2 * DAY)).toEqual([]);
    // at a terminal the red flags are shown all the same
    expect(timeline([{ session: "cold", at: START + HOUR }], [ahead])[0]).toEqual(["red-flags"]);
  });

  it(`an answer given during a session counts for a later session without a terminal, for ${AHEAD_OF_TIME_HOURS} hours`, () => {
    const events: ScreeningEvent[] = [];
    timeline([{ session: "cold", at: START }], events);
    expect(timeline([{ session: "cold", at: START + HOUR, atTerminal: false }], events)[0]).toEqual(
      [],
    );
    const late = START + AHEAD_OF_TIME_HOURS * HOUR;
    expect(timeline([{ session: "cold", at: late, atTerminal: false }], events)[0]).toEqual([
      "red-flags",
    ]);
  });

  it("a later answer that one applies, or a reset, undoes an earlier none", () => {
    const none: ScreeningEvent = { at: START, lists: ["massage"], answer: "none", via: "session" };
    const due = (later: ScreeningEvent) =>
      screensDue({
        timeline: SESSIONS["tennis-ball"].timeline,
        events: [none, later],
        now: START + 2 * DAY,
        atTerminal: true,
      });
    expect(due({ ...none, at: START + DAY, answer: "override" })).toEqual(["red-flags"]);
    expect(due({ ...none, at: START + DAY, answer: "applies" })).toEqual(["red-flags", "massage"]);
    expect(due({ at: START + DAY, lists: ["red-flags", "massage"], answer: "reset" })).toEqual([
      "red-flags",
      "massage",
    ]);
  });
});

describe("the screening record", () => {
  it("appends dated answers to screening.jsonl in the data folder, and reads them back", () => {
    const data = tempDir();
    const events: ScreeningEvent[] = [
      { at: START, lists: ["red-flags", "neck"], answer: "none", via: "session" },
      { at: START + 1000, lists: ["massage"], answer: "applies", via: "session" },
      { at: START + 2000, lists: ["massage"], answer: "override" },
    ];
    appendScreening(data, events.slice(0, 2));
    appendScreening(data, events.slice(2));
    expect(screeningFile(data)).toBe(`${data}/screening.jsonl`);
    expect(readScreeningFile(data)).toEqual(events);
  });

  it("keeps reading the answers an earlier knot kept in the settings", () => {
    const settings = {
      get: () => undefined as never,
      internal: (key: string) =>
        key === "screening" ? { massage: "2026-03-01T09:00:00Z", bogus: "x" } : undefined,
    };
    const answers = readAnswers(tempDir(), settings, () => {});
    expect(answers).toEqual([
      {
        at: Date.parse("2026-03-01T09:00:00Z"),
        lists: ["massage"],
        answer: "none",
        via: "settings",
      },
    ]);
    expect(
      screensDue({
        timeline: SESSIONS["tennis-ball"].timeline,
        events: answers,
        now: START,
        atTerminal: true,
      }),
    ).toEqual(["red-flags"]);
  });
});

/**
 * The items of one list in docs/health-guidance.md: the text after `label` up to the end of its
 * list item, split at ";" (the guidance separates the items so).
 */
function guidanceItems(label: RegExp): string[] {
  const match = guidance.match(label);
  if (!match) throw new Error(`docs/health-guidance.md has no list ${label}`);
  return match[1]!
    .replace(/\s*\([^)]*\)\.?\s*$/, "")
    .replace(/\.\s*$/, "")
    .split(/;\s*/)
    .map((s) => s.replace(/^or /, "").trim());
}

/** Each guidance item, and the words knot's own item for it must carry. */
const LISTS: [string, RegExp, readonly string[], string[]][] = [
  [
    "red flags: emergency",
    /\*\*Emergency: call 999[^*]*\*\* for: ([^\n]*)/,
    RED_FLAGS.emergency.slice(0, 5),
    ["both legs", "genitals or buttocks", "bladder or bowel", "chest pain", "serious accident"],
  ],
  [
    "red flags: emergency too (cauda equina)",
    /\*\*Emergency too[^*]*\*\* ([^\n]*)/,
    RED_FLAGS.emergency.slice(5),
    ["erection, or loss of feeling during sex"],
  ],
  [
    "red flags: see a doctor soon",
    /\*\*See a doctor soon\*\* for: ([^\n]*)/,
    RED_FLAGS.soon,
    [
      "fever",
      "weight loss",
      "shape of your back",
      "worse at night",
      "shoulder blades",
      "keeps getting worse",
      "daily activities",
      "cough, sneeze or go to the toilet",
      "cancer, long-term steroids, or a weakened immune system",
      "not released after",
    ],
  ],
  [
    "cold: ask a clinician first",
    /## Cold[\s\S]*?\*\*Ask a clinician first\*\* \([^)]*\): ([^\n]*)/,
    CONTRAINDICATIONS.cold.askFirst,
    [
      "Raynaud's",
      "urticaria",
      "poor circulation or peripheral vascular disease",
      "numb areas",
      "angina",
      "broken skin",
      "dermatitis",
      "fever or an infection",
      "history of cancer",
      "bad reaction to cold",
    ],
  ],
  [
    "heat: ask a clinician first",
    /## Heat[\s\S]*?\*\*Ask a clinician first\*\* \([^)]*\): ([^\n]*)/,
    CONTRAINDICATIONS.heat.askFirst,
    [
      "angina",
      "fever or an infection",
      "history of cancer",
      "eczema or dermatitis",
      "diabetes",
      "bad reaction to heat",
    ],
  ],
  [
    "self-massage: ask a doctor first",
    /\*\*Do not massage, or ask a doctor first:\*\* ([^\n]*)/,
    CONTRAINDICATIONS.massage.askFirst,
    [
      "pregnancy",
      "high blood pressure",
      "blood thinners or a bleeding disorder",
      "deep-vein thrombosis",
      "fracture",
      "severe osteoporosis",
      "wound or burn",
      "cancer",
    ],
  ],
];

describe("the lists against docs/health-guidance.md", () => {
  it.each(LISTS)(
    "%s: one item of knot's for each of the guidance's",
    (_name, label, knots, words) => {
      const items = guidanceItems(label);
      expect(knots).toHaveLength(items.length);
      expect(words).toHaveLength(items.length);
      words.forEach((word, i) => {
        const knot = knots.find((k) => k.includes(word));
        expect(knot, `knot's list has no item with "${word}"`).toBeDefined();
        // the guidance's item i says the same thing, in its own words
        const key = word.split(/[ ,]/).find((w) => w.length > 4) ?? word;
        expect(items[i]!.toLowerCase(), `guidance item ${i}: ${items[i]}`).toContain(
          key.toLowerCase().replace("your", "the"),
        );
      });
    },
  );

  it("has the neck's flags: six for help the same day, one emergency", () => {
    const text = guidance.match(/\*\*Neck\*\* \(asked before[^)]*\): ([^\n]*)/)?.[1] ?? "";
    expect(text).toMatch(/stop and get help the same day for/);
    const sameDay = text
      .replace(/^.*same day for /, "")
      .replace(/ \(IFOMPT.*$/, "")
      .split(/, or |, /);
    expect(sameDay).toHaveLength(6);
    expect([...NECK_RED_FLAGS.sameDay]).toEqual(sameDay);
    expect(text).toMatch(
      /Pain between the shoulder blades together with chest pain or breathlessness is an emergency/,
    );
    expect(NECK_RED_FLAGS.emergency).toEqual([
      "pain between the shoulder blades with chest pain or breathlessness",
    ]);
  });

  it("shows all of them on the screens", () => {
    const flags = screenLines(["red-flags", "neck"]).join("\n");
    for (const item of [...RED_FLAGS.emergency, ...RED_FLAGS.soon, ...NECK_RED_FLAGS.sameDay])
      expect(flags).toContain(item);
    expect(flags).toContain(NECK_RED_FLAGS.emergency[0]);
    expect(screenLines(["red-flags"]).join("\n")).not.toContain("dizziness");
    for (const id of ["cold", "heat", "massage"] as const)
      expect(screenLines([id]).slice(1)).toEqual(
        CONTRAINDICATIONS[id].askFirst.map((i) => safetyText.item(i)),
      );
  });

  it(`asks lasting conditions again after ${SCREENING_VALID_DAYS} days, as the guidance says`, () => {
    const [days] = stated(
      /\(pregnancy, high blood pressure, heart conditions\) are asked again after (\d+) days/,
    );
    expect(SCREENING_VALID_DAYS).toBe(days);
    expect(guidance).toMatch(
      /red flags are about now, so they are shown again at the start of each massage, heat or cold session/,
    );
  });
});
