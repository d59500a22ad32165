import { rmSync } from "node:fs";
import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { didYouMean } from "../suggest.js";
import { confirm, isEscape } from "../ui/prompt.js";
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
    throw new KnotError(`${quote(id)} is built into knot, so it cannot be removed.`, {
      hint: `To change it, "knot edit ${id}" makes your own copy. To make another, "knot new NAME --from ${id}".`,
    });
  }
  const path = entry?.origin === "custom" ? entry.path : broken?.path;
  if (!path) {
    const own = library.entries.filter((e) => e.origin === "custom").map((e) => e.routine.id);
    throw new KnotError(`You have no routine called ${quote(id)}.${didYouMean(id, own)}`, {
      hint:
        own.length > 0 ? `Your own routines: ${own.join(", ")}` : "knot list shows the routines.",
    });
  }
  // With a built-in of the same id behind it, routines that include it carry on with that.
  const users = entry?.overridesBuiltIn
    ? []
    : library.entries.filter((e) => e.routine.id !== id && includes(e.routine.steps, id));
  const after = entry?.overridesBuiltIn ? ` knot's built-in ${id} comes back in its place.` : "";
  const broke =
    users.length > 0
      ? ` ${users.map((e) => e.routine.id).join(", ")} include${users.length === 1 ? "s" : ""} it and will stop working.`
      : "";
  // Without the question (--yes), what the removal breaks is still said.
  if (options.yes && users.length > 0) {
    println(ctx.stderr, ctx.errStyle.warn(`Removing ${id}:${broke}`));
  }
  let yes: boolean;
  try {
    yes = await confirm(ctx, `Remove ${safeText(path, { inLine: true })}?${after}${broke}`, {
      yes: options.yes,
      default: false,
      whenNoTerminal: () => {
        throw new KnotError(
          `knot asks before removing a routine, and there is no terminal to ask in.`,
          { hint: `Add --yes to remove it without asking: knot rm ${id} --yes` },
        );
      },
    });
  } catch (error) {
    // Esc is a no: the routine stays
    if (!isEscape(error)) throw error;
    yes = false;
  }
  if (!yes) {
    println(ctx.stdout, "Nothing removed.");
    return ExitCode.endedEarly;
  }
  rmSync(path);
  println(ctx.stdout, `Removed ${id}.${after}`);
  return ExitCode.ok;
}

function includes(items: readonly object[], id: string): boolean {
  return items.some(
    (item) =>
      ("routine" in item && item.routine === id) ||
      ("steps" in item && Array.isArray(item.steps) && includes(item.steps, id)),
  );
}
