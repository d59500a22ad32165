import { writeSync } from "node:fs";
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
  if (found.length > 0) writeOut(`${found.join("\n")}\n`);
}

/**
 * Written straight to the descriptor: process.stdout would load Node's stream modules, most of
 * what a TAB costs beyond Node's start. A descriptor that cannot take it all at once (set
 * non-blocking) gets the rest through the stream; a shell that stopped reading gets nothing.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EAGAIN")
      process.stdout.write(bytes.subarray(done));
  }
}
