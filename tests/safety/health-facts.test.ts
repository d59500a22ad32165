import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../src/config/keys.js";
import { EVERY_TIME, SCREENING_VALID_DAYS } from "../../src/health.js";
import { loadLibrary } from "../../src/routine/library.js";
import { LIMITS } from "../../src/routine/limits.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { checkSessionRules, THERMAL_RULES } from "../../src/safety/rules.js";
import { TREND_RULES } from "../../src/safety/trend.js";
import { tempDir } from "../helpers.js";

/**
 * Every number knot's built-in routines and limits use must be one that shared/health-facts.md
 * supports. CI always has ../shared beside the clone; elsewhere these tests say what is missing.
 */
const FACTS = join(
  fileURLToPath(new URL("../../", import.meta.url)),
  "..",
  "shared",
  "health-facts.md",
);
const facts = existsSync(FACTS) ? readFileSync(FACTS, "utf8") : "";
const needFacts = () => {
  if (!facts) throw new Error(`health facts not found at ${FACTS}: clone knot beside shared/`);
};

const library = loadLibrary({ userDir: join(tempDir(), "none") });

/**
 * Each built-in step's dose, against the line of the facts that supports it: the phrase must
 * be in the facts, and the step must be inside its range (seconds per step, per side).
 */
const DOSES: Record<string, { phrase: RegExp; min: number; max: number; kinds?: string[] }> = {
  "Knee to chest": { phrase: /knee-to-chest .*5-30 s, 2-3 per side/, min: 5, max: 30 },
  "Knee rolls": { phrase: /knee rolls.*5-10 s, 2-3 per side/, min: 5, max: 10 },
  "Pelvic tilts": { phrase: /pelvic tilt .*5 s, 5 reps/, min: 25, max: 60 },
  "Bottom to heels": { phrase: /bottom-to-heels .*one slow breath, 8-10 reps/, min: 40, max: 90 },
  "Cat stretch": { phrase: /cat stretch .*slow, with the breath/, min: 20, max: 60 },
  "Cross-body shoulder": { phrase: /cross-body shoulder .*15-30 s per side/, min: 15, max: 30 },
  "Chest opener": { phrase: /chest opener .*15-30 s/, min: 15, max: 30 },
  "Neck side tilt": { phrase: /neck side tilt .*15-30 s, per side/, min: 15, max: 30 },
  // one 10 s twist a step (desk-break), or a moving step of several (stretch)
  "Seated twist": { phrase: /seated twist .*10 s per twist/, min: 10, max: 60 },
  "Shoulder rolls": { phrase: /roll shoulders 3 forward, 3 back/, min: 10, max: 30 },
  "Cold pack on": { phrase: /10-15 min on, never more than 20 min/, min: 600, max: 900 },
  "Heat on": { phrase: /10-20 min at a time/, min: 600, max: 1200 },
};

const entries = library.entries.filter((e) => e.origin === "built-in");
const steps = entries.flatMap((e) => e.timeline.map((t) => ({ id: e.routine.id, step: t })));

