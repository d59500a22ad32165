import { existsSync } from "node:fs";
import type { Context } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import type { Library } from "../routine/library.js";
import { canAsk, choose, isEscape } from "../ui/prompt.js";
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
  const what = owner.by === "built-in" ? `knot's built-in routine ${id}` : `your routine ${id}`;
  if (!canAsk(ctx)) {
    throw new KnotError(
      `There is already ${what}, and knot never replaces a routine without asking.`,
      {
        hint: `Give another id (--id ${owner.suggestion}), or add --replace to ${owner.by === "built-in" ? "use yours instead of the built-in" : "replace it"}.`,
      },
    );
  }
  const chosen = await asked(() =>
    choose(ctx, `There is already ${what}. Save this one as:`, [
      { name: `${owner.suggestion}, a new routine`, value: owner.suggestion },
      {
        name:
          owner.by === "built-in"
            ? `${id}, used instead of the built-in`
            : `${id}, replacing yours`,
        value: id,
      },
    ]),
  );
  return { id: chosen, replace: chosen === id };
}

/** A question where Esc leaves without saving anything: exit 3, as leaving the builder does. */
async function asked<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (isEscape(error)) throw new KnotError("Nothing saved.", { exitCode: ExitCode.endedEarly });
    throw error;
  }
}
