import { exitCodeAfter, holdSignals, output } from "../output.js";

/**
 * Holds a session's ending steady from the first question to the saved record. A lost output
 * is the session's to handle (see output.ts). A signal before the session runs ends knot at
 * once, as it always would (installSignalExits); one that comes after the session has ended
 * (a hangup is often sent more than once) must not kill knot while it saves: it is noted, and
 * knot ends with its code once the record is written.
 */
export function guardSessionEnd() {
  const noteLoss = () => {};
  output.on("lost", noteLoss);
  let hold: { release(): void } | undefined;
  return {
    /** The session has ended: from now on a signal waits for the record to be saved. */
    sessionOver: () => {
      hold ??= holdSignals();
    },
    /**
     * The exit code, with a signal that came while saving, or a terminal or pipe that went
     * away, taking the place of success.
     */
    finish: (code: number): number => exitCodeAfter(code),
    release: () => {
      output.removeListener("lost", noteLoss);
      hold?.release();
    },
  };
}
