import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { formatDuration } from "../duration.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { SessionEvent } from "./engine.js";
import { TERM } from "./terminal.js";

export interface CueSettings {
  sound: boolean;
  voice: boolean;
  notify: boolean;
}

/** The outside world cues reach: a terminal for the bell, and programs to start. */
export interface CueOutlets {
  /** Writes to the terminal (the bell); undefined when there is no terminal. */
  bell?: (text: string) => void;
  /** Starts a program; returns it, or throws if it cannot. */
  run?: (command: string, args: string[]) => ChildProcess;
  findProgram?: (name: string) => boolean;
  platform?: NodeJS.Platform;
  /** Said once when a voice or notification program is missing. */
  hint: (text: string) => void;
}

export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

const defaultRun = (command: string, args: string[]) =>
  spawn(command, args, { stdio: "ignore", detached: false });

/**
 * Bells, spoken cues and desktop notifications. Each can be off; a missing program falls back
 * to the bell with one hint, never an error.
 */
export class Cues {
  private readonly voiceCommand: string | undefined;
  private readonly notifyCommand: string | undefined;
  private speaking: ChildProcess | undefined;
  private voiceOn: boolean;
  private notifyOn: boolean;

  constructor(
    private readonly settings: CueSettings,
    private readonly outlets: CueOutlets,
  ) {
    const platform = outlets.platform ?? process.platform;
    const find = outlets.findProgram ?? ((name: string) => onPath(name));
    this.voiceOn = settings.voice;
    this.notifyOn = settings.notify;
    if (settings.voice) {
      const candidates = platform === "darwin" ? ["say"] : ["espeak-ng", "espeak"];
      this.voiceCommand = candidates.find(find);
      if (!this.voiceCommand) {
        this.voiceOn = false;
        outlets.hint(
          `Voice is on, but ${candidates.join(" or ")} was not found: using the bell instead.`,
        );
      }
    }
    if (settings.notify) {
      const candidate =
        platform === "darwin" ? "osascript" : platform === "linux" ? "notify-send" : undefined;
      this.notifyCommand = candidate && find(candidate) ? candidate : undefined;
      if (!this.notifyCommand) {
        this.notifyOn = false;
        outlets.hint(
          `Notifications are on, but ${candidate ?? "no notifier"} was not found: listen for the bell instead.`,
        );
      }
    }
  }

  bell(times = 1): void {
    if (this.settings.sound && this.outlets.bell) this.outlets.bell(TERM.bell.repeat(times));
  }

  say(text: string): void {
    if (!this.voiceOn || !this.voiceCommand) return;
    this.speaking?.kill();
    this.speaking = this.start(this.voiceCommand, [text], () => {
      this.voiceOn = false;
      this.outlets.hint(`Could not start ${this.voiceCommand}: using the bell instead.`);
    });
  }

  notify(title: string, body: string): void {
    if (!this.settings.notify) return;
    if (!this.notifyOn || !this.notifyCommand) {
      this.bell();
      return;
    }
    const args =
      this.notifyCommand === "osascript"
        ? ["-e", `display notification ${JSON.stringify(body)} with title ${JSON.stringify(title)}`]
        : [title, body];
    this.start(this.notifyCommand, args, () => {
      this.notifyOn = false;
    });
  }

  stop(): void {
    this.speaking?.kill();
  }

  private start(command: string, args: string[], onFail: () => void): ChildProcess | undefined {
    try {
      const child = (this.outlets.run ?? defaultRun)(command, args);
      child.on("error", onFail);
      child.unref?.();
      return child;
    } catch {
      onFail();
      return undefined;
    }
  }
}

/**
 * Decides which cues a moment of the session calls for: a bell and the step's name when a step
 * starts ("switch sides" between the two sides of a stretch), a count-in over the last three
 * seconds, "ten seconds" on longer steps, a notification when a step of a minute or more ends,
 * and a call back after a clock jump with a pack still on.
 */
export class CueDirector {
  private lastLeft: number | null = null;

  constructor(private readonly cues: Cues) {}

  onEvents(events: SessionEvent[], timeline: readonly TimelineEntry[]): void {
    for (const e of events) {
      const step = timeline[e.index];
      if (e.type === "step-start" && step) {
        const previous = timeline[e.index - 1];
        const switchSides =
          previous &&
          previous.name === step.name &&
          previous.side &&
          step.side &&
          previous.side !== step.side;
        this.cues.bell();
        this.cues.say(
          switchSides ? "switch sides" : step.name + (step.side ? `, ${step.side} side` : ""),
        );
        this.lastLeft = null;
      } else if (
        e.type === "step-end" &&
        step &&
        (step.seconds ?? 0) >= 60 &&
        e.outcome !== "skipped"
      ) {
        const next = timeline[e.index + 1];
        this.cues.notify(
          "knot",
          next ? `${step.name} is done. Next: ${next.name}` : `${step.name} is done.`,
        );
      } else if (e.type === "clock-jump" && e.pack) {
        this.cues.bell(2);
        const message = `${e.pack.kind === "cold" ? "Cold pack" : "Heat"} has been on ${formatDuration(e.pack.onSeconds)}: take it off now`;
        this.cues.say(message);
        this.cues.notify("knot", message);
      } else if (e.type === "session-end") {
        this.cues.bell(2);
        if (e.reason === "completed") this.cues.say("done");
      }
    }
  }

  /** Called whenever the time left changes (once a second). */
  onSecond(left: number | null, stepSeconds: number | null): void {
    if (left === null || left === this.lastLeft) return;
    const previous = this.lastLeft;
    this.lastLeft = left;
    if (previous === null) return;
    if (left >= 1 && left <= 3) {
      this.cues.bell();
      this.cues.say(String(left));
    } else if (left === 10 && (stepSeconds ?? 0) >= 30) {
      this.cues.say("ten seconds");
    }
  }
}
