import type { Context } from "../context.js";
import { textWidth } from "../output.js";
import { safeJson } from "../ui/safe.js";

/**
 * How a command prints: its `--json` answer and the width it lays text out in. Kept apart from
 * the routine library's helpers (./shared.ts), so a command that prints no routine (today,
 * stats) does not load the library to print.
 */
export const printJson = (ctx: Context, value: unknown): void => {
  ctx.stdout.write(`${safeJson(value, 2)}\n`);
};

/** The width to lay text out in: the terminal's; when piped, COLUMNS or else 80 (see textWidth). */
export const layoutWidth = (ctx: Context): number => textWidth(ctx.stdout, ctx.env);
