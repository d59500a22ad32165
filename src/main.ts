import type { Context } from "./context.js";
import { hotActions, parseFast, readOptionTable } from "./fast-path.js";
import { startKnot } from "./knot-process.js";
import { reportError } from "./report-error.js";

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

startKnot(runArgv);
