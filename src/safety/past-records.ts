import { onBodyStep } from "../history/record.js";
import type { SessionRecord } from "../history/record-types.js";
import { AREAS, type Area, type ThermalKind } from "../routine/vocabulary.js";
import { FLOORS } from "./floors.js";
import type { RoutineStop } from "./stops.js";
import type { KeptReason } from "./trend.js";

/** What the safety rules need of the past, and how session records give it. */

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
  advice: { since: number; reasons: KeptReason[] } | undefined;
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
  // Sessions of days of stretches are read step by step, in code V8 has not optimised yet: a
  // step that is neither massage nor a pack is passed over before its time is read.
  for (let k = 0; k < records.length; k++) {
    const r = records[k]!;
    const steps = r.steps;
    let sessionEnd: number | undefined;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      // the rule of which steps count is the one the month indexes keep (onBody)
      if (!onBodyStep(step)) continue;
      const start = clamp(Date.parse(step.at as string));
      if (step.kind === "massage") {
        massage.push({ areas: massageAreas(step.area, r.areas), start, seconds: step.done });
        continue;
      }
      sessionEnd ??= clamp(Date.parse(r.endedAt));
      // The run of started steps of this kind in a row is one application.
      let last = i;
      let done = 0;
      let planned = 0;
      for (let j = i; j <= last; j++) {
        done += steps[j]!.done;
        planned += steps[j]!.planned ?? 0;
        if (steps[j + 1]?.kind === step.kind && steps[j + 1]!.at !== null) last += 1;
      }
      const onFor = Math.min(Math.max(done, planned), FLOORS.applicationSeconds);
      const application: PastApplication = {
        kind: step.kind as ThermalKind, // past onBodyStep and not massage: a pack
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
