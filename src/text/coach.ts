import { localized } from "./locale.js";

/**
 * The words of the coach around a session: the plan's heading and its --dry-run, the questions
 * before a start, and what is said once a session ends. A routine's own name and the person's
 * answers are values inside these messages.
 */
export const coachText = localized({
  /** The plan in one line, at the top of a session: "<name>  6 steps, 5m". */
  heading: (name: string, length: string) => `${name}  ${length}`,
  /** The plan's length: "6 steps, 5m". */
  length: (steps: number, time: string) => `${steps} step${steps === 1 ? "" : "s"}, ${time}`,
  /** A caution shown before a session ("  ! " before it, wrapped): the routine's own, or knot's. */
  caution: (text: string) => text,
  /** A routine in the picker: its name and length. */
  choice: (name: string, length: string) => `${name} (${length})`,
  /** A routine's one-line summary under the picker. */
  summary: (text: string) => text,
  whichRoutine: "Which routine?",
  dryRun: {
    heading: (name: string, length: string) => `${name}: ${length}`,
    step: (at: string, number: number, text: string) =>
      `  ${at}  ${String(number).padStart(3)}. ${text}`,
    end: (at: string) => `  ${at}       end`,
    waits: "Times after a step that waits for you move later by however long you take.",
  },
  /** A cycle made up on the command line, named by its minutes and rounds. */
  cycleName: (kind: "cold" | "heat", on: number, off: number, rounds: number) =>
    `${kind === "cold" ? "Cold" : "Heat"} ${on} min` +
    (rounds > 1 ? `, off ${off} min, ${rounds} rounds` : ""),
  warning: (message: string) => `warning: ${message}`,
  /** `--lead-in` and the like, given something else. */
  wholeNumber: (flag: string, min: number, max: number, given: string) =>
    `${flag} takes a whole number from ${min} to ${max}, not ${given}.`,
  notStarted: "Not started.",
  startNow: "Start now?",
  noTerminal: "knot asks before it starts, and there is no terminal to ask in.",
  addYes: "Add --yes to start without asking.",
  voiceNotSaved: "voice setting not saved",
  resume: {
    cutOff: (name: string, ago: string, step: number, of: number, where: string) =>
      `Your last ${name} session was cut off ${ago} at step ${step} of ${of} (${where}).`,
    question: "Pick up where it stopped?",
  },
  leadIn: {
    spinner: (left: number) => `Get ready: starting in ${left} s  (Enter starts now, q quits)`,
    line: (left: number) => `Get ready: starting in ${left} s.`,
  },
  failure: (message: string) => `knot: ${message}`,
  finish: {
    before: (name: string) => `${name}: stopped before the first step.`,
    how: {
      completed: "Finished",
      pain: "Stopped (it hurts)",
      quit: "Stopped",
      other: "Interrupted",
      stoppedForToday: "Finished, and stopped for today",
    },
    summary: (
      how: string,
      name: string,
      time: string,
      done: number,
      total: number,
      skipped: number,
    ) =>
      `${how}: ${name}, ${time}, ${done} of ${total} steps done${skipped ? `, ${skipped} skipped` : ""}.`,
    worst: "10 out of 10 is the worst pain imaginable.",
    rose: (before: number | undefined, name: string, after: number | undefined) =>
      `Your pain went from ${before} before ${name} to ${after} after it`,
    rated: (rating: number | undefined, name: string) =>
      `You rated your pain ${rating} out of 10 after ${name}`,
    stopped: (rated: string, until: string) =>
      `${rated}, so it is stopped for today: knot will not start it again until ${until}.`,
    restStretch:
      "Rest in a comfortable position and breathe slowly; gentle movement through the day is fine.",
    restOther:
      "Rest in a comfortable position and breathe slowly; a gentle stretch may still be fine (knot start stretch).",
    packOff: (kind: "cold" | "heat") =>
      `Take the ${kind === "cold" ? "cold pack" : "heat"} off now, and check your skin.`,
    beforeFirst: "Stopped before the first step.",
    answeredYes: (question: string) => `You answered yes to: ${question}`,
    noMoreThermal:
      "So no more cold or heat this session. Nothing overrides this; ask a clinician if unsure.",
    water: "Have a glass of water, and go easy on the areas you worked for a while.",
  },
});
