import { type Context, createContext } from "./context.js";
import { hotActions, parseFast, readOptionTable } from "./fast-path.js";
import { exitCodeAfter, exitNow, installSignalExits, LOSS_EXIT, lossOf, output } from "./output.js";
import { reportError } from "./report-error.js";
import { loadChalk, wantsColor } from "./ui/style.js";

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
for (const stream of [process.stdout, process.stderr]) stream.on("error", onStreamError);
// Node makes process.stdin on first use (for a file or /dev/null, its file streams load with
// it, a few milliseconds most commands never need): it hears of a loss from then.
const stdinMaker = Object.getOwnPropertyDescriptor(process, "stdin");
if (stdinMaker?.get && stdinMaker.configurable) {
  Object.defineProperty(process, "stdin", {
    configurable: true,
    enumerable: stdinMaker.enumerable,
    get() {
      const stdin = stdinMaker.get?.call(process) as NodeJS.ReadStream;
      Object.defineProperty(process, "stdin", {
        configurable: true,
        enumerable: stdinMaker.enumerable,
        value: stdin,
      });
      stdin.on("error", onStreamError);
      return stdin;
    },
  });
} else {
  process.stdin.on("error", onStreamError);
}
process.on("uncaughtException", (error: NodeJS.ErrnoException) => {
  if (onLoss(error)) return;
  exitNow(reportError(error, ctx ?? createContext()));
});

// No top-level await: the build turns this file into CommonJS (see scripts/build.mjs).
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const colorFlag = argv.includes("--no-color") ? false : undefined;
  const anyColor = [process.stdout, process.stderr].some((s) =>
    wantsColor(s, process.env, colorFlag),
  );
  ctx = createContext({ color: colorFlag, chalk: await loadChalk(anyColor) });
  process.exitCode = exitCodeAfter(await runArgv(argv, ctx));
  // Leaving a terminal that hung up: Node's own restoring of it on exit would fail.
  if (output.terminalGone) exitNow(process.exitCode);
}
/**
 * The commands typed most often run straight from their words when the fast path is certain
 * of them (src/fast-path.ts); everything else, and anything it is unsure of, goes through the
 * command line (commander), loaded only then.
 */
async function runArgv(argv: string[], context: Context): Promise<number> {
  const table = readOptionTable();
  const call = table && parseFast(argv, table);
  if (!call) return (await import("./cli.js")).run(argv, context);
  try {
    return await hotActions[call.command](call.args, call.options, context);
  } catch (error) {
    return reportError(error, context);
  }
}

main().catch((error: NodeJS.ErrnoException) => {
  if (!onLoss(error)) exitNow(reportError(error, ctx ?? createContext()));
});
