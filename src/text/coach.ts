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
  /** Asked at the first session someone can answer at; the answer is kept. */
  voiceQuestion: "Speak each step aloud? (v turns it on or off during a session)",
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
  /** The checks before a session: what they refuse, and the questions they ask. */
  preflight: {
    forced: (overriding: string) => `Going on, as --force asks (overriding: ${overriding}).`,
    addForce: (overriding: string) =>
      `Not started. If you still want to, add --force (it overrides: ${overriding}).`,
    goOn: "Go on with this session anyway?",
    startAnyway: "Start anyway?",
    sentence: (text: string) => `${text}.`,
    floor: (why: string) => `Not started: ${why}.`,
    stretchMayBeFine:
      "A gentle stretch may still be fine (knot start stretch); knot safety lists when to get help.",
    pastLimit: (overriding: string, ceiling: boolean) =>
      `  Going past it, as --force asks (overriding: ${overriding})${ceiling ? ", shortened to the ceiling" : ""}.`,
    nothingLeftLimit:
      "  Nothing is left of your limit. Not started; --force goes past your limit, never past the 30-minute ceiling.",
    nothingLeftCeiling:
      "  Nothing is left under the 30-minute ceiling. Not started; nothing overrides the ceiling.",
    shortened:
      "  The massage is shortened to fit the limit (--force goes past it, never past the 30-minute ceiling).",
    whatNow: "What would you like to do?",
    fit: "Shorten the massage to fit the limit",
    anyway: "Go ahead anyway (never past the 30-minute ceiling)",
    stop: "Stop here",
    goingPast: (overriding: string) => `  Going past ${overriding}.`,
    rated: (rating: number | undefined) => `You rated your pain ${rating} out of 10.`,
    noStart: (high: number) =>
      `Not started: with pain at ${high} or more, knot starts no massage, cold or heat. Nothing overrides this.`,
    rest: "Rest in a comfortable position, or try gentle stretching: knot start stretch",
    gentleOnly: (high: number) => `With pain at ${high} or more, only gentle stretching or rest.`,
    goOnGentle: "Go on with this gentle stretching (no: rest instead)?",
    restAdvice: "the advice to rest with pain this bad",
  },
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
