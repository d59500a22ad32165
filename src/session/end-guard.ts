import { ExitCode } from "../errors.js";
import { exitNow, output } from "../output.js";
import { SIGNAL_EXIT } from "./input.js";
import type { EndSignal } from "./runner.js";

/**
 * Holds a session's ending steady from the first question to the saved record. A lost output
 * is the session's to handle (see output.ts). A signal before the session runs ends knot at
 * once, as it always would; one that comes after the session has ended (a hangup is often
 * sent more than once) must not kill knot while it saves: it is noted, and knot ends with its
 * code once the record is written.
 */
export function guardSessionEnd() {
  const noteLoss = () => {};
  output.on("lost", noteLoss);
  let late: EndSignal | undefined;
  let over = false;
  const handlers = (["SIGHUP", "SIGTERM", "SIGINT"] as const).map((sig) => {
    const handler = () => {
      if (sig === "SIGHUP") output.terminalGone = true;
      if (over) {
        late ??= sig;
        return;
      }
      // While the session or a question runs, their own handlers deal with it.
      if (process.listenerCount(sig) === 1) exitNow(SIGNAL_EXIT[sig]);
    };
    process.on(sig, handler);
    return [sig, handler] as const;
  });
  return {
    /** The session has ended: from now on a signal waits for the record to be saved. */
    sessionOver: () => {
      over = true;
    },
    /** The exit code, with a signal that came while saving taking the place of success. */
    finish: (code: number): number => (late && code === ExitCode.ok ? SIGNAL_EXIT[late] : code),
    release: () => {
      output.removeListener("lost", noteLoss);
      for (const [sig, handler] of handlers) process.removeListener(sig, handler);
    },
  };
}
