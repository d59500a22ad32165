import type { Context } from "../context.js";
import { KnotError } from "../errors.js";
import { canAsk } from "../ui/prompt.js";
import { openLibrary, userRoutinesDir } from "./shared.js";

export interface NewOptions {
  from?: string;
  id?: string;
  replace?: boolean;
}

/** `knot new [NAME]`: builds a routine by questions at a terminal, or copies one (--from). */
export async function newRoutine(
  name: string | undefined,
  options: NewOptions,
  ctx: Context,
): Promise<number> {
  const library = openLibrary(ctx);
  if (options.from !== undefined) {
    const { copyRoutine } = await import("../builder/copy.js");
    return copyRoutine(
      library,
      userRoutinesDir(ctx),
      name,
      { ...options, from: options.from },
      ctx,
    );
  }
  if (!canAsk(ctx)) {
    throw new KnotError("knot new asks its questions at a terminal, and there is none here.", {
      hint: 'Without one, copy a routine and change it: knot new "My stretch" --from stretch, then knot edit my-stretch (or write the JSON yourself: see "Your own routines" in the README).',
    });
  }
  const { buildRoutine } = await import("../builder/new.js");
  const { FIGURE_BOX, show } = await import("./show.js");
  const { readUserSettings } = await import("./settings.js");
  // figures as knot show draws them: not for TERM=dumb, nor for someone who asked for plain text
  const plain = (await readUserSettings(ctx)).get("display") === "plain";
  return buildRoutine(library, userRoutinesDir(ctx), name, options, ctx, {
    show: (file) => show(file, { label: "draft, not saved yet" }, ctx),
    figureBox: ctx.env.TERM === "dumb" || plain ? undefined : FIGURE_BOX,
  });
}
