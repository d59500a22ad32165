import { localized } from "./locale.js";

/** The words of knot's one error printer (src/report-error.ts). */
export const errorText = localized({
  prefix: "knot:",
  outputFailed: (why: string) => `could not write the output: ${why}.`,
  outputIncomplete:
    "What was written before is incomplete; nothing in knot's own files was changed.",
  /** The verb for what knot could not do to a file, by the system call that failed. */
  verbs: { mkdir: "create", scandir: "list", rename: "replace", use: "use" } as Record<
    string,
    string
  >,
  couldNot: (verb: string, where: string, why: string) => `could not ${verb}${where}: ${why}.`,
  checkFolder: "Check the folder exists, that you may write to it, and that the disk has room.",
  wentWrong: "knot: something went wrong:",
  seeDetails: "Set KNOT_DEBUG=1 to see the details, and please report it.",
});
