import { emitKeypressEvents } from "node:readline";
import type { Context } from "../context.js";
import { type OutputLoss, output } from "../output.js";
import { type EndSignal, SIGNAL_EXIT } from "../signals.js";
import { type KeyAction, keyAction } from "./keys.js";
import type { Source } from "./runner.js";

/**
 * Keys from a terminal (raw mode, set by TerminalControl), or, when stdin is not a terminal,
 * lines: an empty line is Enter, otherwise the first letter is the key. `onEnd` is called
 * when piped input runs out.
 */
export function keySource(stdin: Context["stdin"], onEnd: () => void): Source<KeyAction> {
  return (listener) => {
    if (stdin.isTTY) {
      emitKeypressEvents(stdin);
      const onKeypress = (str: string | undefined, key: { name?: string; ctrl?: boolean }) => {
        const action = keyAction(str, key);
        if (action) listener(action);
      };
      // A suspend from outside (kill -TSTP) is Ctrl-Z too: the terminal is given back first.
      const onStop = () => listener("suspend");
      stdin.on("keypress", onKeypress);
      process.on("SIGTSTP", onStop);
      stdin.resume();
      return () => {
        stdin.removeListener("keypress", onKeypress);
        process.removeListener("SIGTSTP", onStop);
        stdin.pause();
      };
    }
    let buffer = "";
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        const action = line === "" ? "enter" : keyAction(line[0], undefined);
        if (action) listener(action);
        newline = buffer.indexOf("\n");
      }
    };
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.resume();
    return () => {
      stdin.removeListener("data", onData);
      stdin.removeListener("end", onEnd);
      stdin.pause();
    };
  };
}

export { SIGNAL_EXIT };

const CAUGHT: EndSignal[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Signals that end a session, and the loss of its output, which ends it the same way: a closed
 * terminal as a hangup (SIGHUP), a closed pipe as SIGPIPE.
 */
export const signalSource: Source<EndSignal> = (listener) => {
  const handlers = CAUGHT.map((sig) => {
    const handler = () => {
      // A hangup means the terminal is gone: nothing may be written to it any more.
      if (sig === "SIGHUP") output.terminalGone = true;
      listener(sig);
    };
    process.on(sig, handler);
    return [sig, handler] as const;
  });
  const onLost = (loss: OutputLoss) => listener(loss === "terminal" ? "SIGHUP" : "SIGPIPE");
  output.on("lost", onLost);
  if (output.lost) queueMicrotask(() => onLost(output.lost!));
  return () => {
    for (const [sig, handler] of handlers) process.removeListener(sig, handler);
    output.removeListener("lost", onLost);
  };
};
