import { closeSync, constants, fstatSync, openSync, readSync, rmSync } from "node:fs";
import { join } from "node:path";
import { finishMove } from "../config/move.js";
import type { Settings } from "../config/settings.js";
import { describeFsError, fileError } from "../files.js";
import { appendLines } from "../history/store.js";
import { safetyText } from "../text/safety.js";
import { settingsText } from "../text/settings.js";
import { eventLine, parseEventLine, type ScreeningEvent, settingsAnswers } from "./screening.js";
import { answersFile } from "./screening-answers.js";

/**
 * The screening record: every answer to the safety lists, override and reset, one JSON line
 * each, dated, in knot's data folder (kept for a later report; `knot safety --json` shows the
 * recent ones). Appended only, with the history's guarantee that a line lands whole.
 */
export const screeningFile = (dataDir: string) => join(dataDir, "screening.jsonl");

/**
 * Only the end of the file is read: answers older than the last 30 days decide nothing, and
 * this holds years of sessions' answers (a line is about 100 bytes).
 */
const TAIL_BYTES = 512 * 1024;

/** The records in the file, oldest first; none when it does not exist yet. */
export function readScreeningFile(dataDir: string): ScreeningEvent[] {
  const file = screeningFile(dataDir);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw fileError(file, "ENOTREG", "is not a regular file");
    const from = Math.max(0, stat.size - TAIL_BYTES);
    const buffer = Buffer.alloc(stat.size - from);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, from + read);
      if (n === 0) break;
      read += n;
    }
    const lines = buffer.toString("utf8", 0, read).split("\n");
    // read from the middle of a line: that part is not a whole record
    if (from > 0) lines.shift();
    return lines.flatMap((line) => parseEventLine(line) ?? []).sort((a, b) => a.at - b.at);
  } finally {
    closeSync(fd);
  }
}

/** Appends records to the file, in one write. */
export function appendScreening(dataDir: string, events: readonly ScreeningEvent[]): void {
  appendLines(screeningFile(dataDir), events.map(eventLine));
}

/**
 * Every answer knot knows of, oldest first: those an earlier knot kept (screening.json), then
 * the record. Answers that cannot be read are reported and count as none, so knot asks.
 */
export function readAnswers(
  dataDir: string,
  settings: Settings,
  warn: (message: string) => void,
): ScreeningEvent[] {
  let recorded: ScreeningEvent[] = [];
  try {
    recorded = readScreeningFile(dataDir);
  } catch (error) {
    warn(safetyText.answersUnreadable(screeningFile(dataDir), describeFsError(error)));
  }
  let kept: ScreeningEvent[] = [];
  try {
    kept = settingsAnswers(settings);
  } catch (error) {
    warn(settingsText.keptAnswersUnreadable((error as Error).message));
  }
  return [...kept, ...recorded].sort((a, b) => a.at - b.at);
}

/**
 * Forgets the answers an earlier knot kept (screening.json, once moved there from the
 * settings file). A reset recorded after them outweighs any a failed move left behind.
 */
export function forgetKeptAnswers(configDir: string): void {
  try {
    finishMove(configDir);
  } catch {
    // still in the settings file: the reset in the record comes after them
  }
  try {
    rmSync(answersFile(configDir), { force: true });
  } catch {
    // a folder knot may not change: the reset in the record comes after them too
  }
}
