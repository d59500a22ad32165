import type { Context } from "../context.js";
import { describeFsError } from "../files.js";
import { recoverCheckpoints, removeCheckpoint, writeCheckpoint } from "./checkpoint.js";
import type { SessionRecord } from "./record.js";
import { appendRecord, damagedWarning, historyFile, readHistory } from "./store.js";

/** The history as a session sees it: what came before, and where this one is written. */
export interface Journal {
  file: string;
  records: SessionRecord[];
  /** Saves the record of a session that ended; false (with a warning) if it could not. */
  append(record: SessionRecord): boolean;
  checkpoint(record: SessionRecord): void;
  done(id: string): void;
}

/**
 * Opens the history: sessions whose knot died are recovered first, damaged lines are reported
 * once, and writing problems never end a session (they are reported instead).
 */
export function openJournal(ctx: Context, warn: (message: string) => void): Journal {
  const dataDir = ctx.paths.data;
  const file = historyFile(dataDir);
  const safely = (what: string, action: () => void): boolean => {
    try {
      action();
      return true;
    } catch (error) {
      warn(`Could not ${what}: ${describeFsError(error)}.`);
      return false;
    }
  };
  safely("recover an unfinished session", () => recoverCheckpoints(dataDir, file));
  const history = readHistory(file);
  const damaged = damagedWarning(file, history);
  if (damaged) warn(damaged);
  let checkpointFailed = false;
  return {
    file,
    records: history.records,
    append: (record) => safely(`save this session to ${file}`, () => appendRecord(file, record)),
    checkpoint: (record) => {
      // One warning is enough: the session goes on, and its record is still written at the end.
      if (checkpointFailed) return;
      checkpointFailed = !safely("keep track of this session as it runs", () =>
        writeCheckpoint(dataDir, record),
      );
    },
    done: (id) => {
      safely("tidy up after this session", () => removeCheckpoint(dataDir, id));
    },
  };
}
