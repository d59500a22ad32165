import type { ChalkInstance } from "chalk";
import { proseWriter } from "./output.js";
import { type KnotPaths, knotPaths } from "./paths.js";
import { errorText } from "./text/errors.js";
import { safeText } from "./ui/safe.js";
import { createStyle, type Style, wantsColor } from "./ui/style.js";

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What a command may touch of the outside world, handed in so tests can replace all of it. */
export interface Context {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  paths: KnotPaths;
  cwd: string;
  now: () => number;
  style: Style;
  /** Whether stdout is coloured (for libraries that colour on their own, such as ora). */
  stdoutColor: boolean;
  /** Styles for stderr, which may be a terminal when stdout is not. */
  errStyle: Style;
}

/**
 * `chalk`: a loaded chalk instance when any stream may be coloured (see `loadChalk`);
 * `color: false` turns colour off whatever the streams are (--no-color).
 */
export function createContext(
  overrides: Partial<Omit<Context, "style" | "errStyle" | "stdoutColor">> & {
    color?: boolean;
    chalk?: ChalkInstance;
  } = {},
): Context {
  const stdout = overrides.stdout ?? process.stdout;
  const stderr = overrides.stderr ?? process.stderr;
  const env = overrides.env ?? process.env;
  let stdin = overrides.stdin;
  const styleFor = (stream: OutputStream) =>
    createStyle(wantsColor(stream, env, overrides.color) ? overrides.chalk : undefined);
  return {
    stdout,
    stderr,
    // made on first use: for a file or /dev/null, Node loads its file streams with it
    get stdin() {
      return stdin ?? process.stdin;
    },
    set stdin(stream) {
      stdin = stream;
    },
    env,
    paths: overrides.paths ?? knotPaths(env),
    cwd: overrides.cwd ?? process.cwd(),
    now: overrides.now ?? Date.now,
    style: styleFor(stdout),
    stdoutColor: Boolean(overrides.chalk) && wantsColor(stdout, env, overrides.color),
    errStyle: styleFor(stderr),
  };
}

export const println = (stream: OutputStream, text = ""): void => {
  stream.write(`${text}\n`);
};

/**
 * Prints "warning: ..." on stderr: for problems knot works around and carries on. Wrapped at
 * word boundaries at a terminal (see proseWriter).
 */
export const warnTo =
  (ctx: Context) =>
  (message: string): void =>
    proseWriter(ctx.stderr, ctx.env)(
      `${errorText.warning} ${safeText(message)}`,
      ctx.errStyle.warn,
    );
