import { join } from "node:path";
import type { Context } from "../context.js";
import { type Library, loadLibrary } from "../routine/library.js";
import { safeJson } from "../ui/safe.js";

export const userRoutinesDir = (ctx: Context): string => join(ctx.paths.config, "routines");

export const openLibrary = (ctx: Context): Library =>
  loadLibrary({ userDir: userRoutinesDir(ctx) });

export const printJson = (ctx: Context, value: unknown): void => {
  ctx.stdout.write(`${safeJson(value, 2)}\n`);
};

/** The width to lay text out in: the terminal's, or a comfortable default when piped. */
export const layoutWidth = (ctx: Context, fallback = 80): number =>
  ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : fallback;
