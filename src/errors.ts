/** Exit codes are part of knot's public contract; the README lists them. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  endedEarly: 3,
  sighup: 129,
  sigint: 130,
  sigterm: 143,
} as const;

/**
 * An error caused by the user's input or environment. Deep code throws it; only the top level
 * prints it (message, then an optional hint) and exits with its code. Never shown with a stack.
 */
export class KnotError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = "KnotError";
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.usage;
  }
}
