/**
 * A cold or heat rule a session breaks, as data: the rules that find it are src/safety/rules.ts,
 * the words src/text/rules.ts. Kept apart so a routine's problems can hold one without a circle
 * through the rules, which read a routine's timeline.
 */

/** Hard rules have no override; guidance rules give way to --force, which says what it overrides. */
export type RuleLevel = "hard" | "guidance";

/** The step a breach is found at: its number (from 1) and name, to say which step it is. */
export interface StepAt {
  step: number;
  name: string | undefined;
}

/**
 * A rule a session breaks: which, how firmly, and the numbers to word it (src/text/rules.ts
 * words it). Never a sentence.
 */
export type RuleBreach =
  | (StepAt & {
      rule: "application-length";
      level: "hard";
      kind: "cold" | "heat";
      /** The number of the application's last step, when it runs over several in a row. */
      lastStep: number | undefined;
      seconds: number;
      maxSeconds: number;
    })
  | (StepAt & { rule: "skin-check"; level: "hard"; kind: "cold" | "heat" })
  | { rule: "heat-per-day"; level: "hard"; count: number; max: number }
  | (StepAt & {
      rule: "time-off";
      level: "hard";
      kind: "cold" | "heat";
      /** The kind of the application before it: heat is not cold's time off, nor cold heat's. */
      after: "cold" | "heat";
      offSeconds: number;
      minSeconds: number;
    })
  | { rule: "cold-rounds"; level: "guidance"; count: number; max: number };
