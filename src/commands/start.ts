import type { CoachFlags } from "../coach/options.js";
import { startRoutine } from "../coach/start-routine.js";
import type { Context } from "../context.js";
import { formatDuration } from "../duration.js";
import { coachText as words } from "../text/coach.js";
import { openLibrary } from "./shared.js";

/** knot start <routine> */
export const start = (nameOrPath: string, flags: CoachFlags, ctx: Context): Promise<number> =>
  startRoutine(ctx, nameOrPath, flags);

/** `knot` on its own, in a terminal: pick a routine, then start it. */
export async function pickAndStart(ctx: Context): Promise<number> {
  const library = openLibrary(ctx);
  const { choose } = await import("../ui/prompt.js");
  const id = await choose(
    ctx,
    words.whichRoutine,
    library.entries.map((e) => ({
      name: words.choice(e.routine.name, formatDuration(e.totalSeconds)),
      value: e.routine.id,
      description: e.routine.summary && words.summary(e.routine.summary),
    })),
    gentlest(library.entries),
  );
  return start(id, {}, ctx);
}

/**
 * Where the picker opens: the gentlest routine (the built-in gentle stretch, else the shortest
 * stretch), never the first in the list, which may be a 35-minute cold cycle.
 */
function gentlest(
  entries: readonly { routine: { id: string; category: string }; totalSeconds: number }[],
): string | undefined {
  const stretches = entries.filter((e) => e.routine.category === "stretch");
  const pick =
    stretches.find((e) => e.routine.id === "stretch") ??
    [...stretches].sort((a, b) => a.totalSeconds - b.totalSeconds)[0];
  return pick?.routine.id;
}
