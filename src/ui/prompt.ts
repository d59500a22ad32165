import { createInterface } from "node:readline";
import { WriteStream } from "node:tty";
import type { Context, OutputStream } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { exitNow, output, proseWriter } from "../output.js";
import { SIGNAL_EXIT } from "../signals.js";
import { promptText as words } from "../text/prompt.js";
import { canAskOn } from "./can-ask.js";
import { askLine, type LineQuestion } from "./line-prompt.js";
import { TERM } from "./term.js";
import { wrap } from "./text.js";

/**
 * Every question knot asks goes through here: --yes answers only "start now?", no terminal
 * means no question (the caller says what happens then), Ctrl-C at a prompt leaves cleanly,
 * and a signal in the middle of a question gives the terminal back before knot exits.
 */
export const canAsk = (ctx: Context, out: OutputStream = ctx.stdout): boolean =>
  canAskOn(ctx.stdin, out);

const streams = (ctx: Context) => ({
  input: ctx.stdin,
  output: ctx.stdout as NodeJS.WritableStream,
});

/**
 * Runs a question with the terminal guarded: a signal while it waits (kill, a closed window)
 * turns raw mode off and shows the cursor again, then ends with the signal's exit code.
 */
async function guarded<T>(ctx: Context, question: () => Promise<T>): Promise<T> {
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = () => {
      if (signal === "SIGHUP") output.terminalGone = true;
      if (!output.terminalGone) {
        try {
          if (ctx.stdin.isTTY) ctx.stdin.setRawMode?.(false);
          ctx.stdout.write(`${TERM.cursorShow}\n`);
        } catch {
          // the terminal may be gone; there is nothing left to restore
        }
      }
      exitNow(SIGNAL_EXIT[signal]);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // Ctrl-Z at a prompt suspends knot. On fg, Node's readline pauses the input and leaves it
  // paused, so with nothing else to wait for knot would simply end: input is resumed here.
  // Should the prompt library still give up its question, that is not the person cancelling:
  // the same question is asked again.
  let continuedAt = Number.NEGATIVE_INFINITY;
  const onContinue = () => {
    continuedAt = Date.now();
    setImmediate(() => ctx.stdin.resume());
  };
  process.on("SIGCONT", onContinue);
  try {
    for (;;) {
      try {
        return await question();
      } catch (error) {
        const name = (error as Error)?.name;
        if (name !== "ExitPromptError" && name !== "AbortPromptError") throw error;
        if (Date.now() - continuedAt < 2000) continue;
        // Esc leaves a question as Ctrl-C does, but it is no signal: it ends as "not started"
        if (escaped(error)) throw new EscapePressed();
        throw new KnotError(words.cancelled, { exitCode: ExitCode.sigint });
      }
    }
  } finally {
    process.removeListener("SIGCONT", onContinue);
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  }
}

/**
 * A question laid out for the terminal: wrapped at word boundaries to the terminal's width, at
 * most 80 columns (`indent`: columns the prompt puts before it), never cut mid-word by the
 * terminal's own wrapping.
 */
export function questionText(message: string, out: OutputStream, indent = 0): string {
  const width = Math.min(out.columns || 80, 80) - indent;
  return wrap(message, width).join("\n");
}

/**
 * Esc at a question: it leaves as Ctrl-C does, without the signal's exit code. A command with
 * somewhere to go back to (a menu before the question), or something to say first, catches it.
 */
export class EscapePressed extends KnotError {
  constructor() {
    super(words.cancelled, { exitCode: ExitCode.ok });
    this.name = "EscapePressed";
  }
}

export const isEscape = (error: unknown): error is EscapePressed => error instanceof EscapePressed;

const escaped = (error: unknown): boolean =>
  (error as Error)?.message === "escape" ||
  ((error as { cause?: unknown })?.cause as Error | undefined)?.message === "escape";

/**
 * Esc at a question: the prompt library ignores it, so an abort is sent when the terminal
 * reports the key (readline names it "escape", once it is sure no sequence follows).
 */
function escapeAborts(ctx: Context): { signal: AbortSignal; off: () => void } {
  const controller = new AbortController();
  const onKey = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === "escape") controller.abort(new Error("escape"));
  };
  ctx.stdin.on("keypress", onKey);
  return { signal: controller.signal, off: () => ctx.stdin.removeListener("keypress", onKey) };
}

/** Runs one library prompt with Esc as a way out (see escapeAborts). */
async function withEscape<T>(
  ctx: Context,
  ask: (context: ReturnType<typeof streams> & { signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const onEscape = escapeAborts(ctx);
  try {
    return await ask({ ...streams(ctx), signal: onEscape.signal });
  } catch (error) {
    if (onEscape.signal.aborted)
      throw Object.assign(new Error("escape"), { name: "AbortPromptError" });
    throw error;
  } finally {
    onEscape.off();
  }
}

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

/** Bold and dim as the prompt library paints them, coloured when it colours the rest. */
const libraryColors = WriteStream.prototype.hasColors?.() ?? false;
const paint = (open: number) => (text: string) =>
  libraryColors ? `\u001b[${open}m${text}\u001b[22m` : text;
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
        const raw = Boolean(stdin.isTTY && stdin.setRawMode);
        const done = () => {
          stdin.removeListener("data", onData);
          stdin.removeListener("end", onEnd);
          if (raw) stdin.setRawMode?.(false);
          stdin.pause();
        };
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
          if (raw) stdin.setRawMode?.(false);
          out.write("\n");
          process.once("SIGCONT", () => {
            if (raw) stdin.setRawMode?.(true);
            out.write(question);
          });
          process.kill(process.pid, "SIGTSTP");
        };
        const onEnd = () => leave("ExitPromptError", "input closed");
        // raw before the question shows: a key pressed at once is never echoed by the terminal
        if (raw) stdin.setRawMode?.(true);
        out.write(question);
        stdin.on("data", onData);
        stdin.on("end", onEnd);
        stdin.resume();
      }),
  );
  out.write(`${answer ? words.answered.yes : words.answered.no}\n`);
  return answer;
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
