import { THERAPIES, THERMAL_RULES } from "../health.js";
import type { SessionRecord } from "../history/record.js";
import { LIMITS } from "../routine/limits.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { AREAS, type Area, isThermal } from "../routine/vocabulary.js";
import { applicationsIn, checkSessionRules } from "./rules.js";
import type { RoutineStop } from "./stops.js";

/**
 * What may start now, and for how long: the one answer every caller asks (validate and show
 * through the session rules, `cycle`, the preflight of `start`, the session's keys, `today`
 * and reminders). Pure: it reads what was done (history records and the safety snapshot kept
 * across `history --clear`) and a clock, and returns numbers; the words live in
 * allowance-text.ts. Windows are rolling (the last 24 hours), so neither midnight nor a change
 * of time zone resets anything, and a record dated after "now" counts as now.
 */

const HOUR = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR;

/** The floors: no override, `--force` included, passes them (docs/health-guidance.md). */
export const FLOORS = {
  /** Cold or heat at most 20 minutes an application. */
  applicationSeconds: THERMAL_RULES.maxApplicationSeconds,
  /** At least 10 minutes off between any two applications of cold or heat, in any sessions. */
  offSeconds: THERMAL_RULES.minOffSeconds,
  /** Heat at most 3 times in any 24 hours. */
  heatPerDay: THERMAL_RULES.maxHeatPerDay,
  /** Self-massage never past 30 minutes per area in 24 hours, whatever the setting or override. */
  massageCeilingSeconds: LIMITS.massageCeilingSeconds,
} as const;

/** One application of cold or heat as it went: the pack on, and when it came off. */
export interface PastApplication {
  kind: "cold" | "heat";
  start: number;
  /**
   * When the pack came off: the person's confirmation, else the later of its planned end (at
   * most 20 minutes) and the session's end, which may be after now (perhaps still on).
   */
  end: number;
  /** Whether the person confirmed it off (Enter at "take it off"). */
  confirmed: boolean;
}

/** Massage done: for its areas, or for every area when it named none. */
export interface PastMassage {
  areas: readonly Area[];
  start: number;
  seconds: number;
}

export type { RoutineStop };

/** What the rules need of the past, from records and the snapshot kept across a clear. */
export interface SafetyPast {
  applications: PastApplication[];
  massage: PastMassage[];
  stops: RoutineStop[];
  /** Advice to see a doctor that is in force (from the ratings, or kept across a clear). */
  advice: { since: number; reasons: string[] } | undefined;
}

/** The areas a massage step counts against: its own, the routine's, or every area. */
export const massageAreas = (stepArea: Area | undefined, routineAreas: readonly Area[]) =>
  stepArea ? [stepArea] : routineAreas.length > 0 ? routineAreas : AREAS;

/**
 * The applications and massage in session records, times past `now` counted as now. A pack
 * step that started counts, even with no time recorded (a session cut off by a crash is
 * checkpointed as its step starts): the pack went on. An application ends at the first step
 * that is not of its kind; it came off when the person confirmed it (the call to take it off,
 * done), else at the latest of its planned end (at most 20 minutes) and the session's end.
 */
export function pastFromRecords(
  records: readonly SessionRecord[],
  now: number,
): Pick<SafetyPast, "applications" | "massage"> {
  const applications: PastApplication[] = [];
  const massage: PastMassage[] = [];
  const clamp = (t: number) => Math.min(t, now);
  for (const r of records) {
    const sessionEnd = clamp(Date.parse(r.endedAt));
    const steps = r.steps;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (step.at === null) continue;
      const start = clamp(Date.parse(step.at));
      if (step.kind === "massage" && step.done > 0) {
        massage.push({ areas: massageAreas(step.area, r.areas), start, seconds: step.done });
        continue;
      }
      if (!isThermal(step.kind)) continue;
      // The run of started steps of this kind in a row is one application.
      let last = i;
      while (steps[last + 1]?.kind === step.kind && steps[last + 1]!.at !== null) last += 1;
      const run = steps.slice(i, last + 1);
      const done = run.reduce((sum, s) => sum + s.done, 0);
      const planned = run.reduce((sum, s) => sum + (s.planned ?? 0), 0);
      const onFor = Math.min(Math.max(done, planned), FLOORS.applicationSeconds);
      const application: PastApplication = {
        kind: step.kind,
        start,
        end: clamp(Math.max(start + done * 1000, sessionEnd)),
        confirmed: false,
      };
      const call = steps[last + 1];
      if (call?.kind === "prepare" && call.outcome === "done" && call.at !== null) {
        application.end = clamp(
          Math.max(start + done * 1000, Date.parse(call.at) + call.done * 1000),
        );
        application.confirmed = true;
      } else {
        // Perhaps still on: its planned end may be after now, and counts as it is.
        application.end = Math.max(application.end, start + onFor * 1000);
      }
      applications.push(application);
      i = last;
    }
  }
  return { applications, massage };
}

