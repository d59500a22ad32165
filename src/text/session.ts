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
