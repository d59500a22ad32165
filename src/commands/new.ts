import type { Context } from "../context.js";
import { KnotError } from "../errors.js";
import { myRoutinesText as t } from "../text/my-routines.js";
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
    throw new KnotError(t.newNoTerminal, {
      hint: t.newNoTerminalHint,
    });
  }
  const { buildRoutine } = await import("../builder/new.js");
  const { FIGURE_BOX, show } = await import("./show.js");
  const { readUserSettings } = await import("./settings.js");
  // figures as knot show draws them: not for TERM=dumb, nor for someone who asked for plain text
  const plain = (await readUserSettings(ctx)).get("display") === "plain";
  return buildRoutine(library, userRoutinesDir(ctx), name, options, ctx, {
    show: (file) => show(file, { label: t.draftLabel }, ctx),
    figureBox: ctx.env.TERM === "dumb" || plain ? undefined : FIGURE_BOX,
  });
}