describe("built-in routines against shared/health-facts.md", () => {
  it("has the facts to check against", needFacts);

  it.each(Object.entries(DOSES))(
    "%s: the dose is in the facts and the step keeps to it",
    (name, dose) => {
      needFacts();
      expect(facts.replace(/\n\s*/g, " ")).toMatch(dose.phrase);
      const found = steps.filter(({ step }) => step.name === name);
      expect(found.length, `no built-in step called ${name}`).toBeGreaterThan(0);
      for (const { step } of found) {
        expect(step.seconds).toBeGreaterThanOrEqual(dose.min);
        expect(step.seconds).toBeLessThanOrEqual(dose.max);
      }
    },
  );

  it("every timed stretch, cold, heat and massage step has a dose checked above or below", () => {
    const checked = new Set(Object.keys(DOSES));
    for (const { id, step } of steps) {
      if (
        step.kind === "hold" ||
        step.kind === "move" ||
        step.kind === "cold" ||
        step.kind === "heat"
      ) {
        expect(checked.has(step.name), `${id}: ${step.name} has no dose from the facts`).toBe(true);
      }
    }
  });

  it("self-massage: 30 s-2 min per area per session, within 6 min a day", () => {
    needFacts();
    expect(facts).toMatch(/30 s-2 min per area per session/);
    expect(facts).toMatch(/daily limit per body area \(6 min\)/);
    for (const entry of entries) {
      const perArea = new Map<string, number>();
      for (const step of entry.timeline.filter((t: TimelineEntry) => t.kind === "massage")) {
        for (const area of step.area ? [step.area] : entry.routine.areas)
          perArea.set(area, (perArea.get(area) ?? 0) + (step.seconds ?? 0));
      }
      for (const [area, seconds] of perArea) {
        expect(seconds, `${entry.routine.id} ${area}`).toBeLessThanOrEqual(120);
        expect(seconds, `${entry.routine.id} ${area}`).toBeGreaterThanOrEqual(30);
      }
    }
  });

  it("stretch: whole routine 5-10 minutes, 2-4 repetitions of each held stretch", () => {
    needFacts();
    expect(facts).toMatch(/Whole routine 5-10 minutes/);
    expect(facts).toMatch(/2-4 repetitions per stretch/);
    const stretch = library.find("stretch")!;
    expect(stretch.totalSeconds).toBeGreaterThanOrEqual(300);
    expect(stretch.totalSeconds).toBeLessThanOrEqual(600);
    const holds = new Map<string, number>();
    for (const s of stretch.timeline.filter((t) => t.kind === "hold"))
      holds.set(`${s.name}${s.side ?? ""}`, (holds.get(`${s.name}${s.side ?? ""}`) ?? 0) + 1);
    for (const [name, reps] of holds) {
      expect(reps, name).toBeGreaterThanOrEqual(2);
      expect(reps, name).toBeLessThanOrEqual(4);
    }
  });

  it("every built-in routine passes the session rules", () => {
    for (const entry of entries)
      expect(checkSessionRules(entry.timeline), entry.routine.id).toEqual([]);
  });

  it("every number written in a routine's text is one the facts use", () => {
    needFacts();
    const numbers = new Set(facts.match(/\d+/g));
    const texts = entries.flatMap((e) => [
      e.routine.summary,
      e.routine.description,
      ...e.routine.cautions,
      ...e.timeline.map((t) => t.instruction ?? ""),
    ]);
    for (const text of texts) {
      for (const n of text.match(/\d+/g) ?? []) {
        expect(numbers.has(n), `"${n}" in: ${text}`).toBe(true);
      }
    }
  });
});

describe("knot's limits against shared/health-facts.md", () => {
  it.each([
    [
      "cold or heat at most 20 min",
      THERMAL_RULES.maxApplicationSeconds / 60,
      20,
      /never more than 20 min/,
    ],
    [
      "at least 10 min off between cold",
      THERMAL_RULES.minOffSeconds / 60,
      10,
      /at least 10 minutes off/,
    ],
    ["a hard cap of 4 rounds", THERMAL_RULES.maxColdRounds, 4, /hard cap on rounds \(e\.g\. 4\)/],
    ["heat up to 3 times a day", THERMAL_RULES.maxHeatPerDay, 3, /up to 3 times a day/],
    ["cold every 2-4 h", THERMAL_RULES.coldGapMs / 3_600_000, 2, /every 2-4 h/],
    ["holds never more than 30 s", LIMITS.holdSeconds, 30, /never more than 30 s/],
    ["default 2 rounds", CONFIG_KEYS["cold.rounds"].default, 2, /a\s+default of 2 rounds/],
    ["rounds setting at most 4", CONFIG_KEYS["cold.rounds"].maximum, 4, /e\.g\. 4/],
    ["cold setting at most 20", CONFIG_KEYS["cold.minutes"].maximum, 20, /never more than 20 min/],
    ["cold default 10 on", CONFIG_KEYS["cold.minutes"].default, 10, /10 min on, 15 min off/],
    ["off default 15", CONFIG_KEYS["cold.offMinutes"].default, 15, /10 min on, 15 min off/],
    [
      "off setting at least 10",
      CONFIG_KEYS["cold.offMinutes"].minimum,
      10,
      /at least 10 minutes off/,
    ],
    [
      "massage default 6 min a day",
      CONFIG_KEYS["massage.dailyLimitMinutes"].default,
      6,
      /\(6 min\)/,
    ],
    ["massage ceiling 30 min", CONFIG_KEYS["massage.dailyLimitMinutes"].maximum, 30, /= 30 min/],
    [
      "not releasing after 3 weeks",
      TREND_RULES.notReleasingDays / 7,
      3,
      /"a few weeks"\s+as three/,
    ],
    ["staying high is 7 or more", TREND_RULES.highRating, 7, /\(7 or more out of 10\)/],
  ])("%s", (_label, value, expected, phrase) => {
    needFacts();
    expect(value).toBe(expected);
    expect(facts.replace(/\n\s*/g, " ")).toMatch(phrase);
  });

  it("asks the absolute heat rules before every application (fresh injury within 48 h)", () => {
    needFacts();
    expect(facts).toMatch(/first 48 h/);
    expect(EVERY_TIME.heat.join(" ")).toMatch(/48 hours[\s\S]*swollen[\s\S]*broken, or numb/);
    expect(SCREENING_VALID_DAYS).toBeGreaterThan(0);
  });
});
