import { closeSync, openSync, writeSync } from "node:fs";
import type { TimelineEntry } from "../routine/timeline.js";
import type { SessionEvent } from "./engine.js";

/** One JSON object per event, its type in `event`: the `--events` format. */
export function eventRecord(
  e: SessionEvent,
  timeline: readonly TimelineEntry[],
  routine: { id: string; name: string },
): Record<string, unknown> {
  const step = timeline[e.index];
  const { type, at, index, count, ...rest } = e;
  return {
    event: type,
    at: new Date(at).toISOString(),
    index,
    count,
    name: step?.name ?? null,
    kind: step?.kind ?? null,
    seconds: step?.seconds ?? null,
    ...(step?.side ? { side: step.side } : {}),
    ...(type === "session-start" || type === "session-end" ? { routine: routine.id } : {}),
    ...rest,
  };
}

/**
 * Writes event lines to a file (appending) or to stdout. Each line is written at once with a
 * synchronous write, so a reader following along sees it immediately and an exit loses none.
 */
export function openEventLog(target: string, stdout: { write(text: string): unknown }) {
  if (target === "-") {
    return {
      write: (record: object) => stdout.write(`${JSON.stringify(record)}\n`),
      close: () => {},
    };
  }
  const fd = openSync(target, "a");
  return {
    write: (record: object) => {
      writeSync(fd, `${JSON.stringify(record)}\n`);
    },
    close: () => closeSync(fd),
  };
}
