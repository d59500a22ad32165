import type { Context } from "../context.js";
import { promptText as words } from "../text/prompt.js";
import { listenToKeys } from "./asking.js";
import { wrap } from "./text.js";

/**
 * A one-line answer typed at a terminal (the pain check-in), bounded: at most `maxLength`
 * characters are kept, and the line is drawn once per chunk of input, not once per character.
 * A general-purpose prompt redraws the whole answer after every key, so a paste of 20,000
 * characters took over 90 seconds and 100 MB of output, with keys ignored meanwhile; here it
 * is one pass over the chunk and one short redraw. Enter answers, Backspace takes back, Ctrl-C
 * and Esc cancel (ExitPromptError, as the prompt library does), other control keys and escape
 * sequences (arrows, bracketed-paste marks) are ignored.
 */
export interface LineQuestion {
  message: string;
  maxLength: number;
  /** True, or what to say when the answer will not do. */
  validate: (answer: string) => true | string;
}

const cancelled = (why: string) => Object.assign(new Error(why), { name: "ExitPromptError" });

/** Applies one chunk of keys to the answer: what it is now, and whether Enter or a cancel came. */
export function applyKeys(
  answer: string,
  chunk: string,
  maxLength: number,
): { answer: string; enter?: boolean; cancel?: "ctrl-c" | "escape" | "end"; rest?: string } {
  let text = answer;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c === "\r" || c === "\n") return { answer: text, enter: true, rest: chunk.slice(i + 1) };
    if (c === "\u0003") return { answer: text, cancel: "ctrl-c" };
    if (c === "\u0004" && text === "") return { answer: text, cancel: "end" };
    if (c === "\u007f" || c === "\b") {
      text = [...text].slice(0, -1).join("");
      continue;
    }
    if (c === "\u001b") {
      // an escape sequence (an arrow, a paste mark) is skipped whole; Esc alone cancels
      const sequence = /^(\[[0-9;?]*[ -/]*[@-~]|O.)/.exec(chunk.slice(i + 1));
      if (sequence) {
        i += sequence[0].length;
        continue;
      }
      return { answer: text, cancel: "escape" };
    }
    if (c < " " || (c >= "\u0080" && c < "\u00a0")) continue; // other control characters
    if (text.length < maxLength) text += c;
  }
  return { answer: text };
}

const CLEAR_LINE = "\r\u001b[2K";

export function askLine(ctx: Context, question: LineQuestion): Promise<string> {
  const { stdin } = ctx;
  const out = ctx.stdout;
  const s = ctx.style;
  let answer = "";
  // A question too long for one line is wrapped at word boundaries (at most 80 columns, room
  // left for the answer): the lines before its last are written once, under the mark.
  const width = Math.min(out.columns || 80, 80) - 2;
  const lines = wrap(question.message, width - Math.min(question.maxLength + 1, width / 3));
  const last = lines.pop()!;
  const head = lines.map((line, i) => `${i === 0 ? s.strong("?") : " "} ${s.strong(line)}\n`);
  const mark = (done: boolean) => (head.length > 0 ? " " : done ? s.ok("✔") : s.strong("?"));
  // one short line each time: the question's last line and the answer so far (at most maxLength)
  const draw = (done = false) =>
    out.write(
      `${CLEAR_LINE}${mark(done)} ${s.strong(last)} ${words.typed(answer)}${done ? "\n" : ""}`,
    );
  return new Promise<string>((resolve, reject) => {
    const finish = () => keys.stop();
    const onData = (chunk: Buffer | string) => {
      let keys = chunk.toString();
      for (;;) {
        const step = applyKeys(answer, keys, question.maxLength);
        const changed = step.answer !== answer;
        answer = step.answer;
        if (step.cancel) {
          finish();
          out.write("\n");
          return reject(cancelled(step.cancel === "escape" ? "escape" : "cancelled"));
        }
        if (!step.enter) {
          if (changed) draw();
          return;
        }
        const verdict = question.validate(answer);
        if (verdict === true) {
          draw(true);
          finish();
          return resolve(answer);
        }
        // said below, and the question asked again on a line of its own
        out.write(`\n${s.warn(`> ${verdict}`)}\n${head.join("")}`);
        answer = "";
        draw();
        keys = step.rest ?? "";
        if (keys === "") return;
      }
    };
    const onEnd = () => {
      finish();
      reject(cancelled("input closed"));
    };
    // listening before the question is drawn: keys typed at once are not lost
    const keys = listenToKeys(stdin, onData, onEnd);
    out.write(head.join(""));
    draw();
  });
}
