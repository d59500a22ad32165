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
  /**
   * A help page's terms as commander writes them from the command's definition: the usage line
   * (knot list [options]) and the left column of its tables (-n, --name <name>, show <routine>).
   */
  term: (term: string) => term,
  /**
   * What commander adds after an option's or argument's description: the values it takes, its
   * default, a preset, the environment variable that sets it (the values as typed, quoted).
   */
  details: {
    choices: (values: string) => `choices: ${values}`,
    default: (value: string) => `default: ${value}`,
    preset: (value: string) => `preset: ${value}`,
    env: (name: string) => `env: ${name}`,
    /** "the routine it is for (default: "desk-break")"; the details alone when undescribed. */
    described: (description: string, details: readonly string[]) =>
      description === "" ? `(${details.join(", ")})` : `${description} (${details.join(", ")})`,
  },
  /** Commander's own errors (an unknown option, a missing argument), as commander words them. */
  commander: (message: string) => message,
  /** knot completion with a shell it writes no script for. */
  noShell: (shells: string, given: string) => `knot completes for ${shells}, not ${given}.`,
  examples: (lines: readonly string[]) =>
    `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`,
  exitCodes: (codes: string) => `\nExit codes: ${codes}.\n`,
  exits: {
    common: "0 done, 1 a file knot needs could not be read or written, 2 bad input",
    session:
      "0 finished, 1 not saved, 2 bad input or no terminal to ask in, 3 ended early or stopped by a safety check, 129 hangup or closed terminal, 130 Ctrl-C, 141 closed pipe, 143 SIGTERM",
  },
});

/** knot's own help page: what knot is, its options, examples and the care it takes. */
export const programText = localized({
  description: "A routine coach for easing muscle knots in your back.",
  version: "print knot's version",
  help: "show help",
  noColor: "never colour the output (NO_COLOR=1 does the same)",
  afterError: "(knot --help lists the commands and options)",
  examples: [
    "knot start stretch",
    "knot cycle cold-10/off-15",
    "knot list",
    "knot show stretch",
    "knot validate ./my-routine.json",
    "knot config set leadIn 10",
  ],
  care: (call: string) => `knot guides; it does not diagnose. Stop if anything hurts.
Emergency: ${call}, for numbness, tingling or
weakness in both legs, numbness around the genitals or buttocks, trouble peeing or loss of
bladder or bowel control, chest pain, or pain after a serious accident.
See a doctor soon for pain that keeps getting worse or is worse at night, fever, or a knot
that has not released after a few weeks. knot safety lists every sign.`,
});
