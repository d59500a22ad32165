import type { HistoryLock } from "./lock.js";
import type { SessionRecord } from "./record-types.js";
import { appendLines, monthOf } from "./store.js";

/** An import in progress (see HistoryStore.merger). */
export interface Merger {
  add(record: SessionRecord): void;
  /** Writes what is gathered and lets go of the history's lock (call it in every case). */
  finish(): void;
  /** Sessions written (or about to be), and those skipped as already kept. */
  added: number;
  skipped: number;
  /** Set when writing failed: the file and the error (nothing more is written). */
  writeFailed?: { file: string; error: unknown };
}

/** What an import needs of the history (see HistoryStore.merger). */
export interface MergeTarget {
  /** Takes the history's lock for a whole-history change. */
  lock(what: string): HistoryLock;
  /** A month's file is about to change: what is known of it (its index, the months) goes. */
  changing(month: string): void;
  /** A month's file was written to (or a write to it was taken back). */
  changed(month: string): void;
  fileOf(month: string): string;
  readMonth(month: string): SessionRecord[];
}

/**
 * Adds records from elsewhere (an export from another computer, a backup), one at a time,
 * skipping those already kept (by id) and repeated ones. Lines are gathered per month and
 * written in large appends; `finish` writes the rest. The history's lock is held from the
 * first id read to the last line written (finish releases it, also after a failure), so two
 * imports at once add each session once.
 */
export function startMerger(store: MergeTarget): Merger {
  const lock = store.lock("importing sessions");
  const known = new Map<string, Set<string>>();
  const pending = new Map<string, string[]>();
  // A failed write is taken back whole (see appendLines): its lines, and those not yet
  // written, are not counted as added.
  const write = (month: string) => {
    try {
      lock.check();
      store.changing(month);
      try {
        appendLines(store.fileOf(month), pending.get(month) ?? []);
      } finally {
        store.changed(month);
      }
      pending.delete(month);
    } catch (error) {
      for (const lines of pending.values()) merge.added -= lines.length;
      pending.clear();
      merge.writeFailed = { file: store.fileOf(month), error };
      throw error;
    }
  };
  const merge: Merger = {
    added: 0,
    skipped: 0,
    add: (record: SessionRecord) => {
      const month = monthOf(record.startedAt);
      let ids = known.get(month);
      if (!ids) {
        ids = new Set(store.readMonth(month).map((r) => r.id));
        known.set(month, ids);
      }
      if (ids.has(record.id)) {
        merge.skipped++;
        return;
      }
      ids.add(record.id);
      const lines = pending.get(month) ?? [];
      lines.push(JSON.stringify(record));
      pending.set(month, lines);
      merge.added++;
      if (lines.length >= 2000) write(month);
    },
    finish: () => {
      try {
        if (!merge.writeFailed) for (const month of [...pending.keys()]) write(month);
      } finally {
        pending.clear();
        lock.release();
      }
    },
  };
  return merge;
}
