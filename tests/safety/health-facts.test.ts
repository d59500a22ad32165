import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../src/config/keys.js";
import { EVERY_TIME, SCREENING_VALID_DAYS } from "../../src/health.js";
import { loadLibrary } from "../../src/routine/library.js";
import { LIMITS } from "../../src/routine/limits.js";
import { WORDS_PER_SECOND } from "../../src/routine/speech-fit.js";
import type { TimelineEntry } from "../../src/routine/timeline.js";
import { FLOORS } from "../../src/safety/allowance.js";
import { checkSessionRules, THERMAL_RULES } from "../../src/safety/rules.js";
import { DAILY_RATINGS, TREND_RULES } from "../../src/safety/trend.js";
import { expectSaid, GUIDANCE_PATH, guidance } from "../guidance.js";
import { tempDir } from "../helpers.js";

/**
 * Every number knot's built-in routines and limits use must be one that knot's own guidance,
 * docs/health-guidance.md, states with its source. The guidance is part of the repository, so
 * these tests need nothing beside a clone.
 */
const library = loadLibrary({ userDir: join(tempDir(), "none") });

/**
 * Each built-in step's dose, against the line of the guidance that supports it (a stretch's row
 * of the table): the phrase must be in the guidance, and the step inside its range (seconds per
 * step, per side).
 */
const DOSES: Record<string, { phrase: RegExp; min: number; max: number }> = {
  "Knee to chest": { phrase: /^\| knee-to-chest \|.*\| 5-30 s, 2-3 per side;/m, min: 5, max: 30 },
  "Knee rolls": { phrase: /^\| .*\(knee rolls\) \|.*\| 5-10 s, 2-3 per side \|/m, min: 5, max: 10 },
  "Pelvic tilts": { phrase: /^\| pelvic tilt \|.*\| 5 s, 5 reps \|/m, min: 25, max: 60 },
  "Bottom to heels": {
    phrase: /^\| bottom-to-heels \|.*\| one slow breath, 8-10 reps \|/m,
    min: 40,
    max: 90,
  },
  "Cat stretch": { phrase: /^\| cat stretch \|.*\| slow, with the breath \|/m, min: 20, max: 60 },
  "Cross-body shoulder": {
    phrase: /^\| cross-body shoulder \|.*\| 15-30 s per side \|/m,
    min: 15,
    max: 30,
  },
  "Chest opener": { phrase: /^\| chest opener \|.*\| 15-30 s \|/m, min: 15, max: 30 },
  "Neck side tilt": {
    phrase: /^\| neck side tilt \|.*\| 5 s x 5, or 15-30 s, per side \|/m,
    min: 15,
    max: 30,
  },
  // one 10 s twist a step (desk-break), or a moving step of several (stretch)
  "Seated twist": { phrase: /^\| seated twist .*\| 10 s per twist \|/m, min: 10, max: 60 },
  "Shoulder rolls": {
    phrase: /^\| seated twist \+ shoulder rolls \|.*roll shoulders 3 forward, 3 back/m,
    min: 10,
    max: 30,
  },
  "Cold pack on": {
    phrase: /Each time: 10-15 min on, never more than 20 min\./,
    min: 600,
    max: 900,
  },
  "Heat on": { phrase: /Heat for 10-20 min at a time/, min: 600, max: 1200 },
};

const entries = library.entries.filter((e) => e.origin === "built-in");
const steps = entries.flatMap((e) => e.timeline.map((t) => ({ id: e.routine.id, step: t })));

