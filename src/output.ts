import { EventEmitter } from "node:events";
import { closeSync, fstatSync, openSync } from "node:fs";
import { ExitCode } from "./errors.js";
import { wrapIndented } from "./ui/text.js";

/**
 * What happens when the person's output goes away: a closed terminal window (writes fail with
 * EIO, and SIGHUP arrives) or a closed pipe (`knot ... | head -1`, EPIPE). Either one is a
 * normal way for a session to end, never a crash: a running session is told (and records
 * itself), anything else ends quietly with the documented code.
 */
export type OutputLoss = "terminal" | "pipe";

const LOSS_CODES: Record<string, OutputLoss> = {
  EIO: "terminal",
  ENXIO: "terminal",
  EBADF: "terminal",
  EPIPE: "pipe",
  ERR_STREAM_DESTROYED: "pipe",
};

/** Exit codes for a lost output: as if by SIGHUP (terminal) or SIGPIPE (pipe). */
export const LOSS_EXIT: Record<OutputLoss, number> = { terminal: 129, pipe: 141 };

class OutputState extends EventEmitter<{ lost: [OutputLoss] }> {
  lost: OutputLoss | undefined;
  /** Whether the controlling terminal is gone (or a hangup said so): nothing may touch it. */
  terminalGone = false;

  report(loss: OutputLoss): void {
    if (loss === "terminal") this.terminalGone = true;
    if (this.lost) return;
    this.lost = loss;
    this.emit("lost", loss);
  }
}

export const output = new OutputState();

/** The loss an output error stands for, or undefined for an error that is not a loss. */
export function lossOf(error: NodeJS.ErrnoException): OutputLoss | undefined {
  return error.code ? LOSS_CODES[error.code] : undefined;
}

// A terminal is a character device (so is /dev/null, which detachTerminal reopens harmlessly):
// node:tty's isatty() would load the terminal's and the network's streams at every start.
const STARTED_ON_TTY = [0, 1, 2].map((fd) => {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
});

/**
 * Points standard input, output and error away from a terminal that has gone (to /dev/null),
 * so that nothing knot or Node does on the way out touches it: Node restores the terminal
 * settings at exit, and on a hung-up terminal that restoring fails and aborts the process.
 */
export function detachTerminal(): void {
  if (process.platform === "win32") return;
  for (const fd of [0, 1, 2]) {
    try {
      // isatty() is false for a terminal that hung up, so ask what it was when knot started.
      if (!STARTED_ON_TTY[fd]) continue;
      closeSync(fd);
      // The lowest free descriptor is the one just closed.
      const reopened = openSync("/dev/null", fd === 0 ? "r" : "w");
      if (reopened !== fd) closeSync(reopened);
    } catch {
      // nothing more can be done for a descriptor that cannot be closed or reopened
    }
  }
}

/** Ends knot now with `code`, letting go of a terminal that hung up first. */
export function exitNow(code: number): never {
  if (output.terminalGone) detachTerminal();
  process.exit(code);
}

/** The signals that end knot, and the exit code each ends it with (as the shell would report). */
export const END_SIGNALS = {
  SIGHUP: ExitCode.sighup,
  SIGINT: ExitCode.sigint,
  SIGTERM: ExitCode.sigterm,
};
export type EndingSignal = keyof typeof END_SIGNALS;

const base = new Set<(...args: unknown[]) => void>();
let holds = 0;
let late: EndingSignal | undefined;

/**
 * Installed once, for knot's whole life: whatever phase knot is in, a signal ends it with its
 * own exit code. A session or a question listens to signals for a while and deals with them
 * itself; between those listeners (after a question is answered, while a record is saved,
 * on the way out) a signal used to find nobody listening, and Node's default then killed knot
 * by the signal, which a terminal emulator reports as exit 0. A closed terminal sends SIGHUP
 * more than once (the kernel's hangup, then the emulator's own kill), so the second one often
 * landed in exactly such a gap. Now nothing is left unhandled: with nobody else listening the
 * signal ends knot here, or, while something must be finished first (see holdSignals), it is
 * noted and ends knot once that is done.
 */
