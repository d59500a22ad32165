import { type Context, println } from "./context.js";
import { ExitCode, KnotError } from "./errors.js";
import { describeFsError, isFsError } from "./files.js";
import { LOSS_EXIT, lossOf, output, proseWriter } from "./output.js";
import { errorText as t } from "./text/errors.js";
import { safeText } from "./ui/safe.js";

/** Commander's own errors (help shown, an unknown option), told apart without loading commander. */
function isCommanderError(error: unknown): error is { code: string; exitCode: number } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("commander.");
}

/** The one place errors are printed. A user's mistake never shows a stack trace. */
export function reportError(error: unknown, ctx: Context): number {
  if (isCommanderError(error)) {
    // Commander has already printed its message; help and version are not failures.
    if (
      error.exitCode === 0 ||
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version"
    ) {
      return ExitCode.ok;
    }
    return ExitCode.usage;
  }
  // The output went away (a closed terminal or pipe) in the middle of something.
  const loss = lossOf(error as NodeJS.ErrnoException);
  if (loss) {
    output.report(loss);
    return LOSS_EXIT[loss];
  }
  const s = ctx.errStyle;
  // wrapped at word boundaries at a terminal (see proseWriter)
  const say = proseWriter(ctx.stderr, ctx.env);
  // Messages quote what the person typed or wrote: printed through the safe-text layer.
  if (error instanceof KnotError) {
    say(`${s.error(t.prefix)} ${safeText(error.message)}`);
    if (error.hint) say(safeText(error.hint), s.dim);
    return error.exitCode;
  }
  // The person's environment (a read-only folder, a full disk), not a bug: say what and why.
  if (isFsError(error) && error.syscall === "write" && !error.path) {
    // knot's own output (a redirect to a full disk): knot's files were not what failed
    say(`${s.error(t.prefix)} ${t.outputFailed(describeFsError(error))}`);
    println(ctx.stderr, s.dim(t.outputIncomplete));
    return ExitCode.failure;
  }
  if (isFsError(error)) {
    const verb = t.verbs[error.syscall ?? ""] ?? error.syscall ?? t.verbs.use!;
    const where = error.path ? ` ${safeText(error.path, { inLine: true })}` : "";
    say(`${s.error(t.prefix)} ${t.couldNot(verb, where, describeFsError(error))}`);
    println(ctx.stderr, s.dim(t.checkFolder));
    return ExitCode.failure;
  }
  const e = error as Error;
  say(`${s.error(t.wentWrong)} ${safeText(e?.message ?? String(error))}`);
  if (ctx.env.KNOT_DEBUG) println(ctx.stderr, e?.stack ?? "");
  else println(ctx.stderr, s.dim(t.seeDetails));
  return ExitCode.failure;
}
