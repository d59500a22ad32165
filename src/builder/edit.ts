import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { readRegularFile, writeFresh } from "../files.js";
import { dayKey } from "../history/analysis.js";
import { checkRoutine } from "../routine/entry.js";
import type { Library } from "../routine/library.js";
import { MAX_FILE_BYTES, readRoutineFile } from "../routine/parse.js";
import { formatIssues } from "../routine/report.js";
import type { Issue } from "../routine/validate.js";
import { clockTime } from "../safety/clock.js";
import { closestMatches } from "../suggest.js";
import { myRoutinesText as t } from "../text/my-routines.js";
import { didYouMean } from "../text/routine.js";
import { isEscape } from "../ui/asking.js";
import { canAsk, choose, confirm } from "../ui/prompt.js";
import { quote, safeText } from "../ui/safe.js";
import { pickEditor, runEditor } from "./editor.js";
import { isValidId } from "./ids.js";
import { draftFile, draftsDir, writeRoutine, writeRoutineFile } from "./store.js";

/**
 * `knot edit ROUTINE`, the way crontab -e and visudo work: the routine is copied to a working
 * copy (a draft, in knot's data folder), opened in the person's editor, and checked when the
 * editor closes. Only a valid file replaces the routine; with problems the person edits again
 * or discards, and a discarded draft stays where it is until their next edit of that routine.
 * A built-in routine is copied into their routines folder, where it replaces the built-in.
 */
export async function editRoutine(
  library: Library,
  userDir: string,
  id: string,
  ctx: Context,
): Promise<number> {
  const entry = library.find(id);
  const broken = library.broken.find((b) => b.id === id && b.origin === "custom");
  if (!isValidId(id) || (!entry && !broken)) {
    const ids = library.entries.map((e) => e.routine.id);
    throw new KnotError(t.noRoutine(quote(id), didYouMean(closestMatches(id, ids))), {
      hint: t.noRoutineHint,
    });
  }
  const source = entry?.path ?? broken!.path;
  const builtIn = entry?.origin === "built-in";
  const original = readRegularFile(source, MAX_FILE_BYTES).toString("utf8");
  const editor = pickEditor(ctx.env);
  if (!editor) {
    throw new KnotError(t.noEditor, {
      hint: t.noEditorHint,
    });
  }

  const draft = draftFile(ctx, id);
  mkdirSync(draftsDir(ctx), { recursive: true });
  const left = existsSync(draft) ? readFileSync(draft, "utf8") : undefined;
  const carryOn =
    left !== undefined &&
    left !== original &&
    (await unlessEscape(
      () =>
        confirm(ctx, t.carryOn(id, when(statSync(draft).mtimeMs)), {
          default: true,
          whenNoTerminal: () => false,
        }),
      () => {
        // Esc: nothing opened, nothing changed, the draft left as it was
        throw new KnotError(t.unchangedDraftKept(id, draft), {
          exitCode: ExitCode.endedEarly,
        });
      },
    ));
  if (!carryOn) writeFresh(draft, original);

  for (;;) {
    const opened = Date.now();
    const status = runEditor(editor, draft, ctx.env);
    if (status !== 0) {
      throw new KnotError(t.editorEnded(safeText(editor, { inLine: true }), status, id), {
        exitCode: ExitCode.failure,
        hint: t.draftKept(draft, id),
      });
    }
    const text = readRegularFile(draft, MAX_FILE_BYTES).toString("utf8");
    if (text === original) {
      rmSync(draft, { force: true });
      println(ctx.stdout, t.noChanges(id));
      // an editor that hands the file to a window and returns at once needs to be told to wait
      if (Date.now() - opened < 1000) {
        println(ctx.stdout, ctx.style.dim(t.editorClosedAtOnce));
      }
      return ExitCode.ok;
    }
    const { errors, warnings } = checkDraftFile(draft, id, library);
    if (errors.length === 0) {
      // a file of the person's is saved where it is, whatever its name; a built-in becomes theirs
      let path: string;
      try {
        path = builtIn
          ? writeRoutine(userDir, id, text, { replace: true })
          : // a routine kept elsewhere and linked in (a dotfiles folder) is saved where it lives
            writeRoutineFile(realpathSync(source), text, { replace: true });
      } catch (error) {
        // the routine is as it was, and the edit is not lost
        println(ctx.stderr, t.editKept(draft, id));
        throw error;
      }
      rmSync(draft, { force: true });
      println(ctx.stdout, t.saved(id, path));
      if (builtIn) {
        println(ctx.stdout, ctx.style.dim(t.copyUsed(id)));
      }
      if (warnings.length > 0) println(ctx.stderr, ctx.errStyle.warn(formatIssues(path, warnings)));
      return ExitCode.ok;
    }
    println(ctx.stderr, ctx.errStyle.warn(formatIssues(draft, [...errors, ...warnings])));
    const kept = t.draftKept(draft, id);
    const again =
      canAsk(ctx) &&
      (await unlessEscape(
        () =>
          choose(ctx, t.whatNow(id), [
            { name: t.editAgain, value: true },
            { name: t.discard(id), value: false },
          ]),
        // Esc is a discard: the routine unchanged, the draft kept
        () => false,
      ));
    if (!again) {
      println(ctx.stdout, t.unchanged(id, kept));
      return ExitCode.endedEarly;
    }
  }
}

/** A question's answer, or what Esc at it means here. */
async function unlessEscape<T>(question: () => Promise<T>, onEscape: () => T): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (isEscape(error)) return onEscape();
    throw error;
  }
}

/** A date and time as knot writes them everywhere: 2026-03-01 14:05. */
const when = (ms: number): string => `${dayKey(ms)} ${clockTime(ms)}`;

/** The draft as `knot validate` checks it, and its id kept: a routine is edited in its own file. */
function checkDraftFile(
  draft: string,
  id: string,
  library: Library,
): { errors: Issue[]; warnings: Issue[] } {
  const parsed = readRoutineFile(draft);
  if (!parsed.ok) return { errors: parsed.issues, warnings: [] };
  const routine = parsed.routine;
  if (routine.id !== id) {
    return {
      errors: [
        {
          severity: "error",
          path: "id",
          message: `must stay "${id}" here; to make a routine under another id, knot new NAME --from ${id}`,
        },
      ],
      warnings: [],
    };
  }
  const checked = checkRoutine(routine, (other) =>
    other === id ? routine : library.find(other)?.routine,
  );
  return { errors: checked.errors, warnings: [...parsed.issues, ...checked.warnings] };
}
