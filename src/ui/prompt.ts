import { createInterface } from "node:readline";
import type { Context, OutputStream } from "../context.js";
import { proseWriter } from "../output.js";
import { promptText as words } from "../text/prompt.js";
import { guarded, questionText, withEscape } from "./asking.js";
import { canAskOn } from "./can-ask.js";
import { askLine, type LineQuestion } from "./line-prompt.js";
import { askYesNo } from "./yes-no.js";

/**
 * Every question knot asks goes through here: --yes answers only "start now?", no terminal
 * means no question (the caller says what happens then), Ctrl-C at a prompt leaves cleanly,
 * and a signal in the middle of a question gives the terminal back before knot exits.
 */
export const canAsk = (ctx: Context, out: OutputStream = ctx.stdout): boolean =>
  canAskOn(ctx.stdin, out);

/**
 * A yes/no question that knot decides without asking (--yes, no terminal), else asked with the
 * same keys as every yes/no question (see askYesNo); `default` is what Enter answers.
 */
export async function confirm(
  ctx: Context,
  message: string,
  options: { yes?: boolean; default?: boolean; whenNoTerminal: () => boolean },
): Promise<boolean> {
  if (options.yes) return true;
  if (!canAsk(ctx)) return options.whenNoTerminal();
  return askYesNo(ctx, ctx.stdout, message, { default: options.default ?? true });
}

export async function choose<T>(
  ctx: Context,
  message: string,
  choices: { name: string; value: T; description?: string }[],
  /** The choice the question opens on (the first without it). */
  initial?: T,
): Promise<T> {
  const { default: select } = await import("@inquirer/select");
  const opening = initial === undefined ? {} : { default: initial };
  return guarded(ctx, () =>
    withEscape(ctx, (context) =>
      select(
        {
          message: questionText(message, ctx.stdout, 2),
          choices,
          pageSize: 12,
          theme: LIST_THEME,
          ...opening,
        },
        context,
      ),
    ),
  );
}

/**
 * Bold and dim as the prompt library paints them, coloured when it colours the rest. node:tty
 * is asked when a list is first painted, not when this module loads: it brings the network's
 * and the streams' modules, some 5 ms that a command printing to a pipe never needs.
 */
let libraryColors: boolean | undefined;
const colorsLikeLibrary = (): boolean => {
  libraryColors ??=
    process.getBuiltinModule("node:tty").WriteStream.prototype.hasColors?.() ?? false;
  return libraryColors;
};
const paint = (open: number) => (text: string) =>
  colorsLikeLibrary() ? `\u001b[${open}m${text}\u001b[22m` : text;
const [bold, dim] = [paint(1), paint(2)];

/**
 * The list's key hint ("↑↓ navigate • ⏎ select") laid out as the library does, its actions
 * in knot's words.
 */
const LIST_THEME = {
  style: {
    keysHelpTip: (keys: [string, string][]) =>
      keys
        .map(([key, action]) => `${bold(key)} ${dim(words.listKeys[action] ?? action)}`)
        .join(dim(" \u2022 ")),
  },
};

/** A line typed at a terminal (bounded: see askLine), asked again until `validate` accepts it. */
export function askChecked(ctx: Context, question: LineQuestion): Promise<string> {
  return guarded(ctx, () => askLine(ctx, question));
}

/** The 0-10 scale's anchors (Numeric Pain Rating Scale), said with the question in plain mode. */
export const PAIN_SCALE = words.painScale;

/** The longest answer the check-in keeps ("10", with room to see a slip such as "100"). */
export const RATING_MAX_LENGTH = 4;

/** The check-in's questions: before a session, and after it. */
export const RATING_QUESTIONS = words.rating;

/**
 * "How bad is it right now, 0-10?": a number, or nothing when the person just presses Enter.
 * In plain mode (`lines`) it is one line to type the answer after, the scale's anchors
 * included, nothing redrawn, so screen readers read it well; a wrong answer asks again. At a
 * full-screen prompt the anchors are a line above the question.
 */
