import { announced } from "../routine/speech-fit.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { FLOORS } from "../safety/allowance.js";
import { isThermalStep } from "../safety/rules.js";
import { sessionText } from "../text/session.js";
import { spokenText } from "../text/spoken.js";
import { BELLS, type Cues } from "./cues.js";
import type { SessionEvent } from "./engine.js";
import type { RepMoment } from "./reps.js";
import { Priority } from "./speech.js";

const words = sessionText.cues;
const packName = words.packName;

/**
 * Decides which cues a moment of the session calls for: a bell and the step's name (and its
 * instruction) when a step starts, "switch sides" between the two sides of a stretch, a
 * count-in over the last three seconds, "ten seconds left" on longer steps, a notification
 * when a step of a minute or more ends, a safety call to take a pack off, and "done".
 */
export class CueDirector {
  private lastLeft: number | null = null;
  private lastPackMinute = -1;
  private packLimitCalled = false;
  /** Exercises whose instruction has been said this session. */
  private readonly instructed = new Set<string>();

  constructor(private readonly cues: Cues) {}

  /** The v key: voice on or off for the rest of the session; true when it is now on. */
  toggleVoice(): boolean {
    return this.cues.toggleVoice();
  }

  onEvents(events: SessionEvent[], timeline: readonly TimelineEntry[]): void {
    for (const e of events) {
      const step = timeline[e.index];
      if (e.type === "step-start" && step) {
        this.lastLeft = null;
        this.lastPackMinute = -1;
        this.packLimitCalled = false;
        if (step.packOff) {
          this.packCall(step.packOff, words.packOff(packName(step.packOff)));
          continue;
        }
        const previous = timeline[e.index - 1];
        const switchSides =
          previous &&
          previous.name === step.name &&
          previous.side &&
          step.side &&
          previous.side !== step.side;
        this.cues.bell(BELLS.step);
        // The instruction once an exercise, where it fits (speech-fit.ts); then names only.
        const firstTime = this.cues.speaksInstructions && !this.instructed.has(step.name);
        this.instructed.add(step.name);
        const said = announced(step, firstTime);
        const announcement = words.announce(said.name, said.side, said.instruction);
        this.cues.say(switchSides ? words.switchSides : announcement, Priority.step);
      } else if (
        e.type === "step-end" &&
        step &&
        (step.seconds ?? 0) >= 60 &&
        e.outcome !== "skipped" &&
        !isThermalStep(step)
      ) {
        const next = timeline[e.index + 1];
        this.cues.notify(words.notifyTitle, words.stepDone(step.name, next?.name));
      } else if (e.type === "clock-jump" && e.pack) {
        this.packCall(
          e.pack.kind,
          words.packJump(packName(e.pack.kind), spokenText.duration(e.pack.onSeconds)),
        );
      } else if (e.type === "session-end") {
        // Ending with a pack on, or not yet confirmed off: the call is made once more.
        const pack = isThermalStep(step) ? step.kind : step?.packOff;
        if (pack && e.reason !== "completed") {
          this.packCall(pack, words.endedPackOn(packName(pack)));
          continue;
        }
        this.cues.bell(BELLS.end);
        if (e.reason === "completed") this.cues.say(words.done, Priority.step);
      }
    }
  }

  /** Called whenever the time left changes (once a second). */
  onSecond(left: number | null, stepSeconds: number | null, paused = false, rep?: RepMoment): void {
    if (paused || left === null || left === this.lastLeft) return;
    const previous = this.lastLeft;
    this.lastLeft = left;
    // Each half of a paced repetition as it begins ("Three of five.", "Rest."); the first is
    // left to the step's name, which is said then.
    if (rep && rep.phaseElapsed === 0 && previous !== null) {
      this.cues.say(spokenText.rep(rep), Priority.count);
      return;
    }
    if (previous === null) return;
    if (left >= 1 && left <= 3) {
      this.cues.bell(BELLS.step);
      this.cues.say(String(left), Priority.count);
    } else if (left === 10 && (stepSeconds ?? 0) >= 30 && !rep) {
      this.cues.say(words.tenSeconds, Priority.count);
    }
  }

  /** The call to take a pack off: the safety bell, the voice, and one notification updated. */
  private packCall(kind: "cold" | "heat", message: string): void {
    this.cues.safetyBell();
    this.cues.say(message, Priority.safety);
    this.cues.notify(words.packCallTitle(packName(kind)), message, true, "knot-pack");
  }

  /**
   * While a pack is on and the countdown is paused, or the pack is waiting to come off, the
   * pack is still on: a call each minute with how long (pauses included) until the person
   * confirms it off, and at the 20-minute limit an urgent call, whatever the countdown shows.
   */
  onPack(pack: PackMoment | undefined): void {
    if (!pack) {
      this.lastPackMinute = -1;
      return;
    }
    const name = packName(pack.kind);
    if (pack.onSeconds >= FLOORS.applicationSeconds && !this.packLimitCalled) {
      this.packLimitCalled = true;
      this.lastPackMinute = Math.floor(pack.onSeconds / 60);
      this.packCall(pack.kind, words.packLimit(name, FLOORS.applicationSeconds / 60));
      return;
    }
    const minute = Math.floor(pack.onSeconds / 60);
    if (minute === this.lastPackMinute) return;
    const first = this.lastPackMinute === -1;
    this.lastPackMinute = minute;
    if (first || minute === 0) return;
    if (pack.waitingOff) {
      this.packCall(pack.kind, words.packWaiting(name, spokenText.duration(minute * 60)));
      return;
    }
    this.cues.bell(BELLS.fallback);
    this.cues.say(words.packPaused(name, spokenText.duration(minute * 60)), Priority.step);
  }
}

/** A moment with a pack on: paused during its step, or waiting for the person to take it off. */
export interface PackMoment {
  kind: "cold" | "heat";
  onSeconds: number;
  waitingOff: boolean;
}
