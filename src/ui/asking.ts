import type { Context, OutputStream } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { exitNow, output } from "../output.js";
import { SIGNAL_EXIT } from "../signals.js";
import { promptText as words } from "../text/prompt.js";
import { TERM } from "./term.js";
import { wrap } from "./text.js";

/**
 * How every question is asked: laid out for the terminal, with the terminal given back on a
 * signal, Ctrl-Z and Esc handled, Ctrl-C leaving cleanly.
 */

export const streams = (ctx: Context) => ({
  input: ctx.stdin,
  output: ctx.stdout as NodeJS.WritableStream,
});

/**
 * Runs a question with the terminal guarded: a signal while it waits (kill, a closed window)
 * turns raw mode off and shows the cursor again, then ends with the signal's exit code.
 */
export async function guarded<T>(ctx: Context, question: () => Promise<T>): Promise<T> {
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = () => {
      if (signal === "SIGHUP") output.terminalGone = true;
      if (!output.terminalGone) {
        try {
          if (ctx.stdin.isTTY) ctx.stdin.setRawMode?.(false);
          ctx.stdout.write(`${TERM.cursorShow}\n`);
        } catch {
          // the terminal may be gone; there is nothing left to restore
        }
      }
      exitNow(SIGNAL_EXIT[signal]);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // Ctrl-Z at a prompt suspends knot. On fg, Node's readline pauses the input and leaves it
  // paused, so with nothing else to wait for knot would simply end: input is resumed here.
  // Should the prompt library still give up its question, that is not the person cancelling:
  // the same question is asked again.
  let continuedAt = Number.NEGATIVE_INFINITY;
  const onContinue = () => {
    continuedAt = Date.now();
    setImmediate(() => ctx.stdin.resume());
  };
  process.on("SIGCONT", onContinue);
  try {
    for (;;) {
      try {
        return await question();
      } catch (error) {
        const name = (error as Error)?.name;
        if (name !== "ExitPromptError" && name !== "AbortPromptError") throw error;
        if (Date.now() - continuedAt < 2000) continue;
        // Esc leaves a question as Ctrl-C does, but it is no signal: it ends as "not started"
        if (escaped(error)) throw new EscapePressed();
        throw new KnotError(words.cancelled, { exitCode: ExitCode.sigint });
      }
    }
  } finally {
    process.removeListener("SIGCONT", onContinue);
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  }
}

/**
 * A question's own reading of the keys, one chunk at a time (knot's yes/no and line prompts):
 * raw mode on where the terminal has it (a key is read as it is pressed, never echoed), then
 * `onData` for each chunk and `onEnd` when the input closes. `stop` takes it all down again:
 * both listeners off, raw mode off, the input paused.
 */
export function listenToKeys(
  stdin: Context["stdin"],
  onData: (chunk: Buffer | string) => void,
  onEnd: () => void,
): { raw: boolean; stop: () => void } {
  const raw = Boolean(stdin.isTTY && stdin.setRawMode);
  if (raw) stdin.setRawMode?.(true);
  stdin.on("data", onData);
  stdin.on("end", onEnd);
  stdin.resume();
  return {
    raw,
    stop: () => {
      stdin.removeListener("data", onData);
      stdin.removeListener("end", onEnd);
      if (raw) stdin.setRawMode?.(false);
      stdin.pause();
    },
  };
}

/**
 * A question laid out for the terminal: wrapped at word boundaries to the terminal's width, at
 * most 80 columns (`indent`: columns the prompt puts before it), never cut mid-word by the
 * terminal's own wrapping.
 */
export function questionText(message: string, out: OutputStream, indent = 0): string {
  const width = Math.min(out.columns || 80, 80) - indent;
  return wrap(message, width).join("\n");
}

/**
 * Esc at a question: it leaves as Ctrl-C does, without the signal's exit code. A command with
 * somewhere to go back to (a menu before the question), or something to say first, catches it.
 */
export class EscapePressed extends KnotError {
  constructor() {
    super(words.cancelled, { exitCode: ExitCode.ok });
    this.name = "EscapePressed";
  }
}

export const isEscape = (error: unknown): error is EscapePressed => error instanceof EscapePressed;

const escaped = (error: unknown): boolean =>
  (error as Error)?.message === "escape" ||
  ((error as { cause?: unknown })?.cause as Error | undefined)?.message === "escape";

/**
 * Esc at a question: the prompt library ignores it, so an abort is sent when the terminal
 * reports the key (readline names it "escape", once it is sure no sequence follows).
 */
function escapeAborts(ctx: Context): { signal: AbortSignal; off: () => void } {
  const controller = new AbortController();
  const onKey = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === "escape") controller.abort(new Error("escape"));
  };
  ctx.stdin.on("keypress", onKey);
  return { signal: controller.signal, off: () => ctx.stdin.removeListener("keypress", onKey) };
}

/** Runs one library prompt with Esc as a way out (see escapeAborts). */
export async function withEscape<T>(
  ctx: Context,
  ask: (context: ReturnType<typeof streams> & { signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const onEscape = escapeAborts(ctx);
  try {
    return await ask({ ...streams(ctx), signal: onEscape.signal });
  } catch (error) {
    if (onEscape.signal.aborted)
      throw Object.assign(new Error("escape"), { name: "AbortPromptError" });
    throw error;
  } finally {
    onEscape.off();
  }
}
