import type { Context } from "../context.js";
import { openLibrary, userRoutinesDir } from "./shared.js";

/** `knot edit ROUTINE`: opens a working copy in the person's editor; only a valid file is kept. */
export async function edit(id: string, ctx: Context): Promise<number> {
  const { editRoutine } = await import("../builder/edit.js");
  return editRoutine(openLibrary(ctx), userRoutinesDir(ctx), id, ctx);
}
