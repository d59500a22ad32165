import type { PoseName, Tempo } from "../routine/vocabulary.js";

/**
 * The shapes of a routine being built in `knot new` and of what its checks decide, apart from
 * the draft's rules (draft.ts) and its words (text.ts), which both use them.
 */
export type DraftStep =
  | {
      type: "pose";
      pose: PoseName;
      /** The step's length; with a tempo, reps × the tempo instead. */
      seconds: number;
      /** A held stretch's reps are a repeat of it; with a tempo, they are paced inside the step. */
      reps: number;
      tempo?: Tempo;
      sides: boolean;
      /** The person's own words; the pose's own otherwise. */
      instruction?: string;
    }
  | { type: "rest"; seconds: number }
  | { type: "cold" | "heat"; seconds: number }
  | { type: "include"; routine: string };

export interface Draft {
  id: string;
  name: string;
  steps: DraftStep[];
}

export type CautionId = "hold-long" | "reps-many" | "cold-long" | "massage-long";
export type RefusalId =
  | "step-too-long"
  | "application-too-long"
  | "too-many-reps"
  | "too-many-paced-reps"
  | "no-reps"
  | "no-steps"
  | "format"
  | "rules";

export type Decision =
  | { verdict: "warn"; caution: CautionId; step: number; seconds: number; reps: number }
  | { verdict: "warn"; caution: "advice"; step?: number; detail: string }
  | { verdict: "refuse"; reason: RefusalId; step?: number; detail?: string };

/** Whether cold or heat may come next, or what stands in the way (THERMAL_RULES). */
export type ThermalRoom =
  | { ok: true }
  | { ok: false; reason: "time-off"; off: number; need: number; after: number }
  | { ok: false; reason: "heat-per-day"; count: number };
