import { closeSync, writeSync } from "node:fs";
import { KnotError } from "../errors.js";
import { describeFsError, openForAppend } from "../files.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { filesText } from "../text/files.js";
import { safeJson } from "../ui/safe.js";
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
 * A target that cannot be opened is refused before the session starts; one that stops taking
 * lines (a full disk) is dropped with one `failed` note, and the session goes on.
 */
export function openEventLog(target: string, stdout: { write(text: string): unknown }) {
  if (target === "") {
    throw new KnotError(filesText.eventsNeedFile);
  }
  if (target === "-") {
    return {
      write: (record: object) => stdout.write(`${safeJson(record)}\n`),
      close: () => {},
      failed: undefined as string | undefined,
    };
  }
  let fd: number;
  try {
    fd = openForAppend(target);
  } catch (error) {
    throw new KnotError(filesText.eventsCannot(target, describeFsError(error)), {
      hint: filesText.eventsHint,
    });
  }
  const log = {
    failed: undefined as string | undefined,
    write: (record: object) => {
      if (log.failed) return;
      try {
        writeSync(fd, `${safeJson(record)}\n`);
      } catch (error) {
        log.failed = filesText.eventsFailed(target, describeFsError(error));
      }
    },
    close: () => closeSync(fd),
  };
  return log;
}
