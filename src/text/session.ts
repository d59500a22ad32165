import { THERMAL_RULES } from "../health.js";
import { localized } from "./locale.js";

/** The words of a session as it runs: the plain lines, the title bar, what knot refuses. */
export const sessionText = localized({
  /** The terminal's title: the step and the time left. */
  title: (step: string, left: string) => `knot: ${step} ${left}`,
  waiting: "waiting",
  plain: {
    step: (where: string, index: number, count: number) => `[${index}/${count}] ${where}`,
    instruction: (line: string, instruction: string) => `${line}: ${instruction}`,
    pressEnter: "  Press Enter when ready.",
    paused: "  Paused. Press space to carry on.",
    resumed: "  Carrying on.",
    skipped: "  Skipped.",
    back: "  Back one step.",
    adjusted: (delta: string, now: string) => `  ${delta} s: now ${now}.`,
    question: (text: string) => `  ${text} (y: yes · n or Enter: no)`,
    oneMinute: "  1 min left",
    thirtySeconds: "  30 s left",
    tenSeconds: "  10 s left",
  },
  /** The countdown on screen: standard, large and one-line views. */
  screen: {
    where: (index: number, count: number) => `step ${index} of ${count} · `,
    left: (clock: string) => `${clock} left`,
    whereLeft: (index: number, count: number, clock: string) =>
      `step ${index} of ${count} · ${clock} left`,
    round: (index: number, of: number) => `round ${index} of ${of}`,
    reps: (index: number, of: number) => `${index} of ${of}`,
    next: "  next: ",
    theEnd: "the end",
    question: (text: string, index: number, of: number) =>
      `${of > 1 ? `(${index} of ${of}) ` : ""}${text}  y: yes · n: no`,
    pressEnter: "press Enter when ready",
    paused: "PAUSED  ",
    pausedShort: "PAUSED ",
    pausedBanner: "PAUSED · press space to carry on",
    enter: "Enter ▸ ",
    safety: "safety",
    takeOff: (kind: "cold" | "heat") =>
      `TAKE THE ${kind === "cold" ? "COLD PACK" : "HEAT"} OFF NOW, then press Enter`,
    packOn: (kind: "cold" | "heat", clock: string, limit: string) =>
      `${kind === "cold" ? "Cold pack" : "Heat"} on for ${clock} (pauses included)${limit}`,
    packLimit: (minutes: number) => `: ${minutes} minutes, take it off now`,
  },
  /** The keys' help, and the one-line hint of them. */
  keys: {
    help: [
      ["space", "pause / resume"],
      ["n  →", "next step"],
      ["b  ←", "back to the start of the previous step"],
      ["+ / -", "add or take off 10 s (30 s on steps over 5 min)"],
      ["Enter", "carry on after a step that waits for you"],
      ["x", "stop: it hurts"],
      ["q", "quit (Ctrl-C too)"],
      ["v", "voice on or off"],
      ["?", "show or hide this help"],
    ] as [string, string][],
    hintsFull: "space pause · n next · b back · +/- time · x it hurts · q quit · ? help",
    hintsShort: "space ⏯  n ▶  b ◀  +/-  x hurts  q quit  ?",
  },
  /** What kind of step it is, in words. */
  kinds: {
    prepare: "get ready",
    hold: "hold",
    move: "move",
    rest: "rest",
    cold: "cold pack on",
    heat: "heat on",
    massage: "massage",
  } as Record<string, string>,
  refused: {
    packOn: "The pack is on: n ends it early, and it comes off before anything else.",
    packOff: "Take the pack off first and press Enter: an application is never started again.",
    timeOff: (at: string) =>
      `At least ${THERMAL_RULES.minOffSeconds / 60} minutes off between cold or heat: the next can start at ${at}.`,
    massageLimit: "No more massage here: the allowance for this area is used up.",
  },
  clockJump: {
    setBack: (by: string) => `The clock was set back ${by}; the countdown carries on where it was.`,
    away: (for_: string) => `knot was away for ${for_}.`,
    doneLate: (away: string) => `${away} Steps that ended meanwhile are marked done late.`,
    packOn: (away: string, kind: "cold" | "heat", on: string) =>
      `${away} ${kind === "cold" ? "Cold pack" : "Heat"} has been on ${on}: take it off now.`,
  },
});
