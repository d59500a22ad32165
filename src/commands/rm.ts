import { rmSync } from "node:fs";
import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { closestMatches } from "../suggest.js";
import { myRoutinesText as t } from "../text/my-routines.js";
import { didYouMean } from "../text/routine.js";
import { isEscape } from "../ui/asking.js";
import { confirm } from "../ui/prompt.js";
import { quote, safeText } from "../ui/safe.js";
import { openLibrary } from "./shared.js";

export interface RmOptions {
  yes?: boolean;
}

/** `knot rm ROUTINE`: removes one of the person's own routines, after asking; never a built-in. */
export async function rm(id: string, options: RmOptions, ctx: Context): Promise<number> {
  const library = openLibrary(ctx);
  const entry = library.find(id);
  // A file of theirs with problems can be removed too: it is still theirs.
  const broken = library.broken.find((b) => b.id === id && b.origin === "custom");
  if (entry?.origin === "built-in") {
    throw new KnotError(t.builtIn(quote(id)), {
      hint: t.builtInHint(id),
    });
  }
  const path = entry?.origin === "custom" ? entry.path : broken?.path;
  if (!path) {
    const own = library.entries.filter((e) => e.origin === "custom").map((e) => e.routine.id);
    throw new KnotError(t.noneCalled(quote(id), didYouMean(closestMatches(id, own))), {
      hint: own.length > 0 ? t.yourOwn(own.join(", ")) : t.listShows,
    });
  }
  // With a built-in of the same id behind it, routines that include it carry on with that.
  const users = entry?.overridesBuiltIn
    ? []
    : library.entries.filter((e) => e.routine.id !== id && includes(e.routine.steps, id));
  const after = entry?.overridesBuiltIn ? t.builtInBack(id) : "";
  const broke =
    users.length > 0 ? t.breaks(users.map((e) => e.routine.id).join(", "), users.length) : "";
  // Without the question (--yes), what the removal breaks is still said.
  if (options.yes && users.length > 0) {
    println(ctx.stderr, ctx.errStyle.warn(t.removing(id, broke)));
  }
  let yes: boolean;
  try {
    yes = await confirm(ctx, t.removeQuestion(safeText(path, { inLine: true }), after, broke), {
      yes: options.yes,
      default: false,
      whenNoTerminal: () => {
        throw new KnotError(t.rmNoTerminal, { hint: t.rmNoTerminalHint(id) });
      },
    });
  } catch (error) {
    // Esc is a no: the routine stays
    if (!isEscape(error)) throw error;
    yes = false;
  }
  if (!yes) {
    println(ctx.stdout, t.nothingRemoved);
    return ExitCode.endedEarly;
  }
  rmSync(path);
  println(ctx.stdout, t.removed(id, after));
  return ExitCode.ok;
}

function includes(items: readonly object[], id: string): boolean {
  return items.some(
    (item) =>
      ("routine" in item && item.routine === id) ||
      ("steps" in item && Array.isArray(item.steps) && includes(item.steps, id)),
  );
}
