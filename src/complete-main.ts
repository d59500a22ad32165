import { dynamicCandidates } from "./complete.js";
import { knotPaths } from "./paths.js";

/**
 * `knot __complete <source> [key]`, as the completion scripts run it. bin/knot.js loads this
 * alone (dist/complete.cjs, CommonJS: it starts faster than an ES module) and says where the
 * built-in routines are.
 */
export function answerCompletion(args: string[], builtInDir: string): void {
  const [source = "", key] = args;
  const found = dynamicCandidates(source, key, builtInDir, () => knotPaths(process.env).config);
  if (found.length > 0) process.stdout.write(`${found.join("\n")}\n`);
}
