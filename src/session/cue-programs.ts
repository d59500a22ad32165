import { type ChildProcess, spawn } from "node:child_process";
import { onPath } from "../on-path.js";
import { type CueTrouble, Priority, type Utterance } from "./speech.js";

/**
 * The programs cues run (a speech program, a notifier) and how knot starts, watches and stops
 * them: what reaches the outside world, under the Cues that decide what to say.
 */

/** The outside world cues reach: a terminal for the bell, and programs to start. */
export interface CueOutlets {
  /** Writes to the terminal (the bell); undefined when there is no terminal. */
  bell?: (text: string) => void;
  /** Starts a program; returns it, or throws if it cannot. */
  run?: (command: string, args: string[]) => ChildProcess;
  findProgram?: (name: string) => boolean;
  platform?: NodeJS.Platform;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /**
   * One line saying which cue is not reaching the person and what would fix it; shown inside
   * the countdown (or printed, in plain mode). Said once per cue.
   */
  problem: (text: string) => void;
}

/** The outlets' timers, or the real ones. */
export const timersOf = (outlets: CueOutlets) => ({
  setT: outlets.setTimeout ?? setTimeout,
  clearT: outlets.clearTimeout ?? ((h: unknown) => clearTimeout(h as NodeJS.Timeout)),
});

const defaultRun = (command: string, args: string[]) =>
  spawn(command, args, { stdio: ["pipe", "ignore", "pipe"], detached: false });

/** Words a program writes on stderr when it could not do its job, though it exits 0. */
const TROUBLE = /error|cannot|can't|failed|unable|no such/i;

/**
 * Runs a cue program: routine text goes on standard input or after `--`, never where it could
 * be read as an option. Ends badly when the program cannot start, exits with an error, says
 * on stderr that it failed (espeak-ng with no audio device exits 0), or hangs.
 */
export function runCue(
  outlets: CueOutlets,
  command: string,
  args: string[],
  input: string | undefined,
  hangMs: number,
): Utterance {
  const { setT, clearT } = timersOf(outlets);
  let child: ChildProcess | undefined;
  let stopped = false;
  const done = new Promise<{ ok: true } | { ok: false; reason: CueTrouble }>((resolve) => {
    let stderr = "";
    let timer: unknown;
    const finish = (result: { ok: true } | { ok: false; reason: CueTrouble }) => {
      clearT(timer);
      resolve(result);
    };
    try {
      child = (outlets.run ?? defaultRun)(command, args);
    } catch (error) {
      const detail = (error as Error).message;
      finish({ ok: false, reason: { program: command, problem: "cannot-start", detail } });
      return;
    }
    timer = setT(() => {
      child?.kill();
      finish({ ok: false, reason: { program: command, problem: "hung" } });
    }, hangMs);
    child.stderr?.on("data", (chunk: Buffer | string) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    child.on("error", (error) =>
      finish({
        ok: false,
        reason: { program: command, problem: "cannot-start", detail: error.message },
      }),
    );
    child.on("close", (code) => {
      if (stopped) return finish({ ok: true });
      const complaint = stderr.split("\n").find((line) => TROUBLE.test(line));
      const failed = (reason: CueTrouble) => finish({ ok: false, reason });
      if (code !== 0 && code !== null) {
        failed(
          complaint !== undefined
            ? { program: command, problem: "complained", complaint }
            : { program: command, problem: "exited", code },
        );
      } else if (complaint) {
        failed({ program: command, problem: "complained", complaint: complaint.trim() });
      } else finish({ ok: true });
    });
    child.stdin?.on("error", () => {}); // a program that exits early closes its input
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
    child.unref?.();
  });
  return {
    done,
    stop: () => {
      stopped = true;
      child?.kill();
    },
  };
}

// Each begins a sentence of its own in the notice (see noticeLines: the advice is kept whole).
/**
 * Speech programs, best first. speech-dispatcher (spd-say) keeps its voice loaded and its sound
 * open between cues, so each starts at once, and it knows priorities; espeak-ng starts a new
 * voice for every cue (a second or more before the first word).
 */
export const VOICES = { darwin: ["say"], other: ["spd-say", "espeak-ng", "espeak"] } as const;

/** speech-dispatcher's priorities: a safety call is never cut, a count gives way. */
const SPD_PRIORITY: Record<Priority, string> = {
  [Priority.safety]: "important",
  [Priority.step]: "message",
  [Priority.count]: "progress",
};

/**
 * say reads "-f -" (stdin); espeak-ng and espeak read --stdin; spd-say takes the text after
 * "--" and waits (-w) until it is said, so knot knows when a cue has been heard.
 */
export function voiceArgs(command: string, text: string, priority: Priority): string[] {
  if (command === "say") return ["-f", "-"];
  if (command === "spd-say") return ["-w", "-P", SPD_PRIORITY[priority], "--", text];
  return ["--stdin"];
}

/** An utterance that starts once `ready` settles; stopped before then, it never starts. */
export function afterReady(ready: Promise<unknown>, start: () => Utterance): Utterance {
  let stopped = false;
  let inner: Utterance | undefined;
  const done = ready.then(() => {
    if (stopped) return { ok: true as const };
    inner = start();
    return inner.done;
  });
  return {
    done,
    stop: () => {
      stopped = true;
      inner?.stop();
    },
  };
}

/** How to install a speech program on the system knot runs on: " (sudo apt install …)". */
export function installHint(has: (name: string) => boolean = (name) => onPath(name)): string {
  if (has("apt-get")) return " (sudo apt install speech-dispatcher)";
  if (has("dnf")) return " (sudo dnf install speech-dispatcher)";
  if (has("pacman")) return " (sudo pacman -S speech-dispatcher)";
  return "";
}