/**
 * When `planned` more heats fit in the last 24 hours, given the starts of those already in it
 * (oldest first); undefined when they fit now.
 */
function heatSlot(starts: readonly number[], planned: number): number | undefined {
  const mustExpire = starts.length + planned - FLOORS.heatPerDay;
  if (mustExpire <= 0) return undefined;
  const last = starts[mustExpire - 1];
  return last === undefined ? Number.POSITIVE_INFINITY : last + DAY_MS;
}

/** What the rules allow at `now`, from the past and the person's massage limit. */
export interface Allowance {
  now: number;
  /** The latest application of cold or heat to come off, if any in the last 24 hours. */
  last: PastApplication | undefined;
  /** Before this, no cold or heat may start (10 minutes off after the last). */
  thermalFreeAt: number | undefined;
  /** The last cold's end, and when guidance says cold again (every 2-4 hours). */
  cold: { lastEnd: number | undefined; advisedFrom: number | undefined };
  /** Heat in the last 24 hours, when the last came off, and when the oldest leaves the window. */
  heat: {
    count: number;
    max: number;
    lastEnd: number | undefined;
    /** When one more heat fits in 24 hours, if not now. */
    nextSlotAt: number | undefined;
    /** The starts of the heats in the window, oldest first. */
    starts: number[];
  };
  massage: {
    limitSeconds: number;
    ceilingSeconds: number;
    /** Seconds per area in the last 24 hours. */
    doneByArea: Map<Area, number>;
  };
  stops: RoutineStop[];
  advice: SafetyPast["advice"];
}

const overlap = (start: number, end: number, from: number, to: number) =>
  Math.max(0, Math.min(end, to) - Math.max(start, from));

export function allowanceAt(past: SafetyPast, now: number, massageLimitSeconds: number): Allowance {
  const from = now - DAY_MS;
  const recent = past.applications.filter((a) => a.end > from);
  const last = recent.reduce<PastApplication | undefined>(
    (latest, a) => (latest === undefined || a.end > latest.end ? a : latest),
    undefined,
  );
  const freeAt = last === undefined ? undefined : last.end + FLOORS.offSeconds * 1000;
  const lastEndOf = (kind: "cold" | "heat") =>
    recent
      .filter((a) => a.kind === kind)
      .reduce<number | undefined>(
        (m, a) => (m === undefined ? a.end : Math.max(m, a.end)),
        undefined,
      );
  const coldEnd = lastEndOf("cold");
  const advisedFrom = coldEnd === undefined ? undefined : coldEnd + THERMAL_RULES.coldGapMs;
  const heats = past.applications
    .filter((a) => a.kind === "heat" && a.start > from)
    .map((a) => a.start)
    .sort((a, b) => a - b);
  const doneByArea = new Map<Area, number>();
  for (const m of past.massage) {
    const seconds = overlap(m.start, m.start + m.seconds * 1000, from, now + 1) / 1000;
    if (seconds <= 0) continue;
    for (const area of m.areas) doneByArea.set(area, (doneByArea.get(area) ?? 0) + seconds);
  }
  return {
    now,
    last,
    thermalFreeAt: freeAt !== undefined && freeAt > now ? freeAt : undefined,
    cold: {
      lastEnd: coldEnd,
      advisedFrom: advisedFrom !== undefined && advisedFrom > now ? advisedFrom : undefined,
    },
    heat: {
      count: heats.length,
      max: FLOORS.heatPerDay,
      lastEnd: lastEndOf("heat"),
      nextSlotAt: heatSlot(heats, 1),
      starts: heats,
    },
    massage: {
      limitSeconds: Math.min(massageLimitSeconds, FLOORS.massageCeilingSeconds),
      ceilingSeconds: FLOORS.massageCeilingSeconds,
      doneByArea,
    },
    stops: past.stops.filter((s) => s.at <= now && s.until > now),
    advice: past.advice,
  };
}

/** Massage seconds a plan has per area. */
export function plannedMassage(
  timeline: readonly TimelineEntry[],
  routineAreas: readonly Area[],
): Map<Area, number> {
  const totals = new Map<Area, number>();
  for (const step of timeline) {
    if (step.kind !== "massage" || step.seconds === null) continue;
    for (const area of massageAreas(step.area, routineAreas))
      totals.set(area, (totals.get(area) ?? 0) + step.seconds);
  }
  return totals;
}

/** Seconds of massage an area has left: under the person's limit, or under the ceiling. */
export function massageLeft(allowance: Allowance, area: Area, under: "limit" | "ceiling"): number {
  const cap = under === "limit" ? allowance.massage.limitSeconds : allowance.massage.ceilingSeconds;
  return Math.max(0, cap - (allowance.massage.doneByArea.get(area) ?? 0));
}

