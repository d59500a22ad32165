import type { OutputStream } from "../context.js";
import { output } from "../output.js";
import { TERM } from "../ui/term.js";

export { TERM };

type RawInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * Takes over a terminal for a full-screen countdown and gives it back exactly once, whatever
 * ends the session: the end, a key, a signal or an exception (a process "exit" hook is the
 * last resort).
 */
export class TerminalControl {
  private active = false;
  private readonly onExit = () => this.restore();

  constructor(
    private readonly out: OutputStream,
    private readonly input: RawInput | undefined,
    private readonly fullScreen: boolean,
  ) {}

  enter(): void {
    if (this.active) return;
    this.active = true;
    process.on("exit", this.onExit);
    if (this.input?.isTTY && this.input.setRawMode) this.input.setRawMode(true);
    if (this.fullScreen) this.out.write(TERM.titlePush + TERM.altScreenOn + TERM.cursorHide);
  }

  /** After the process was stopped and continued, the shell may have reset the terminal. */
  reassert(): void {
    if (!this.active || output.terminalGone) return;
    // Off, then on: the terminal driver only applies a mode it believes has changed, and the
    // shell may have put the terminal back to line mode while knot was stopped.
    if (this.input?.isTTY && this.input.setRawMode) {
      this.input.setRawMode(false);
      this.input.setRawMode(true);
    }
    if (this.fullScreen) this.out.write(TERM.altScreenOn + TERM.cursorHide);
  }

  get isActive(): boolean {
    return this.active;
  }

  restore(): void {
    if (!this.active) return;
    this.active = false;
    process.removeListener("exit", this.onExit);
    // A terminal that hung up has nothing left to restore, and touching it fails.
    if (output.terminalGone) return;
    try {
      if (this.input?.isTTY && this.input.setRawMode) this.input.setRawMode(false);
      if (this.fullScreen) this.out.write(TERM.cursorShow + TERM.altScreenOff + TERM.titlePop);
    } catch {
      output.terminalGone = true;
    }
  }
}
