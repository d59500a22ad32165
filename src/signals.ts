import { ExitCode } from "./errors.js";
import { LOSS_EXIT } from "./output.js";

/** The signals that end a session or a question from outside. */
export type EndSignal = "SIGINT" | "SIGTERM" | "SIGHUP" | "SIGPIPE";

/** The exit code for each way a session or question can be ended from outside. */
export const SIGNAL_EXIT: Record<EndSignal, number> = {
  SIGINT: ExitCode.sigint,
  SIGTERM: ExitCode.sigterm,
  SIGHUP: LOSS_EXIT.terminal,
  SIGPIPE: LOSS_EXIT.pipe,
};
