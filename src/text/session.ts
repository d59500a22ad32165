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
    /** A routine's own name, a step's name and its instruction, as values shown on screen. */
    routine: (name: string) => name,
    stepName: (name: string) => name,
    instruction: (text: string) => text,
    /** The one-line view's step: "2/6 Knee to chest (L)". */
    compact: (where: string, name: string, side: string) => `${where}${name}${side}`,
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
  /** What the large letters say on a screen the size of the mat. */
  large: {
    takeOff: "Take the pack off",
    switchSides: "Switch sides",
    next: (step: string, side?: string) => `Next: ${step}${side ? `, ${side}` : ""}`,
    getReady: "Get ready",
    countIn: (left: number) => `  Get ready: starting in ${left} s  (Enter starts now, q quits)`,
    first: "  first: ",
    done: "Done",
    finished: (routine: string) => `${routine}: finished`,
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
  /** What knot says aloud, notifies, or reports about its voice and notifications. */
  cues: {
    fixVoice: "Check the sound is on and a speaker is connected",
    fixNotify: "Start a notification service (a desktop session)",
    noNotifier: (candidate: string | undefined) =>
      `Notifications are on, but ${candidate ?? "no notifier"} was not found: listen for two rings instead.`,
    voiceFailed: (reason: string, fix: string) =>
      `Voice is not reaching you: ${reason}. ${fix}; knot rings twice instead.`,
    noSay: "Voice is on, but say was not found: listen for two rings instead.",
    noSpeech: (hint: string) =>
      `Voice is on, but no speech program was found: install speech-dispatcher or espeak-ng${hint}; knot rings twice instead.`,
    notifyFailed: (reason: string, fix: string) =>
      `Notifications are not reaching you: ${reason}. ${fix}; knot rings twice instead.`,
    /** Why a cue's program did not reach the person (its own complaint and reason as data). */
    cannotStart: (program: string, detail: string) => `${program} could not start (${detail})`,
    hung: (program: string) => `${program} did not finish`,
    complained: (program: string, complaint: string) => `${program} failed: ${complaint}`,
    exited: (program: string, code: number) => `${program} failed: exit code ${code}`,
    packName: (kind: "cold" | "heat") => (kind === "cold" ? "cold pack" : "heat"),
    packOff: (name: string) => `Take the ${name} off now, and check your skin.`,
    switchSides: "Switch sides.",
    /** A step as it starts: its name (the routine's own words), side and instruction. */
    announce: (name: string, side: "left" | "right" | undefined, instruction: string | undefined) =>
      `${name}${side ? `, ${side} side` : ""}${instruction ? `. ${instruction}` : ""}`,
    notifyTitle: "knot",
    stepDone: (step: string, next: string | undefined) =>
      next !== undefined ? `${step} is done. Next: ${next}` : `${step} is done.`,
    packJump: (name: string, on: string) => `The ${name} has been on ${on}. Take it off now.`,
    endedPackOn: (name: string) => `The session has ended. Take the ${name} off now.`,
    done: "Done.",
    tenSeconds: "Ten seconds left.",
    packCallTitle: (name: string) => `knot: take the ${name} off`,
    packLimit: (name: string, minutes: number) =>
      `The ${name} has been on ${minutes} minutes. Take it off now.`,
    packWaiting: (name: string, on: string) =>
      `Take the ${name} off now. It has been on ${on}. Press Enter when it is off.`,
    packPaused: (name: string, on: string) => `Paused. The ${name} has been on ${on}.`,
    voiceOn: "Voice on: v turns it off.",
    voiceOff: "Voice off: v turns it on.",
  },
  clockJump: {
    setBack: (by: string) => `The clock was set back ${by}; the countdown carries on where it was.`,
    away: (for_: string) => `knot was away for ${for_}.`,
    doneLate: (away: string) => `${away} Steps that ended meanwhile are marked done late.`,
    packOn: (away: string, kind: "cold" | "heat", on: string) =>
      `${away} ${kind === "cold" ? "Cold pack" : "Heat"} has been on ${on}: take it off now.`,
  },
});