/** A rule that says no: what, how firmly, and the numbers to word it. Never a sentence. */
export type Decision =
  | { rule: "structure"; level: "floor"; message: string; sessionRule: string }
  | {
      rule: "time-off";
      level: "floor";
      kind: "cold" | "heat";
      lastKind: "cold" | "heat";
      waitUntil: number;
    }
  | {
      rule: "heat-per-day";
      level: "floor";
      count: number;
      planned: number;
      max: number;
      nextSlotAt: number | undefined;
    }
  | {
      rule: "massage-ceiling";
      level: "floor";
      areas: { area: Area; done: number; planned: number }[];
      ceiling: number;
    }
  | { rule: "stopped"; level: "floor"; stop: RoutineStop }
  | {
      rule: "massage-limit";
      level: "guidance";
      areas: { area: Area; done: number; planned: number }[];
      limit: number;
    }
  | { rule: "cold-gap"; level: "guidance"; lastEnd: number; advisedFrom: number }
  | { rule: "advice"; level: "guidance"; reasons: string[] };

export interface Plan {
  routine: string;
  timeline: readonly TimelineEntry[];
  routineAreas: readonly Area[];
}

/** Seconds from the start of a plan to the start of step `index` (waiting steps as 0). */
const offsetOf = (timeline: readonly TimelineEntry[], index: number) =>
  timeline.slice(0, index).reduce((sum, s) => sum + (s.seconds ?? 0), 0);

/**
 * Whether a stop keeps a plan aside: the same routine, or, after a session of cold, heat or
 * massage (or a mix), any plan with a step of that kind (a cycle, a copy under another name, a
 * routine that includes it).
 */
function stopsPlan(stop: RoutineStop, plan: Plan): boolean {
  if (stop.routine === plan.routine) return true;
  const kinds: readonly string[] = stop.category === "mixed" ? THERAPIES : [stop.category];
  return plan.timeline.some((step) => kinds.includes(step.kind));
}

/**
 * Every rule a plan breaks if started now: floors first (nothing passes them), then
 * guidance (an override passes it, and is told which).
 */
export function checkPlan(plan: Plan, allowance: Allowance): Decision[] {
  const decisions: Decision[] = [];
  const { timeline } = plan;
  const { now } = allowance;
  const stop = allowance.stops.find((s) => stopsPlan(s, plan));
  if (stop) decisions.push({ rule: "stopped", level: "floor", stop });

  for (const breach of checkSessionRules(timeline)) {
    if (breach.level === "hard")
      decisions.push({
        rule: "structure",
        level: "floor",
        message: breach.message,
        sessionRule: breach.rule,
      });
  }
  const apps = applicationsIn(timeline);
  const first = apps[0];
  if (first && allowance.last && allowance.thermalFreeAt !== undefined) {
    const startsAt = now + offsetOf(timeline, first.first) * 1000;
    if (startsAt < allowance.thermalFreeAt) {
      decisions.push({
        rule: "time-off",
        level: "floor",
        kind: first.kind,
        lastKind: allowance.last.kind,
        waitUntil: allowance.thermalFreeAt - offsetOf(timeline, first.first) * 1000,
      });
    }
  }
  const heat = apps.filter((a) => a.kind === "heat").length;
  if (heat > 0 && allowance.heat.count + heat > FLOORS.heatPerDay) {
    decisions.push({
      rule: "heat-per-day",
      level: "floor",
      count: allowance.heat.count,
      planned: heat,
      max: FLOORS.heatPerDay,
      nextSlotAt: heatSlot(allowance.heat.starts, heat),
    });
  }
  const planned = plannedMassage(timeline, plan.routineAreas);
  const over = (cap: number) =>
    [...planned]
      .map(([area, seconds]) => ({
        area,
        done: Math.round(allowance.massage.doneByArea.get(area) ?? 0),
        planned: seconds,
      }))
      .filter((a) => a.done + a.planned > cap);
  const pastCeiling = over(allowance.massage.ceilingSeconds);
  if (pastCeiling.length > 0)
    decisions.push({
      rule: "massage-ceiling",
      level: "floor",
      areas: pastCeiling,
      ceiling: allowance.massage.ceilingSeconds,
    });
  const pastLimit = over(allowance.massage.limitSeconds);
  if (pastLimit.length > 0 && pastCeiling.length === 0)
    decisions.push({
      rule: "massage-limit",
      level: "guidance",
      areas: pastLimit,
      limit: allowance.massage.limitSeconds,
    });
  if (
    apps.some((a) => a.kind === "cold") &&
    allowance.cold.lastEnd !== undefined &&
    allowance.cold.advisedFrom !== undefined
  ) {
    decisions.push({
      rule: "cold-gap",
      level: "guidance",
      lastEnd: allowance.cold.lastEnd,
      advisedFrom: allowance.cold.advisedFrom,
    });
  }
  if (allowance.advice)
    decisions.push({ rule: "advice", level: "guidance", reasons: allowance.advice.reasons });
  return decisions;
}

/** The floors among the decisions: what no override passes. */
export const floors = (decisions: readonly Decision[]) =>
  decisions.filter((d) => d.level === "floor");
