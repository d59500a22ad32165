import type { DurationProblem } from "../duration.js";
import type { RuleBreach } from "./rule-breach.js";
import type { ThermalThing } from "./thermal-words.js";
/** Something wrong (or worth a warning) in a routine file, where it is and what it is. */
export interface Issue {
  severity: "error" | "warning";
  /** A JSON path such as `steps[2].duration`; empty for the whole file. */
  path: string;
  message: string;
}

/** What a value in a routine file was, when it was not what the format asks for. */
export type Found =
  | { is: "null" | "list" | "object" }
  | { is: "text"; text: string }
  | { is: "other"; type: string; value: string };

/**
 * What is wrong in a routine file, as a code and the numbers and names that go with it; the
 * text layer words it (src/text/routine.ts). Names quoted back are what the file holds.
 */
export type Problem =
  | { code: "not-text" | "not-boolean" | "not-integer" | "not-list" | "not-steps"; found: Found }
  | { code: "not-step" | "not-object"; found: Found }
  | { code: "empty-text" | "unsafe-text" | "no-steps" | "missing" }
  | { code: "too-long"; length: number; max: number }
  | { code: "bad-id"; value: string }
  | { code: "not-one-of"; found: Found; values: readonly string[]; matches: readonly string[] }
  | { code: "below-minimum"; value: number; minimum: number }
  | { code: "above-maximum"; value: number; maximum: number }
  | { code: "bad-duration"; problem: DurationProblem; suggested: boolean }
  | { code: "too-many"; count: number; max: number }
  | { code: "too-deep" | "nest-too-deep"; max: number }
  | { code: "forbidden-key"; key: string }
  | { code: "unknown-key"; key: string; matches: readonly string[]; allowed: readonly string[] }
  | {
      code:
        | "tempo-without-reps"
        | "reps-without-tempo"
        | "tempo-both"
        | "tempo-empty"
        | "rest-without-hold"
        | "breath-incomplete";
    }
  | { code: "duration-disagrees"; seconds: number; reps: number; cycle: number; total: number }
  // a routine's timeline: repeats and includes expanded
  | { code: "too-many-steps"; max: number }
  | { code: "include-cycle"; cycle: readonly string[] }
  | { code: "unknown-include"; id: string }
  // a routine's limits (src/routine/limits.ts): errors
  | { code: "repeat-over"; repeat: number; max: number }
  | { code: "step-too-long"; seconds: number }
  | {
      code: "thermal-text";
      name: string;
      what: ThermalThing;
      kind: "cold" | "heat";
      onMinutes: number;
      offMinutes: number;
    }
  | { code: "massage-no-area" | "included-massage-no-area"; name: string }
  | { code: "massage-over-ceiling"; area: string; seconds: number; maxMinutes: number }
  | { code: "session-rule"; breach: RuleBreach }
  | { code: "routine-too-long"; seconds: number }
  // and warnings
  | { code: "hold-too-long"; seconds: number }
  | {
      code: "speech-too-long";
      seconds: number;
      words: number;
      stepSeconds: number;
      room: number;
      instruction: boolean;
    }
  | { code: "massage-over-default"; area: string; seconds: number; defaultMinutes: number };

/** A problem found in a routine file, and where: the domain's half of an `Issue`. */
export interface Finding {
  severity: "error" | "warning";
  path: string;
  problem: Problem;
}
