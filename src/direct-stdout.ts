import { fstatSync, statSync, writeSync } from "node:fs";
import type { OutputStream } from "./context.js";

/** Standard output as directStdout gives it: `flush` writes what is waiting at once. */
export type DirectStdout = OutputStream & { flush?: () => void };

/**
 * Standard output for the commands typed most (knot list, show, start, today, stats, history):
 * when it goes to a file, a pipe or /dev/null, each text is written straight to the descriptor
 * (a session's plain lines in a log, a listing through `head`). Node makes
 * process.stdout on first use, and for a file or a pipe that loads its stream modules (about
 * 6 ms of such a start, user+sys); a write here blocks until written, as Node's own stream
 * does for files, and for pipes on Linux. A terminal, or anything else, gets Node's stream.
 * Once something else has made process.stdout (a library writing to it), every later text
 * goes through that stream too, so nothing is written out of order; so does the rest of a
 * text a non-blocking pipe could not take at once. A write that finds the reader gone is
 * handed to `onLoss` as the stream's errors are (true: a loss, after which nothing more is
 * written); any other failure is thrown.
 */
export function directStdout(
  onLoss: (error: NodeJS.ErrnoException) => boolean,
  made: () => boolean,
): DirectStdout {
  if (!writesDirectly()) return process.stdout;
  let stream: NodeJS.WriteStream | undefined;
  let lost = false;
  // The texts written in one turn of the event loop, written together at its end (or as knot
  // exits): `knot show` writes about a hundred lines, `stats` some seventy, each a system call
  // of its own otherwise. A session's lines still appear as each step is shown.
  let pending = "";
  const writeNow = (text: string) => {
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        stream = process.stdout;
        return stream.write(bytes.subarray(done));
      }
      if (!onLoss(error as NodeJS.ErrnoException)) throw error;
      lost = true;
    }
    return true;
  };
  const flush = () => {
    if (pending === "") return;
    process.removeListener("exit", flush);
    const text = pending;
    pending = "";
    if (!lost) writeNow(text);
  };
  return {
    isTTY: false,
    columns: undefined,
    flush,
    write(text: string) {
      if (lost) return true;
      if (stream || made()) {
        flush();
        stream ??= process.stdout;
        return stream.write(text);
      }
      if (pending === "") {
        process.nextTick(flush);
        process.once("exit", flush);
      }
      pending += text;
      return true;
    },
  };
}

/** Whether descriptor 1 is a file, a pipe or a socket, or /dev/null: never a terminal. */
function writesDirectly(): boolean {
  if (process.platform === "win32") return false;
  try {
    const out = fstatSync(1);
    if (out.isFile() || out.isFIFO() || out.isSocket()) return true;
    return isDevNull(out);
  } catch {
    return false;
  }
}

let devNull: number | undefined;
/** Whether a descriptor's stat is /dev/null's (a character device, as a terminal is). */
export function isDevNull(stat: { isCharacterDevice(): boolean; rdev: number }): boolean {
  if (!stat.isCharacterDevice()) return false;
  devNull ??= statSync("/dev/null").rdev;
  return stat.rdev === devNull;
}
