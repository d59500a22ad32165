import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import type { Area } from "../../src/routine/vocabulary.js";
import {
  type AnsweredVia,
  type ScreenId,
  type ScreeningEvent,
  screensDue,
} from "../../src/safety/screening.js";
import { stated } from "../guidance.js";

// An unattended start (a reminder, a script): no terminal, so nothing can be asked, and knot
// starts only on a "none of these" still within its validity, however it was given.
const [AHEAD_HOURS = Number.NaN] = stated(
  /Red flags without a terminal:.* said none applies ahead of time .* within the last (\d+) hours/,
);
const [VALID_DAYS = Number.NaN] = stated(/conditions .* are asked again after (\d+) days/);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse("2026-11-30T07:00:00Z");

const step = (kind: TimelineEntry["kind"], area?: Area): TimelineEntry => ({
  name: kind,
  kind,
  seconds: 60,
  ...(area ? { area } : {}),
});
/** Each list, in a session that asks it, and how long a "none" to it holds there. */
const CASES: {
  list: ScreenId;
  why: string;
  timeline: TimelineEntry[];
  areas: Area[];
  ms: number;
}[] = [
  {
    list: "neck",
    why: "the neck's flags, before a desk break that works the neck",
    timeline: [step("hold")],
    areas: ["shoulders", "neck"],
    ms: AHEAD_HOURS * HOUR,
  },
  {
    list: "red-flags",
    why: "the red flags before massage",
    timeline: [step("massage", "upper-back")],
    areas: [],
    ms: AHEAD_HOURS * HOUR,
  },
  {
    list: "red-flags",
    why: "the red flags before a stretch",
    timeline: [step("hold", "lower-back")],
    areas: [],
    ms: VALID_DAYS * DAY,
  },
  {
    list: "massage",
    why: "massage's ask-first list",
    timeline: [step("massage", "upper-back")],
    areas: [],
    ms: VALID_DAYS * DAY,
  },
];
const VIAS: AnsweredVia[] = ["ahead", "session", "settings"];

/** What an unattended start now asks about `list`, after every other list was answered lately. */
function dueAfter(
  c: (typeof CASES)[number],
  answer: ScreeningEvent["answer"],
  via: AnsweredVia,
  ago: number,
): boolean {
  const others: ScreeningEvent = {
    at: NOW - HOUR,
    lists: ["red-flags", "neck", "cold", "heat", "massage"],
    answer: "none",
    via: "ahead",
  };
  const events: ScreeningEvent[] = [
    // the older answer to everything, then this one to the list itself
    { ...others, at: NOW - ago - HOUR },
    { at: NOW - ago, lists: [c.list], answer, via },
  ];
  if (c.list === "neck" || c.list === "massage")
    events.push({ ...others, lists: others.lists.filter((l) => l !== c.list) });
  else events.push({ ...others, lists: others.lists.filter((l) => l !== "red-flags") });
  const due = screensDue({
    timeline: c.timeline,
    areas: c.areas,
    events,
    now: NOW,
    atTerminal: false,
  });
  return due.includes(c.list);
}

describe("an unattended start counts a recent 'none of these', however it was given (fake clock)", () => {
  for (const c of CASES) {
    for (const via of VIAS) {
      it(`${c.why}: answered none ${via === "session" ? "at a session" : via}`, () => {
        expect(dueAfter(c, "none", via, 0)).toBe(false);
        expect(dueAfter(c, "none", via, c.ms - 1)).toBe(false);
        // expired: asked again, so without a terminal knot refuses
        expect(dueAfter(c, "none", via, c.ms)).toBe(true);
        expect(dueAfter(c, "none", via, c.ms + DAY)).toBe(true);
      });
      it(`${c.why}: an answer that one applies is asked again (${via})`, () => {
        for (const answer of ["applies", "soon", "emergency", "reset"] as const)
          expect(dueAfter(c, answer, via, HOUR), answer).toBe(true);
      });
    }
  }

  it("a later 'none' at a session undoes an earlier 'yes', and a later 'yes' an earlier 'none'", () => {
    const c = CASES[0]!;
    const at = (ago: number, answer: ScreeningEvent["answer"]): ScreeningEvent => ({
      at: NOW - ago,
      lists: ["neck"],
      answer,
      via: "session",
    });
    const due = (events: ScreeningEvent[]) =>
      screensDue({ timeline: c.timeline, areas: c.areas, events, now: NOW, atTerminal: false });
    expect(due([at(2 * HOUR, "soon"), at(HOUR, "none")])).not.toContain("neck");
    expect(due([at(2 * HOUR, "none"), at(HOUR, "soon")])).toContain("neck");
  });

  it("at a terminal, the lists about now are shown again, whatever was answered", () => {
    const [neck, massageFlags] = CASES;
    const events: ScreeningEvent[] = [
      { at: NOW - HOUR, lists: ["red-flags", "neck", "massage"], answer: "none", via: "session" },
    ];
    const due = (c: (typeof CASES)[number]) =>
      screensDue({ timeline: c.timeline, areas: c.areas, events, now: NOW, atTerminal: true });
    expect(due(neck!)).toEqual(["neck"]);
    expect(due(massageFlags!)).toEqual(["red-flags"]);
  });
});
