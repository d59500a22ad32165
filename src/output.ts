import { EventEmitter } from "node:events";
import { closeSync, openSync } from "node:fs";
import { isatty } from "node:tty";

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

const STARTED_ON_TTY = [0, 1, 2].map((fd) => isatty(fd));

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
