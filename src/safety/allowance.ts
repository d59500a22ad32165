import { THERAPIES, THERMAL_RULES } from "../health.js";
import type { RuleBreach } from "../routine/rule-breach.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { Area } from "../routine/vocabulary.js";
import { DAY_MS, FLOORS } from "./floors.js";
import { massageAreas, type PastApplication, type SafetyPast } from "./past-records.js";
import { applicationsIn, checkSessionRules } from "./rules.js";
import type { RoutineStop } from "./stops.js";
import type { KeptReason } from "./trend.js";

/**
 * What may start now, and for how long: the one answer every caller asks (validate and show
 * through the session rules, `cycle`, the preflight of `start`, the session's keys, `today`
 * and reminders). Pure: it reads what was done (history records and the safety snapshot kept
 * across `history --clear`) and a clock, and returns numbers; the words live in
 * src/text/allowance.ts. Windows are rolling (the last 24 hours), so neither midnight nor a
 * change of time zone resets anything, and a record dated after "now" counts as now.
 */

export { DAY_MS, FLOORS } from "./floors.js";
export {
  massageAreas,
  type PastApplication,
  type PastMassage,
  pastFromRecords,
  type RoutineStop,
  type SafetyPast,
} from "./past-records.js";

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
  | { rule: "structure"; level: "floor"; breach: RuleBreach }
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
  | { rule: "advice"; level: "guidance"; reasons: KeptReason[] };

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
    if (breach.level === "hard") decisions.push({ rule: "structure", level: "floor", breach });
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
