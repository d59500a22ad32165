import { localized } from "./locale.js";

/** The words knot report says around the report (the report's own words are in report-html). */
export const reportText = localized({
  outNeedsName: "--out needs a file name, or - for standard output.",
  outNeedsNameHint: "knot report --out knot-report.html",
  notWritten: (file: string, why: string) => `The report could not be written to ${file}: ${why}.`,
  asJson: "the report's data as JSON",
  html: (weeks: number, sessions: number) =>
    `${weeks} weeks, ${sessions} sessions. Open it in a browser, or print it (at most two A4 pages)`,
  wrote: (file: string, what: string) => `Wrote ${file}: ${what}.`,
  folder: (file: string) => `${file} is a folder: --out takes a file name.`,
  folderHint: (file: string) => `knot report --out ${file}`,
  notAFile: (file: string) =>
    `${file} is not a file, a pipe or a terminal: knot does not write the report there.`,
});
