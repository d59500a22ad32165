import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, isFsError } from "../files.js";
import { openStore } from "../history/journal.js";
import { forEachLine, isLineProblem, type LineProblem, parseLine } from "../history/store.js";
import { filesText } from "../text/files.js";
import { quote } from "../ui/safe.js";

/**
 * Merges an export (another computer's, or a backup) into this history: each line checked as
 * strictly as the store checks its own, sessions already kept skipped by id.
 */
export async function importHistory(path: string, ctx: Context): Promise<number> {
  if (path === "") throw new KnotError(filesText.importNeedsFile);
  const store = openStore(ctx, warnTo(ctx));
  const merge = store.merger();
  const refused: { line: number; reason: LineProblem }[] = [];
  try {
    forEachLine(path, (line, number) => {
      const parsed = parseLine(line);
      if (parsed === undefined) return;
      if (isLineProblem(parsed)) refused.push({ line: number, reason: parsed });
      else merge.add(parsed);
    });
    merge.finish();
  } catch (error) {
    try {
      merge.finish();
    } catch {
      // the first failure is the one to report
    }
    if (merge.writeFailed) throw importWriteError(merge.writeFailed, merge.added);
    if (error instanceof KnotError) throw error;
    throw new KnotError(
      filesText.importUnreadable(quote(path), merge.added, describeFsError(error)),
      {
        // a file that is not there, or not a file at all, is the person's to fix
        exitCode:
          isFsError(error) && ["ENOENT", "ENOTREG", "EISDIR"].includes(error.code ?? "")
            ? ExitCode.usage
            : ExitCode.failure,
        hint: filesText.importHint,
      },
    );
  }
  const { added, skipped } = merge;
  if (added + skipped === 0 && refused.length > 0) {
    throw new KnotError(
      filesText.importNoRecords(
        quote(path),
        refused[0]!.line,
        filesText.lineProblem(refused[0]!.reason),
      ),
      {
        hint: filesText.importHint,
      },
    );
  }
  println(ctx.stdout, filesText.imported(quote(path), added, skipped));
  if (refused.length > 0) {
    const lines = refused.map((r) => r.line);
    warnTo(ctx)(
      filesText.importLeftOut(refused.length, lines, filesText.lineProblem(refused[0]!.reason)),
    );
    return ExitCode.failure;
  }
  return ExitCode.ok;
}

/** An import that could not write (a full disk, a read-only folder): what was kept, and what to do. */
function importWriteError(failed: { file: string; error: unknown }, added: number): KnotError {
  const kept = filesText.importKept(added);
  if (failed.error instanceof KnotError) {
    // the history's lock was lost: nothing more was written
    const { message, hint, exitCode } = failed.error;
    return new KnotError(filesText.importLockLost(message, kept), {
      exitCode,
      ...(hint ? { hint } : {}),
    });
  }
  return new KnotError(
    filesText.importCouldNotAdd(failed.file, describeFsError(failed.error), kept),
    {
      exitCode: ExitCode.failure,
      hint: filesText.importCouldNotAddHint,
    },
  );
}
