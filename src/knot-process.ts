import { fstatSync } from "node:fs";
import type { ChalkInstance } from "chalk";
import { type Context, createContext, type OutputStream } from "./context.js";
import { type DirectStdout, directStdout, isDevNull } from "./direct-stdout.js";
import { EmptyInput } from "./empty-input.js";
import { exitCodeAfter, exitNow, installSignalExits, LOSS_EXIT, lossOf, output } from "./output.js";
import { reportError } from "./report-error.js";
import { loadChalk, wantsColor } from "./ui/style.js";

/** Runs a command line's words; resolves to the exit code. */
export type Runner = (argv: string[], ctx: Context) => Promise<number>;

/**
 * Starts knot as a process: the handlers every start needs, then `run` with the command line's
 * words. Shared by the whole program (src/main.ts) and the small entries the build makes for
 * the commands typed most often (see scripts/build.mjs), so both end, report and colour alike.
 * `chalk` loads the colours; without it, chalk itself is loaded when a stream is coloured.
 */
export function startKnot(
  run: Runner,
  chalk: (color: boolean) => Promise<ChalkInstance | undefined> = loadChalk,
  /** "direct" for the hot commands' own entries (src/fast-path.ts): see directStdout. */
  stdoutKind: "stream" | "direct" = "stream",
): void {
  // A closed pipe (`knot list | head`) or a closed terminal window is a normal way for a reader
  // to stop listening. A running session hears of it and records itself; otherwise knot ends.
  // Libraries fail the same way in their own code (a prompt's raw mode on a hung-up terminal),
  // so an uncaught loss is handled here too.
  let ctx: Context | undefined;
  // A signal ends knot with its own exit code in every phase, never by Node's default.
  installSignalExits();
  const onLoss = (error: NodeJS.ErrnoException): boolean => {
    const loss = lossOf(error);
    if (!loss) return false;
    output.report(loss);
    if (output.listenerCount("lost") === 0) {
      exitNow(loss === "pipe" ? Number(process.exitCode ?? 0) : LOSS_EXIT.terminal);
    }
    return true;
  };
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (!onLoss(error)) throw error;
  };
  // Node makes process.stdout, stdin and stderr on first use (for a file or /dev/null, their
  // file streams load with them; for a pipe, the network's streams: milliseconds most commands
  // never need): each hears of a loss from then.
  const made = new Set<string>();
  for (const name of ["stdout", "stdin", "stderr"] as const) {
    const maker = Object.getOwnPropertyDescriptor(process, name);
    if (!maker?.get || !maker.configurable) {
      process[name].on("error", onStreamError);
      made.add(name);
      continue;
    }
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: maker.enumerable,
      get() {
        const stream =
          name === "stdin" && stdinIsDevNull()
            ? (new EmptyInput() as unknown as NodeJS.ReadStream)
            : (maker.get?.call(process) as NodeJS.ReadStream | NodeJS.WriteStream);
        Object.defineProperty(process, name, {
          configurable: true,
          enumerable: maker.enumerable,
          value: stream,
        });
        stream.on("error", onStreamError);
        made.add(name);
        return stream;
      },
    });
  }
  process.on("uncaughtException", (error: NodeJS.ErrnoException) => {
    if (onLoss(error)) return;
    exitNow(reportError(error, ctx ?? createContext()));
  });

  // No top-level await: the build turns this into CommonJS (see scripts/build.mjs).
  const main = async (): Promise<void> => {
    const argv = process.argv.slice(2);
    const colorFlag = argv.includes("--no-color") ? false : undefined;
    const stdout: DirectStdout =
      stdoutKind === "direct"
        ? directStdout(
            onLoss,
            () => made.has("stdout"),
            (error) => {
              const code = reportError(error, ctx ?? createContext());
              if (!process.exitCode) process.exitCode = code;
            },
          )
        : process.stdout;
    // what waits for standard output goes first, so the two keep their order in one log
    const stderr = stderrOnFirstWrite(() => stdout.flush?.());
    const anyColor = [stdout, stderr].some((s) => wantsColor(s, process.env, colorFlag));
    ctx = createContext({ color: colorFlag, chalk: await chalk(anyColor), stdout, stderr });
    process.exitCode = exitCodeAfter(await run(argv, ctx));
    // Leaving a terminal that hung up: Node's own restoring of it on exit would fail.
    if (output.terminalGone) exitNow(process.exitCode);
  };
  main().catch((error: NodeJS.ErrnoException) => {
    if (!onLoss(error)) exitNow(reportError(error, ctx ?? createContext()));
  });
}

/**
 * Whether standard input is /dev/null (`knot start < /dev/null`, a service, cron): Node reads
 * it as a file, through its pool of threads, started for it, to find at once that it is empty.
 */
function stdinIsDevNull(): boolean {
  if (process.platform === "win32") return false;
  try {
    const stdin = fstatSync(0);
    return isDevNull(stdin);
  } catch {
    return false;
  }
}

/**
 * Standard error as a command sees it, made into a stream only when something is written to it
 * (most commands write nothing there). Whether it is a terminal is told without making it: a
 * terminal is a character device other than /dev/null, so anything else is not one.
 */
function stderrOnFirstWrite(before: () => void): OutputStream {
  let terminal: boolean | undefined;
  const isTTY = (): boolean => {
    if (terminal === undefined) {
      let device = true;
      try {
        // /dev/null is a character device too (a service's, cron's): no terminal
        const stat = fstatSync(2);
        device = process.platform === "win32" || (stat.isCharacterDevice() && !isDevNull(stat));
      } catch {
        // not known here: Node's own stream says
      }
      terminal = device && Boolean(process.stderr.isTTY);
    }
    return terminal;
  };
  return {
    write: (text: string) => {
      before();
      return process.stderr.write(text);
    },
    get isTTY() {
      return isTTY();
    },
    get columns() {
      return isTTY() ? process.stderr.columns : undefined;
    },
  };
}
