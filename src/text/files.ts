import { type LineProblem, MAX_RECORD_SECONDS, type RecordFault } from "../history/record-check.js";
import { localized } from "./locale.js";

/**
 * The words for files: knot's history files that cannot be read or moved, the file a person
 * imports, the events log a session writes, and how far back --since reaches. Paths, counts
 * and what the system said come in as data.
 */
/** What is wrong with a field of a history record, by the code recordProblem gives. */
const RECORD_FAULTS: Record<RecordFault, string> = {
  stepName: "not a step name",
  kind: "not a kind of step",
  side: "not left or right",
  area: "not a body area",
  seconds: `not whole seconds from 0 to ${MAX_RECORD_SECONDS}`,
  outcome: "not a step's outcome",
  time: "not a real time",
  version: "not a version knot knows",
  id: "not an id",
  routine: "not a routine id",
  routineName: "not a routine name",
  category: "not a category",
  areas: "not a list of body areas",
  sides: "not a list of sides",
  ended: "not a way a session ends",
  ratings: "not ratings from 0 to 10",
  steps: "not a list of steps",
  stepNumber: "not a step number",
};

export const filesText = localized({
  // the history's own files
  historyUnreadable: (folder: boolean, path: string, why: string) =>
    `Could not read the history ${folder ? "folder" : "file"} ${path}: ${why}.`,
  historyNotRegular: (path: string) => `The history file ${path} is not a regular file.`,
  historyRegularHint:
    "knot keeps its history in regular files; move this one aside to start a new one.",
  historyMoved: (dir: string, old: string) =>
    `Your history now lives in one file per month in ${dir}; the old file is kept as ${old}.`,
  couldNot: (what: string, why: string) => `Could not ${what}: ${why}.`,
  tidyUp: "tidy up after a knot that stopped",
  recover: "recover an unfinished session",
  historyBusyWith: (pid: number, what: string, since: string) =>
    `knot (process ${pid}) has been ${what} since ${since}`,
  historyBusyWriting: "knot is writing it",
  historyBusy: (who: string) => `The history is busy: another ${who}.`,
  historyBusyHint: (path: string) =>
    `Nothing was changed. Try again when it has finished; if no other knot runs, remove ${path}.`,
  lockFailed: (path: string, why: string) => `Could not lock the history (${path}): ${why}.`,
  lockFailedHint:
    "Nothing was changed. Check that the folder exists, that you may write to it, and that the disk has room.",
  lockLost: (path: string) =>
    `knot lost its lock on the history (${path}): another knot took it over.`,
  lockLostHint:
    "knot stopped writing at once; what it wrote before is kept, and running the same command again finishes it.",
  clearFailed: (dir: string, why: string) => `Could not clear the history in ${dir}: ${why}.`,
  clearFailedHint:
    "Nothing was changed: the history is as it was. Check that you may write to the folder.",
  moveFailed: (legacy: string, why: string) =>
    `Could not move the history in ${legacy} into monthly files: ${why}.`,
  moveFailedHint:
    "The file is unchanged. Free some space or fix the folder's permissions, then run knot again.",
  // where knot keeps its files
  homeRelative: (home: string) => `HOME is a relative path (${home})`,
  homeEmpty: "HOME is empty",
  noHome: (what: string) => `${what}, so knot cannot tell where to keep your settings and history.`,
  noHomeHintUnix:
    "Set HOME to your home folder (export HOME=/home/you), or set XDG_CONFIG_HOME and XDG_DATA_HOME to absolute paths.",
  noHomeHint: "Set HOME to your home folder, such as export HOME=/Users/you.",
  /** Damaged lines of the history, skipped: in which files, at which lines. */
  damagedIn: (file: string, lines: readonly number[]) =>
    `${file} (line ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", ..." : ""})`,
  moreFiles: (count: number) => ` and ${count} more files`,
  damaged: (count: number, where: string) =>
    `${count === 1 ? "A damaged line" : `${count} damaged lines`} in ${where} ${count === 1 ? "was" : "were"} skipped; everything else was read.`,
  // knot history --import
  importUnreadable: (path: string, added: number, why: string) =>
    `Could not read ${path}${added > 0 ? ` (${added} added before it stopped)` : ""}: ${why}.`,
  importHint: "--import reads a file written by knot history --export.",
  importNeedsFile: "--import needs a file: knot history --import FILE",
  oneFormat: "Choose one of --json, --csv and --export.",
  // knot history --clear
  clearAsk: (folder: string) => `Clear your history? (${folder} is kept as a backup)`,
  clearNoTerminal: "knot asks before clearing the history, and there is no terminal to ask in.",
  clearNoTerminalHint: "Add --yes to clear it without asking (a backup is kept).",
  nothingCleared: "Nothing cleared.",
  cleared: (backup: string) => `History cleared. The old one is kept as ${backup}`,
  nothingToClear: "There was no history to clear.",
  safetyKept:
    "The safety limits of the last 24 hours (cold, heat, massage minutes, routines stopped for pain) and any advice to see a doctor stay in force.",
  /** Why a line of the history or of an import is damaged (see LineProblem). */
  lineProblem: (p: LineProblem): string => {
    if (p.code === "tooLong") return `a line of over ${p.bytes / (1024 * 1024)} MiB`;
    if (p.code === "notJson") return "not valid JSON (cut short?)";
    if (p.code === "notRecord") return "not a session record";
    if (p.code === "notStep") return `step ${p.step} is not a step`;
    const field = p.step === undefined ? p.field : `step ${p.step}'s ${p.field}`;
    return `${field} is ${RECORD_FAULTS[p.fault]} (${p.value ?? "missing"})`;
  },
  importNoRecords: (path: string, line: number, reason: string) =>
    `${path} holds no session records (line ${line}: ${reason}).`,
  imported: (path: string, added: number, skipped: number) =>
    `Imported ${path}: ${added} session${added === 1 ? "" : "s"} added, ${skipped} already in your history.`,
  importLeftOut: (count: number, lines: readonly number[], reason: string) =>
    `${count} line${count === 1 ? " was" : "s were"} not a session record and ${count === 1 ? "was" : "were"} left out (line ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", ..." : ""}: ${reason}).`,
  importKept: (added: number) =>
    added > 0
      ? `${added} session${added === 1 ? " was" : "s were"} added before it stopped and ${added === 1 ? "is" : "are"} kept`
      : "nothing was added",
  importLockLost: (message: string, kept: string) =>
    `${message} ${kept.charAt(0).toUpperCase()}${kept.slice(1)}.`,
  importCouldNotAdd: (file: string, why: string, kept: string) =>
    `Could not add the sessions to ${file}: ${why}. The last write was taken back whole; ${kept}.`,
  importCouldNotAddHint:
    "Free some space or fix the folder's permissions, then import the same file again: sessions already added are skipped.",
  // knot history --since
  sinceNothing: (text: string) => `--since ${text} covers no time at all.`,
  sinceNothingHint: "Try 1d for the last day, or a date such as 2026-11-01.",
  sinceBad: (text: string) =>
    `--since takes a time back, such as 7d, 2w or 12h, or a date such as 2026-11-01, not ${text}.`,
  // --events
  eventsNeedFile: '--events needs a file to write to, or "-" for standard output.',
  eventsCannot: (target: string, why: string) => `Cannot write events to ${target}: ${why}.`,
  eventsHint: "Give a file in a folder that exists and that you can write to, or - for stdout.",
  eventsFailed: (target: string, why: string) => `Could not write events to ${target}: ${why}.`,
});