describe("built-in routines against docs/health-guidance.md", () => {
  it("has its guidance in the repository, saying first that knot guides and never diagnoses", () => {
    expect(existsSync(GUIDANCE_PATH)).toBe(true);
    expect(guidance.slice(0, 300)).toMatch(/knot guides; it never diagnoses/);
  });

  it.each(Object.entries(DOSES))(
    "%s: the dose is in the guidance and the step keeps to it",
    (name, dose) => {
      expectSaid(dose.phrase);
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
        expect(checked.has(step.name), `${id}: ${step.name} has no dose from the guidance`).toBe(
          true,
        );
      }
    }
  });

  it("self-massage: 30 s-2 min per area per session, within 6 min a day", () => {
    expectSaid(/The dose is 30 s-2 min per area per session/);
    expectSaid(/default daily limit per body area \(6 min\)/);
    for (const entry of entries) {
      const perArea = new Map<string, number>();
      for (const step of entry.timeline.filter((t: TimelineEntry) => t.kind === "massage")) {
        for (const area of step.area ? [step.area] : entry.routine.areas)
          perArea.set(area, (perArea.get(area) ?? 0) + (step.seconds ?? 0));
      }
      for (const [area, seconds] of perArea) {
        expect(seconds, `${entry.routine.id} ${area}`).toBeLessThanOrEqual(120);
        expect(seconds, `${entry.routine.id} ${area}`).toBeGreaterThanOrEqual(30);
        expect(seconds, `${entry.routine.id} ${area}`).toBeLessThanOrEqual(6 * 60);
      }
    }
  });

  it("stretch: whole routine 5-10 minutes, 2-4 repetitions of each held stretch", () => {
    expectSaid(/A whole stretching routine takes 5-10 minutes/);
    expectSaid(/\(2-4 repetitions per stretch\)/);
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

  it("every number written in a routine's text is one the guidance uses", () => {
    const numbers = new Set(guidance.match(/\d+/g));
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

describe("knot's limits against docs/health-guidance.md", () => {
  it.each([
    [
      "cold or heat at most 20 min",
      THERMAL_RULES.maxApplicationSeconds / 60,
      20,
      /each application of cold or heat lasts at most 20 minutes/,
    ],
    [
      "at least 10 min off between cold or heat",
      THERMAL_RULES.minOffSeconds / 60,
      10,
      /at least 10 minutes off between any two applications of cold or heat, in any session/,
    ],
    [
      "a hard cap of 4 rounds",
      THERMAL_RULES.maxColdRounds,
      4,
      /a hard cap of 4 rounds in a session that `--rounds` cannot pass without an explicit override/,
    ],
    [
      "heat up to 3 times in 24 hours",
      THERMAL_RULES.maxHeatPerDay,
      3,
      /up to 3 times a day" means up to 3 heat applications in any 24 hours/,
    ],
    [
      "cold every 2-4 h",
      THERMAL_RULES.coldGapMs / 3_600_000,
      2,
      /repeats cold only every 2-4 h.*knot counts 2 hours before the next cold/,
    ],
    [
      "holds never more than 30 s",
      LIMITS.holdSeconds,
      30,
      /a built-in hold is never more than 30 s/,
    ],
    ["default 2 rounds", CONFIG_KEYS["cold.rounds"].default, 2, /a default of 2 rounds/],
    [
      "rounds setting at most 4",
      CONFIG_KEYS["cold.rounds"].maximum,
      4,
      /`cold\.rounds` \(default 2, at most 4\)/,
    ],
    [
      "cold setting at most 20",
      CONFIG_KEYS["cold.minutes"].maximum,
      20,
      /`cold\.minutes` \(default 10, at most 20\)/,
    ],
    ["cold default 10 on", CONFIG_KEYS["cold.minutes"].default, 10, /10 min on, 15 min off/],
    ["off default 15", CONFIG_KEYS["cold.offMinutes"].default, 15, /10 min on, 15 min off/],
    [
      "off setting at least 10",
      CONFIG_KEYS["cold.offMinutes"].minimum,
      10,
      /`cold\.offMinutes` \(default 15, at least 10\)/,
    ],
    [
      "massage default 6 min a day",
      CONFIG_KEYS["massage.dailyLimitMinutes"].default,
      6,
      /\(6 min\)/,
    ],
    [
      "massage ceiling 30 min",
      CONFIG_KEYS["massage.dailyLimitMinutes"].maximum,
      30,
      /5 min x 6 a day = 30 min/,
    ],
    ["not releasing after 3 weeks", TREND_RULES.notReleasingDays / 7, 3, /"a few weeks" as three/],
    ["staying high is 7 or more", TREND_RULES.highRating, 7, /\(7 or more out of 10\)/],
    [
      "lasting conditions asked again after 30 days",
      SCREENING_VALID_DAYS,
      30,
      /\(pregnancy, high blood pressure, heart conditions\) are asked again after 30 days/,
    ],
  ])("%s", (_label, value, expected, phrase) => {
    expect(value).toBe(expected);
    expectSaid(phrase);
  });

  it("asks the absolute heat rules before every application (fresh injury within 48 h)", () => {
    expectSaid(/fresh injury \(the first 48 h\)/);
    expectSaid(/knot asks them before every application.*never stores the answer/);
    expect(EVERY_TIME.heat.join(" ")).toMatch(/48 hours[\s\S]*swollen[\s\S]*broken, or numb/);
    expect(SCREENING_VALID_DAYS).toBeGreaterThan(0);
  });
});

/** A number as it may appear in a pattern (0.5 stays 0.5, not any character). */
const n = (x: number) => String(x).replace(".", "\\.");

/**
 * Where the guidance states each number of knot's rule constants, in the guidance's own unit.
 * A constant added to one of these objects must be stated in the guidance and given a line here.
 */
const STATED: Record<string, { values: object; says: Record<string, (v: number) => RegExp> }> = {
  THERMAL_RULES: {
    values: THERMAL_RULES,
    says: {
      maxApplicationSeconds: (s) => new RegExp(`\\*\\*${n(s / 60)} min per application:\\*\\*`),
      minOffSeconds: (s) =>
        new RegExp(`at least ${n(s / 60)} minutes off between any two applications`),
      maxColdRounds: (r) => new RegExp(`a hard cap of ${n(r)} rounds in a session`),
      maxHeatPerDay: (h) => new RegExp(`up to ${n(h)} heat applications in any 24 hours`),
      coldGapMs: (ms) => new RegExp(`knot counts ${n(ms / 3_600_000)} hours before the next cold`),
    },
  },
  LIMITS: {
    values: LIMITS,
    says: {
      thermalSeconds: (s) => new RegExp(`lasts at most ${n(s / 60)} minutes`),
      holdSeconds: (s) => new RegExp(`a built-in hold is never more than ${n(s)} s`),
      stepSeconds: (s) => new RegExp(`a step may last at most ${n(s / 60)} minutes`),
      routineSeconds: (s) => new RegExp(`a whole routine may last at most ${n(s / 3600)} hours`),
      repeat: (r) => new RegExp(`a \`repeat\` may run at most ${n(r)} times`),
      massageDefaultSeconds: (s) =>
        new RegExp(`default daily limit per body area \\(${n(s / 60)} min\\)`),
      massageCeilingSeconds: (s) =>
        new RegExp(`= ${n(s / 60)} min\\. The setting cannot go above ${n(s / 60)} minutes`),
    },
  },
  TREND_RULES: {
    values: TREND_RULES,
    says: {
      windowDays: (d) =>
        new RegExp(
          `recent weeks, which knot takes as the last ${n(d / 7)} weeks \\(${n(d)} days\\)`,
        ),
      highRating: (r) => new RegExp(`stays high \\(${n(r)} or more out of 10\\)`),
      urgentRating: (r) => new RegExp(`any rating of ${n(r)} or more`),
      clearlyWorse: (p) =>
        new RegExp(`clearly worse after sessions than before them \\(${n(p)} points or more`),
      notReleasingDays: (d) => new RegExp(`for ${n(d / 7)} weeks \\(${n(d)} days\\) or more`),
      notReleasingWindowDays: (d) =>
        new RegExp(`within the last ${n(d / 7)} weeks \\(${n(d)} days\\)`),
    },
  },
  FLOORS: {
    values: FLOORS,
    says: {
      applicationSeconds: (s) => new RegExp(`may never waive ${n(s / 60)} minutes per application`),
      offSeconds: (s) => new RegExp(`${n(s / 60)} minutes off between applications`),
      heatPerDay: (h) => new RegExp(`or ${n(h)} heat applications in 24 hours`),
      massageCeilingSeconds: (s) =>
        new RegExp(`nor self-massage past the ${n(s / 60)}-minute ceiling per area in 24 hours`),
    },
  },
  DAILY_RATINGS: {
    values: DAILY_RATINGS,
    says: {
      minDays: (d) => new RegExp(`one rating per day .*over at least ${n(d)} different days`),
      meaningfulShare: (f) =>
        new RegExp(`2 points, or ${n(Math.round(f * 100))}% of the starting level`),
    },
  },
  WORDS_PER_SECOND: {
    values: { WORDS_PER_SECOND },
    says: {
      WORDS_PER_SECOND: (w) =>
        new RegExp(`about ${n(w * 60)} words a minute, that is about ${n(w)} words a second`),
    },
  },
  SCREENING_VALID_DAYS: {
    values: { SCREENING_VALID_DAYS },
    says: { SCREENING_VALID_DAYS: (d) => new RegExp(`are asked again after ${n(d)} days`) },
  },
  "massage.dailyLimitMinutes": {
    values: {
      default: CONFIG_KEYS["massage.dailyLimitMinutes"].default,
      maximum: CONFIG_KEYS["massage.dailyLimitMinutes"].maximum,
    },
    says: {
      default: (m) => new RegExp(`default daily limit per body area \\(${n(m)} min\\)`),
      maximum: (m) => new RegExp(`= ${n(m)} min\\. The setting cannot go above ${n(m)} minutes`),
    },
  },
};

const constants = Object.entries(STATED).flatMap(([name, { values, says }]) =>
  Object.entries(values)
    .filter(([, value]) => typeof value === "number")
    .map(([key, value]) => ({
      label: name === key ? name : `${name}.${key}`,
      say: says[key],
      value: value as number,
    })),
);

describe("every number in knot's rule constants is stated in docs/health-guidance.md", () => {
  it.each(constants)("$label", ({ label, say, value }) => {
    expect(say, `${label}: state it in docs/health-guidance.md and say where here`).toBeDefined();
    expectSaid(say!(value));
  });
});

/** The guidance agrees with each section of knot's health facts, in knot's words. */
describe("docs/health-guidance.md covers each part of knot's health facts", () => {
  it.each([
    ["its sources, named", /^- \*\*Cold and heat:\*\* Midlands Partnership NHS Foundation Trust/m],
    ["no ice on bare skin", /Wrap the pack in a damp towel; ice never goes on bare skin/],
    [
      "cold's evidence is weak",
      /evidence that cold helps back pain is weak \(Cochrane review CD004750\)/,
    ],
    [
      "never fall asleep with heat on, in the step",
      /Never fall asleep with heat on: the heat step itself says so/,
    ],
    ["a hot-water bowl 40-45 °C", /a hot-water bowl is 40-45 °C/],
    [
      "heat's ask-first list",
      /Ask a clinician first\*\* \(shown before the first heat session.*heart condition.*fever.*cancer.*eczema or dermatitis.*diabetes.*bad reaction to heat/,
    ],
    ["never lie or sit on the heat source", /\*\*Never lie or sit on the heat source\.\*\*/],
    [
      "every 2-4 h is cold's, not heat's",
      /"Every 2-4 h" is cold's rule; knot never gives it as a rule for heat/,
    ],
    [
      "contrast: heat is not cold's time off",
      /heat does not count as cold's time off, nor cold as heat's.*10 minutes off and a skin check/,
    ],
    ["rolling 24 hours", /midnight, or a change of time zone, resets nothing/],
    ["massage limit over 24 hours", /daily massage limit is counted over the last 24 hours/],
    [
      "what an override may not waive",
      /may never waive 20 minutes per application, 10 minutes off between applications, or 3 heat applications in 24 hours/,
    ],
    [
      "the pack-off call",
      /repeats until the person confirms it is off, and knot records when that was/,
    ],
    ["neck: only the back", /Work only the back of the neck; keep away from its front and sides/],
    [
      "massage: who should ask first",
      /Do not massage, or ask a doctor first:\*\* pregnancy;.*blood thinners.*deep-vein thrombosis.*severe osteoporosis.*cancer/,
    ],
    ["no flushing claim", /no evidence that it "flushes" anything/],
    ["speech at 150 words a minute", /about 150 words a minute, that is about 2\.5 words a second/],
    [
      "pregnancy after 16 weeks",
      /after about 16 weeks, avoid exercises that keep you lying flat on your back/,
    ],
    [
      "osteoporosis in the steps",
      /Osteoporosis:\*\* avoid forward bending under load and twisting to the end of the range.*in the steps that bend or twist/,
    ],
    ["rest briefly, stay active", /staying gently active does more for back pain than bed rest/],
    [
      "emergency red flags",
      /\*\*Emergency: call 999.*both legs.*genitals or buttocks.*bladder or bowel.*chest pain.*serious accident/,
    ],
    ["cauda equina", /new problems getting or keeping an erection, or loss of feeling during sex/],
    [
      "see a doctor soon",
      /\*\*See a doctor soon\*\* for:.*coughing, sneezing or going to the toilet.*long-term steroid use/,
    ],
    [
      "neck red flags",
      /the same day for dizziness, double vision, trouble speaking or swallowing, sudden falls, numbness in the face, or weakness or numbness in both arms/,
    ],
    ["red flags at each session", /shown again at the start of each massage, heat or cold session/],
    [
      "pain anchors",
      /0 no pain; 1-3 mild; 4-6 moderate; 7-10 severe; 10 the worst pain imaginable/,
    ],
    ["the smallest change", /2 points, or 30% of the starting level, is the smallest change/],
    ["one rating a day over 3 days", /one rating per day .*over at least 3 different days/],
    [
      "not again today after 8 or a rise of 3",
      /a rating of 8 or more after a session, or a rise of 3 or more from before to after, means that routine is not repeated today, and knot shows the red flags/,
    ],
    [
      "PSFS",
      /Patient-Specific Functional Scale.*up to three activities.*0 \(unable\) to 10.*2-point change/,
    ],
  ])("%s", (_label, phrase) => {
    expectSaid(phrase);
  });
});
