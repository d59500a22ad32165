import { existsSync } from "node:fs";
import type { Context } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import type { Library } from "../routine/library.js";
import { builderIdText as t } from "../text/builder.js";
import { isEscape } from "../ui/asking.js";
import { canAsk, choose } from "../ui/prompt.js";
import { routineFile, uniqueId } from "./ids.js";

/** Who already has an id: nobody, a built-in routine (a copy would replace it), or the person. */
export type IdOwner =
  | { taken: false }
  | { taken: true; by: "built-in" | "custom"; suggestion: string };

/** Every id in use: routines that load, files with problems, and files in the routines folder. */
export function takenIds(library: Library): Set<string> {
  return new Set([
    ...library.entries.map((e) => e.routine.id),
    ...library.broken.flatMap((b) => (b.id ? [b.id] : [])),
  ]);
}

export function ownerOf(library: Library, userDir: string, id: string): IdOwner {
  const taken = takenIds(library);
  const suggestion = () => {
    // a file named for an id that does not load under it still holds its name
    const all = new Set(taken);
    let next = uniqueId(id, all);
    while (existsSync(routineFile(userDir, next))) {
      all.add(next);
      next = uniqueId(id, all);
    }
    return next;
  };
  const entry = library.find(id);
  const custom =
    existsSync(routineFile(userDir, id)) ||
    library.broken.some((b) => b.id === id && b.origin === "custom") ||
    entry?.origin === "custom";
  if (custom) return { taken: true, by: "custom", suggestion: suggestion() };
  if (taken.has(id)) return { taken: true, by: "built-in", suggestion: suggestion() };
  return { taken: false };
}

/**
 * The id a new routine is saved under: `id` when it is free; when it is taken, only with
 * `replace` or the person's answer, otherwise a free one they chose. Without a terminal a
 * taken id is refused, naming the flags that settle it.
 */
export async function settleId(
  ctx: Context,
  library: Library,
  userDir: string,
  id: string,
  options: { replace?: boolean },
): Promise<{ id: string; replace: boolean }> {
  const owner = ownerOf(library, userDir, id);
  if (!owner.taken) return { id, replace: false };
  if (options.replace) return { id, replace: true };
  const builtIn = owner.by === "built-in";
  const what = t.taken(builtIn, id);
  if (!canAsk(ctx)) {
    throw new KnotError(t.neverReplaces(what), {
      hint: t.neverReplacesHint(owner.suggestion, builtIn),
    });
  }
  const chosen = await asked(() =>
    choose(ctx, t.saveAs(what), [
      { name: t.newRoutine(owner.suggestion), value: owner.suggestion },
      { name: t.replacing(id, builtIn), value: id },
    ]),
  );
  return { id: chosen, replace: chosen === id };
}

/** A question where Esc leaves without saving anything: exit 3, as leaving the builder does. */
async function asked<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (isEscape(error)) throw new KnotError(t.nothingSaved, { exitCode: ExitCode.endedEarly });
    throw error;
  }
}
