/**
 * Whether a question can be asked: keys come from a terminal and the question goes to one.
 * Kept apart from the prompts, so a command can know it without loading them.
 */
export const canAskOn = (stdin: { isTTY?: boolean }, out: { isTTY?: boolean }): boolean =>
  Boolean(stdin.isTTY && out.isTTY);
