import type { Context } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";

/**
 * Every question knot asks goes through here: --yes answers yes, no terminal means no
 * question (the caller says what happens then), and Ctrl-C at a prompt leaves cleanly.
 */
export const canAsk = (ctx: Context): boolean => Boolean(ctx.stdin.isTTY && ctx.stdout.isTTY);

const streams = (ctx: Context) => ({
  input: ctx.stdin,
  output: ctx.stdout as NodeJS.WritableStream,
});

async function guarded<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if ((error as Error)?.name === "ExitPromptError") {
      throw new KnotError("Cancelled.", { exitCode: ExitCode.sigint });
    }
    throw error;
  }
}

export async function confirm(
  ctx: Context,
  message: string,
  options: { yes?: boolean; default?: boolean; whenNoTerminal: () => boolean },
): Promise<boolean> {
  if (options.yes) return true;
  if (!canAsk(ctx)) return options.whenNoTerminal();
  const { confirm: ask } = await import("@inquirer/prompts");
  return guarded(() => ask({ message, default: options.default ?? true }, streams(ctx)));
}

export async function choose<T>(
  ctx: Context,
  message: string,
  choices: { name: string; value: T; description?: string }[],
): Promise<T> {
  const { select } = await import("@inquirer/prompts");
  return guarded(() => select({ message, choices, pageSize: 12 }, streams(ctx)));
}