export function installSignalExits(): () => void {
  const installed: [EndingSignal, () => void][] = [];
  for (const sig of Object.keys(END_SIGNALS) as EndingSignal[]) {
    const handler = () => {
      if (sig === "SIGHUP") output.terminalGone = true;
      if (process.listeners(sig).some((l) => !base.has(l as never))) return; // handled there
      if (holds > 0) {
        late ??= sig;
        return;
      }
      exitNow(END_SIGNALS[sig]);
    };
    base.add(handler);
    process.on(sig, handler);
    installed.push([sig, handler]);
  }
  // A file size limit (ulimit -f) reached mid-write sends SIGXFSZ, whose default kills knot
  // with nothing said; ignored, the write fails with EFBIG and knot says which file and why.
  const ignoreXfsz = () => {};
  if (process.platform !== "win32") process.on("SIGXFSZ", ignoreXfsz);
  return () => {
    process.removeListener("SIGXFSZ", ignoreXfsz);
    for (const [sig, handler] of installed) {
      process.removeListener(sig, handler);
      base.delete(handler);
    }
    late = undefined;
  };
}

/**
 * While held, a signal nobody else handles is noted, not obeyed: knot finishes what it is
 * doing (saving a record) and then ends with the signal's code (see exitCodeAfter).
 */
export function holdSignals(): { release(): void } {
  holds += 1;
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      holds -= 1;
    },
  };
}

/**
 * The exit code once a piece of work is done: a signal noted while it ran, or an output that
 * went away, takes the place of success (a session that finished as its terminal closed
 * ends as the closed terminal does, 129).
 */
export function exitCodeAfter(code: number): number {
  if (code !== ExitCode.ok) return code;
  if (late) return END_SIGNALS[late];
  if (output.lost) return LOSS_EXIT[output.lost];
  return code;
}

/** Where prose is printed: a terminal (with its width) or a pipe or file (the same as context.ts's). */
interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * The columns prose is laid out in on `stream`: the terminal's width; when printing to a pipe
 * or a file, COLUMNS if it holds a width, else 80.
 */
export function textWidth(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns >= 20 ? columns : 80;
}

/**
 * The columns a table or prose is fitted to on `stream`: textWidth at a terminal, or on a pipe
 * or in a file that COLUMNS gives a width; undefined elsewhere, where lines stay whole.
 */
export function fitWidth(
  stream: OutputStream,
  env: NodeJS.ProcessEnv = process.env,
): number | undefined {
  return stream.isTTY || env.COLUMNS ? textWidth(stream, env) : undefined;
}

/**
 * How a command prints prose: each line that fits `stream` (see textWidth) as it is, a longer
 * one wrapped at word boundaries (at most `max` columns) with its continuation lines hanging
 * under its text, so no word is cut by the terminal. `paint` (a colour) is put on each line
 * after wrapping. On a pipe or in a file, lines are wrapped only when COLUMNS asks for a
 * width: otherwise each stays one line, as written, for the pagers, logs and scripts that
 * read them a line at a time.
 */
export function proseWriter(
  stream: OutputStream,
  env: NodeJS.ProcessEnv = process.env,
  /** At most this many columns, however wide the terminal (long lines are hard to read). */
  max = Number.POSITIVE_INFINITY,
): (text?: string, paint?: (line: string) => string) => void {
  const fit = fitWidth(stream, env);
  const width = fit === undefined ? Infinity : Math.min(fit, max);
  return (text = "", paint) => {
    const lines = width === Infinity ? text.split("\n") : wrapIndented(text, width);
    stream.write(`${(paint ? lines.map(paint) : lines).join("\n")}\n`);
  };
}
