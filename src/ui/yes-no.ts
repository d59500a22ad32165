import type { Context, OutputStream } from "../context.js";
import { promptText as words } from "../text/prompt.js";
import { guarded, listenToKeys, questionText } from "./asking.js";

/** What one key (or the first of a paste) does at a yes/no question. */
export type YesNoKey = boolean | "escape" | "cancel" | "suspend" | undefined;

/**
 * The keys of every yes/no question: y or Y is yes, n or N is no, Enter is the default (none
 * when the question has no default), Esc leaves as Ctrl-C does without the signal's exit code,
 * Ctrl-C or Ctrl-D cancel, Ctrl-Z suspends. Anything else (an arrow key, a letter) is ignored.
 */
export function yesNoKey(chunk: string, fallback: boolean | undefined): YesNoKey {
  const key = chunk.charAt(0);
  if (key === "\u0003" || key === "\u0004") return "cancel";
  if (key === "\u001a") return "suspend";
  // Esc alone: an arrow key's sequence starts with it too, and arrives as one chunk
  if (chunk === "\u001b") return "escape";
  if (key === "y" || key === "Y") return true;
  if (key === "n" || key === "N") return false;
  if (key === "\r" || key === "\n") return fallback;
  return undefined;
}

/** "[Y/n]": the keys a yes/no question takes, its default in capitals. */
export const yesNoKeys = (fallback: boolean | undefined): string =>
  fallback === undefined ? words.yesNo.either : fallback ? words.yesNo.yes : words.yesNo.no;

/**
 * The one yes/no question of knot, answered with one keypress (see yesNoKey), the answer
 * echoed on the line. Nothing is redrawn, so it reads the same in plain mode and to screen
 * readers.
 */
export async function askYesNo(
  ctx: Context,
  out: OutputStream,
  message: string,
  options: { default?: boolean } = {},
): Promise<boolean> {
  const question = `${questionText(`${message} ${yesNoKeys(options.default)}`, out)} `;
  const answer = await guarded(
    ctx,
    () =>
      new Promise<boolean>((resolve, reject) => {
        const stdin = ctx.stdin;
        const done = () => keys.stop();
        const leave = (name: string, why: string) => {
          done();
          out.write("\n");
          reject(Object.assign(new Error(why), { name }));
        };
        const onData = (chunk: Buffer | string) => {
          const key = yesNoKey(chunk.toString(), options.default);
          if (key === "cancel") leave("ExitPromptError", "cancelled");
          else if (key === "escape") leave("AbortPromptError", "escape");
          else if (key === "suspend") suspend();
          else if (key !== undefined) {
            done();
            resolve(key);
          }
        };
        // Ctrl-Z in raw mode is a key, not a signal: the terminal is given back, knot stops,
        // and after fg the same question is asked again.
        const suspend = () => {
          if (keys.raw) stdin.setRawMode?.(false);
          out.write("\n");
          process.once("SIGCONT", () => {
            if (keys.raw) stdin.setRawMode?.(true);
            out.write(question);
          });
          process.kill(process.pid, "SIGTSTP");
        };
        const onEnd = () => leave("ExitPromptError", "input closed");
        // raw before the question shows: a key pressed at once is never echoed by the terminal
        const keys = listenToKeys(stdin, onData, onEnd);
        out.write(question);
      }),
  );
  out.write(`${answer ? words.answered.yes : words.answered.no}\n`);
  return answer;
}
