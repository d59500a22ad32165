import type { Context } from "../context.js";
import { safeJson } from "../ui/safe.js";

// The routines folder and library, used by several commands, live with the routines.
export { isKnotSchema, openLibrary, userRoutinesDir } from "../routine/folder.js";

export const printJson = (ctx: Context, value: unknown): void => {
  ctx.stdout.write(`${safeJson(value, 2)}\n`);
};

/** The width to lay text out in: the terminal's, or a comfortable default when piped. */
export const layoutWidth = (ctx: Context, fallback = 80): number =>
  ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : fallback;
