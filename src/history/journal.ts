import type { Context } from "../context.js";
import { describeFsError } from "../files.js";
import { filesText } from "../text/files.js";
import { addDays } from "./analysis.js";
import { recoverCheckpoints, removeCheckpoint, writeCheckpoint } from "./checkpoint.js";
import { HistoryStore, type StoreOptions } from "./months.js";
import type { RecordSummary, SessionRecord } from "./record-types.js";
import { tidyLeftovers } from "./tidy.js";

/** The history as a session sees it: the recent past, and where this session is written. */
export interface Journal {
  store: HistoryStore;
  /** The sessions since `from` (see openJournal), oldest first (with `whole`: those it takes). */
  records: SessionRecord[];
  /** Summaries (no steps) of the sessions since `summariesFrom`, oldest first. */
  recent: RecordSummary[];
  /** Saves the record of a session that ended; false (with a warning) if it could not. */
  append(record: SessionRecord): boolean;
  checkpoint(record: SessionRecord): void;
  /** After a session is saved: its checkpoint goes, and the streak cache is checked. */
  done(id: string): void;
}

const trying =
  (warn: (message: string) => void) =>
  (what: string, action: () => void): boolean => {
    try {
      action();
      return true;
    } catch (error) {
      warn(filesText.couldNot(what, describeFsError(error)));
      return false;
    }
  };

/**
 * The history store, ready to read: a single-file history moved into months (saying so once),
 * sessions whose knot died recovered.
 */
export function openStore(
  ctx: Context,
  warn: (message: string) => void,
  options: Pick<StoreOptions, "indexesLater"> = {},
): HistoryStore {
  const store = new HistoryStore(ctx.paths.data, { ...options, now: ctx.now });
  // what a knot that died while writing left: cleaned, or given back to be recovered
  trying(warn)(filesText.tidyUp, () => tidyLeftovers(ctx.paths.data));
  store.migrate();
  if (store.migratedFrom) {
    warn(filesText.historyMoved(store.dir, store.migratedFrom));
  }
  trying(warn)(filesText.recover, () => recoverCheckpoints(ctx.paths.data, store));
  return store;
}

/**
 * How far back a session reads whole records: the rules that look at steps (the last 24
 * hours' cold, heat and massage, resuming) need every session that may have ended in the last
 * 24 hours, so from the start of yesterday or 24 hours plus the longest routine (3 hours)
 * back, whichever is earlier (a day of 23 hours, at a change of clocks, included). The rules
 * over weeks read summaries (RULES_LOOK_BACK_MS).
 */
export const stepsFrom = (now: number): number =>
  Math.min(addDays(now, -1), now - 27 * 60 * 60 * 1000);

export interface JournalOptions extends Pick<StoreOptions, "indexesLater"> {
  /**
   * Which of the sessions since `from` to read whole (every one without it), asked once the
   * summaries (`recent`) are read: a session's start reads its routine's last session too.
   */
  whole?: (recent: readonly RecordSummary[]) => (s: RecordSummary) => boolean;
}

/**
 * The sessions whose steps the safety rules of the last day count: those that put a pack on
 * or massaged (see putOnBody). A command that needs the records only for the allowance reads
 * no others whole (a day of stretches, or of sessions stopped at their first step, costs
 * nothing to read); their summaries are in `recent`.
 */
export const onBody = (s: RecordSummary): boolean => s.onBody !== false;

/**
 * Opens the history: a single-file history is moved into months, sessions whose knot died are
 * recovered, the records since `from` are read (every one without it, or those `whole` takes)
 * with the summaries since `summariesFrom` (none without it), damaged lines are
 * reported once, and writing problems never end a session (they are reported instead).
 */
export function openJournal(
  ctx: Context,
  warn: (message: string) => void,
  from?: number,
  summariesFrom?: number,
  /**
   * indexesLater, for a session's start: the month indexes brought up to date while reading
   * are written once its first step has begun (see checkpoint), not before it.
   */
  options: JournalOptions = {},
): Journal {
  const dataDir = ctx.paths.data;
  const safely = trying(warn);
  const store = openStore(ctx, warn, { indexesLater: options.indexesLater });
  const recent = summariesFrom === undefined ? [] : store.summariesSince(summariesFrom);
  const records = store.read(from, options.whole?.(recent));
  const damaged = store.warning();
  if (damaged) warn(damaged);
  let checkpointFailed = false;
  return {
    store,
    records,
    recent,
    append: (record) => safely(`save this session to ${store.dir}`, () => store.append(record)),
    checkpoint: (record) => {
      // One warning is enough: the session goes on, and its record is still written at the end.
      if (checkpointFailed) return;
      checkpointFailed = !safely("keep track of this session as it runs", () =>
        writeCheckpoint(dataDir, record),
      );
      // the step is shown in this same turn of the event loop; the indexes go after it
      if (options.indexesLater) setImmediate(() => store.saveIndexes());
    },
    done: (id) => {
      safely("tidy up after this session", () => removeCheckpoint(dataDir, id));
      // the session is saved and its checkpoint gone: the streak cache is checked now, where
      // no one waits on it (see src/history/streak-file.ts)
      try {
        store.recheckStreak();
      } catch {
        // the cache only saves time: nothing about it may fail a session
      }
    },
  };
}
