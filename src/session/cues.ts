import { onPath } from "../on-path.js";
import { spokenAnnouncement } from "../routine/speech-fit.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { FLOORS } from "../safety/allowance.js";
import { isThermalStep } from "../safety/rules.js";
import { sessionText } from "../text/session.js";
import {
  afterReady,
  type CueOutlets,
  installHint,
  runCue,
  timersOf,
  VOICES,
  voiceArgs,
} from "./cue-programs.js";
import type { SessionEvent } from "./engine.js";
import { type RepMoment, repWords } from "./reps.js";
import { Priority, SpeechQueue, spokenDuration } from "./speech.js";
import { TERM } from "./terminal.js";

export interface CueSettings {
  sound: boolean;
  voice: boolean;
  notify: boolean;
  /** Speak each step's instruction too, or its name only. */
  voiceWords?: "instructions" | "names";
}

/** Bell patterns a person can tell apart without looking. */
export const BELLS = { step: 1, fallback: 2, end: 2, safety: 4 } as const;

export { type CueOutlets, installHint } from "./cue-programs.js";
export { onPath };

const words = sessionText.cues;
const FIX = { voice: words.fixVoice, notify: words.fixNotify } as const;

/**
 * Bells, spoken cues and desktop notifications. A voice or notification program that is
 * missing, fails or hangs is reported once as a problem line, and its cues become a bell
 * pattern (two rings) the person can tell apart from the step bell (one ring).
 */
export class Cues {
  private voiceCommand: string | undefined;
  private readonly notifyCommand: string | undefined;
  private speech: SpeechQueue | undefined;
  private notifyFailed = false;
  private voiceOn: boolean;
  private readonly platform: NodeJS.Platform;
  private readonly find: (name: string) => boolean;

  constructor(
    private readonly settings: CueSettings,
    private readonly outlets: CueOutlets,
  ) {
    const platform = outlets.platform ?? process.platform;
    const find = outlets.findProgram ?? ((name: string) => onPath(name));
    this.platform = platform;
    this.find = find;
    this.voiceOn = settings.voice;
    if (settings.voice) this.setUpVoice();
    if (settings.notify) {
      const candidate =
        platform === "darwin" ? "osascript" : platform === "linux" ? "notify-send" : undefined;
      this.notifyCommand = candidate && find(candidate) ? candidate : undefined;
      if (!this.notifyCommand) {
        this.notifyFailed = true;
        outlets.problem(words.noNotifier(candidate));
      }
    }
  }

  /** Finds the speech program and starts the queue; says once when there is none. */
  private setUpVoice(): void {
    const platform = this.platform;
    const find = this.find;
    const candidates = VOICES[platform === "darwin" ? "darwin" : "other"];
    this.voiceCommand = candidates.find(find);
    if (this.voiceCommand) {
      let command: string = this.voiceCommand;
      // speech-dispatcher starts on first use, which takes about half a second: started
      // now (listing its output modules says nothing), the first step's name is on time.
      // Cues wait for it (two clients starting it at once fail); where it cannot start,
      // espeak-ng speaks instead.
      const others: readonly string[] = candidates;
      const fallback = others.slice(others.indexOf(this.voiceCommand) + 1).find(find);
      let ready: Promise<unknown> | undefined =
        command === "spd-say"
          ? runCue(this.outlets, command, ["-O"], undefined, 5000).done.then((result) => {
              if (!result.ok && fallback) command = fallback;
              ready = undefined;
            })
          : undefined;
      const speakNow = (text: string, priority: Priority) =>
        runCue(
          this.outlets,
          command,
          voiceArgs(command, text, priority),
          command === "spd-say" ? undefined : text,
          4000 + text.length * 120,
        );
      this.speech = new SpeechQueue(
        (text, priority) =>
          ready ? afterReady(ready, () => speakNow(text, priority)) : speakNow(text, priority),
        (reason) => this.outlets.problem(words.voiceFailed(reason, FIX.voice)),
      );
    } else {
      this.outlets.problem(platform === "darwin" ? words.noSay : words.noSpeech(installHint(find)));
    }
  }

