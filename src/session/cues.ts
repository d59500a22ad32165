import { onPath } from "../on-path.js";
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
import { type CueTrouble, Priority, SpeechQueue } from "./speech.js";
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

/** Why a cue's program did not reach the person, in words. */
function troubleText(t: CueTrouble): string {
  switch (t.problem) {
    case "cannot-start":
      return words.cannotStart(t.program, t.detail);
    case "hung":
      return words.hung(t.program);
    case "complained":
      return words.complained(t.program, t.complaint);
    case "exited":
      return words.exited(t.program, t.code);
  }
}

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
        (reason) => this.outlets.problem(words.voiceFailed(troubleText(reason), FIX.voice)),
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
      this.outlets.problem(words.notifyFailed(troubleText(result.reason), FIX.notify));
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
