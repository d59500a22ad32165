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

/** "How bad is it right now, 0-10?": a number, or nothing when the person just presses Enter. */
export async function askRating(ctx: Context, message: string): Promise<number | undefined> {
  const { input } = await import("@inquirer/prompts");
  const answer = await guarded(() =>
    input(
      {
        message,
        validate: (text) =>
          text.trim() === "" ||
          /^(10|[0-9])$/.test(text.trim()) ||
          "A whole number from 0 to 10, or Enter to skip",
      },
      streams(ctx),
    ),
  );
  return answer.trim() === "" ? undefined : Number(answer.trim());
}