export function askRating(
  ctx: Context,
  when: keyof typeof RATING_QUESTIONS,
  options: { lines?: boolean; out?: OutputStream } = {},
): Promise<number | undefined> {
  return askScore(
    ctx,
    { question: RATING_QUESTIONS[when], scale: PAIN_SCALE, label: words.pain },
    options,
  );
}

/** A 0-10 question with its scale's anchors (the pain check-in, the weekly activity check). */
export async function askScore(
  ctx: Context,
  ask: { question: string; scale: string; label: string },
  options: { lines?: boolean; out?: OutputStream } = {},
): Promise<number | undefined> {
  const { question, scale } = ask;
  const valid = (text: string) => text.trim() === "" || /^(10|[0-9])$/.test(text.trim());
  const retry = words.scoreRetry;
  let answer: string;
  const out = options.out ?? ctx.stdout;
  if (options.lines) {
    proseWriter(out, ctx.env)(words.scoreLines(question, scale));
    answer = await guarded(ctx, async () => {
      for (;;) {
        const line = await readLine(ctx, out, words.scorePrompt(ask.label));
        if (valid(line)) return line;
        proseWriter(out, ctx.env)(words.scoreRetryLine(retry));
      }
    });
  } else {
    out.write(`${ctx.style.dim(questionText(words.scoreScale(scale), out, 2))}\n`);
    // bounded: a paste of thousands of characters settles at once (see askLine)
    answer = await guarded(ctx, () =>
      askLine(ctx, {
        message: words.scoreQuestion(question),
        maxLength: RATING_MAX_LENGTH,
        validate: (text) => valid(text) || retry,
      }),
    );
  }
  return answer.trim() === "" ? undefined : Number(answer.trim());
}

/** A short line of text (such as an activity's name); Enter alone gives "". */
export function askText(
  ctx: Context,
  message: string,
  options: { lines?: boolean; out?: OutputStream; maxLength: number },
): Promise<string> {
  const out = options.out ?? ctx.stdout;
  if (options.lines) {
    proseWriter(out, ctx.env)(message);
    return guarded(ctx, () => readLine(ctx, out, "> "));
  }
  return guarded(ctx, () =>
    askLine(ctx, { message, maxLength: options.maxLength, validate: () => true }),
  );
}

/**
 * A question as numbered lines, answered by typing a number and Enter: nothing is redrawn,
 * so screen readers read it well (plain mode). Asked again until the answer is one of them.
 */
export async function chooseLine<T>(
  ctx: Context,
  out: OutputStream,
  message: string,
  choices: { name: string; value: T }[],
): Promise<T> {
  const lines = [questionText(message, out), ...choices.map((c, i) => `  ${i + 1}) ${c.name}`)];
  out.write(`${lines.join("\n")}\n`);
  return guarded(ctx, async () => {
    for (;;) {
      const answer = (await readLine(ctx, out, words.choose(choices.length))).trim();
      const chosen = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
      if (chosen) return chosen.value;
    }
  });
}

function readLine(ctx: Context, out: OutputStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({
      input: ctx.stdin,
      output: out as NodeJS.WritableStream,
      terminal: false,
    });
    let answered = false;
    rl.once("line", (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once("close", () => {
      if (!answered) reject(Object.assign(new Error("input closed"), { name: "ExitPromptError" }));
    });
    out.write(prompt);
  });
}

/**
 * The questions of one session, asked the way its display works: full-screen prompts, or
 * numbered lines in plain mode. `out` is where questions are written (stderr when the events
 * go to stdout).
 */
export interface Asker {
  /** Whether there is a terminal to ask in at all. */
  readonly can: boolean;
  choose<T>(message: string, choices: { name: string; value: T }[]): Promise<T>;
  /** `default`: what Enter answers (none: only y or n do). */
  yesNo(message: string, options?: { default?: boolean }): Promise<boolean>;
}

export function asker(ctx: Context, plain: boolean, out: OutputStream = ctx.stdout): Asker {
  const lines = plain || out !== ctx.stdout;
  return {
    can: canAsk(ctx, out),
    choose: (message, choices) =>
      lines ? chooseLine(ctx, out, message, choices) : choose(ctx, message, choices),
    yesNo: (message, options) => askYesNo(ctx, out, message, options),
  };
}