  /** Voice on or off during a session (the v key); true when it is now on. */
  toggleVoice(): boolean {
    this.voiceOn = !this.voiceOn;
    if (this.voiceOn && !this.speech && !this.voiceCommand) this.setUpVoice();
    // Nothing to speak with: voice stays off (the notice has said how to get a voice), so the
    // screen never says "voice on" to silence and the choice kept is off.
    if (this.voiceOn && !this.speech && !this.voiceCommand) this.voiceOn = false;
    if (!this.voiceOn) this.speech?.stop();
    return this.voiceOn;
  }

  get voice(): boolean {
    return this.voiceOn;
  }

  bell(times: number = BELLS.step): void {
    if (this.settings.sound && this.outlets.bell) this.outlets.bell(TERM.bell.repeat(times));
  }

  /** The safety bell (a pack to take off) rings whatever the sound setting says. */
  safetyBell(): void {
    this.outlets.bell?.(TERM.bell.repeat(BELLS.safety));
  }

  get speaksInstructions(): boolean {
    return this.settings.voiceWords !== "names";
  }

  /** Speaks, in order of importance; rings the fallback pattern when voice has failed. */
  say(text: string, priority: Priority): void {
    if (!this.voiceOn) return;
    const spoken = this.speech?.say(text, priority) ?? false;
    if (!spoken && priority > Priority.count) this.bell(BELLS.fallback);
  }

  /**
   * A desktop notification named for knot. Urgent ones (a pack to take off) stay until
   * dismissed; others expire.
   */
  notify(title: string, body: string, urgent = false, tag?: string): void {
    if (!this.settings.notify) return;
    if (this.notifyFailed || !this.notifyCommand) {
      this.bell(BELLS.fallback);
      return;
    }
    const args =
      this.notifyCommand === "osascript"
        ? ["-e", `display notification ${JSON.stringify(body)} with title ${JSON.stringify(title)}`]
        : [
            "--app-name=knot",
            `--urgency=${urgent ? "critical" : "normal"}`,
            ...(urgent ? ["--expire-time=0"] : []),
            // One notification a tag, updated in place where the desktop supports it.
            ...(tag ? [`--hint=string:x-dunst-stack-tag:${tag}`] : []),
            "--",
            title,
            body,
          ];
    const sent = runCue(this.outlets, this.notifyCommand, args, undefined, 5000);
    void sent.done.then((result) => {
      if (result.ok || this.notifyFailed) return;
      this.notifyFailed = true;
      this.outlets.problem(words.notifyFailed(result.reason, FIX.notify));
      this.bell(BELLS.fallback);
    });
  }

  /** Waits, at most `ms`, for what is being said to be heard to its end ("done"). */
  async finish(ms: number): Promise<void> {
    if (!this.speech?.busy) return;
    const { setT, clearT } = timersOf(this.outlets);
    let timer: unknown;
    await Promise.race([
      this.speech.drained(),
      new Promise<void>((resolve) => {
        timer = setT(resolve, ms);
      }),
    ]);
    clearT(timer); // a pending timer would keep knot waiting after all was said
  }

  stop(): void {
    this.speech?.stop();
  }
}

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
        const announced = spokenAnnouncement(step, firstTime);
        this.cues.say(switchSides ? words.switchSides : announced, Priority.step);
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
          words.packJump(packName(e.pack.kind), spokenDuration(e.pack.onSeconds)),
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
      this.cues.say(repWords(rep), Priority.count);
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
      this.packCall(pack.kind, words.packWaiting(name, spokenDuration(minute * 60)));
      return;
    }
    this.cues.bell(BELLS.fallback);
    this.cues.say(words.packPaused(name, spokenDuration(minute * 60)), Priority.step);
  }
}

/** A moment with a pack on: paused during its step, or waiting for the person to take it off. */
export interface PackMoment {
  kind: "cold" | "heat";
  onSeconds: number;
  waitingOff: boolean;
}
