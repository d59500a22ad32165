import { localized } from "./locale.js";

/** The words every help page shares: commander's headings, examples and exit codes. */
export const cliText = localized({
  /** Commander's headings, by the English it gives them in. */
  titles: {
    "Usage:": "Usage:",
    "Arguments:": "Arguments:",
    "Options:": "Options:",
    "Global Options:": "Global Options:",
    "Commands:": "Commands:",
  } as Record<string, string>,
  examples: (lines: readonly string[]) =>
    `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`,
  exitCodes: (codes: string) => `\nExit codes: ${codes}.\n`,
  exits: {
    common: "0 done, 1 a file knot needs could not be read or written, 2 bad input",
    session:
      "0 finished, 1 not saved, 2 bad input or no terminal to ask in, 3 ended early or stopped by a safety check, 129 hangup or closed terminal, 130 Ctrl-C, 141 closed pipe, 143 SIGTERM",
  },
});
