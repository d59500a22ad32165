import { fstatSync, statSync, writeSync } from "node:fs";
import type { OutputStream } from "./context.js";
import { lossOf } from "./output.js";

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
  /** A failure to write what was waiting as knot exits (not a loss): said, not thrown. */
  onExitError: (error: NodeJS.ErrnoException) => void = () => {},
): DirectStdout {
  if (!writesDirectly()) return process.stdout;
  let stream: NodeJS.WriteStream | undefined;
  let lost = false;
  // The texts written in one turn of the event loop, written together at its end: `knot show`
  // writes about a hundred lines, `stats` some seventy, each a system call of its own
  // otherwise. A session's lines still appear as each step is shown.
  let pending = "";
  let exiting = false;
  const writeNow = (text: string) => {
    const bytes = Buffer.from(text);
    const { done, failure } = writeAll(bytes);
    if (!failure) return true;
    if (failure.code === "EAGAIN") {
      stream = process.stdout;
      return stream.write(bytes.subarray(done));
    }
    if (!onLoss(failure)) throw failure;
    lost = true;
    return true;
  };
  const flush = () => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    if (lost) return;
    // Node's stream made meanwhile (a prompt writing to it): the text follows what it holds
    if (stream || made()) {
      stream ??= process.stdout;
      stream.write(text);
    } else writeNow(text);
  };
  // Knot ending with process.exit (a signal, a hung-up terminal) before the turn is over: what
  // waits is written first, and anything written after (by another listener) at once. Nothing
  // may throw or exit again here: a reader gone ends the writing, a full disk is said, and a
  // pipe not taking more for now is waited for a little (Node's stream could no longer drain).
  process.prependListener("exit", () => {
    exiting = true;
    const text = pending;
    pending = "";
    if (text !== "") writeAtExit(text);
  });
  const writeAtExit = (text: string) => {
    if (lost || stream || made()) {
      if (!lost) (stream ?? process.stdout).write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let written = writeAll(bytes);
    for (let waits = 0; written.failure?.code === "EAGAIN" && waits < 1000; waits++) {
      Atomics.wait(PAUSE, 0, 0, 2);
      written = writeAll(bytes, written.done);
    }
    if (!written.failure) return;
    lost = true;
    if (!lossOf(written.failure)) onExitError(written.failure);
  };
  return {
    isTTY: false,
    columns: undefined,
    flush,
    write(text: string) {
      if (lost) return true;
      if (exiting) {
        writeAtExit(text);
        return true;
      }
      if (stream || made()) {
        flush();
        return (stream ?? process.stdout).write(text);
      }
      if (pending === "") process.nextTick(flush);
      pending += text;
      return true;
    },
  };
}

/** Writes `bytes` from `from` to descriptor 1: how far it got, and why it stopped short. */
function writeAll(bytes: Buffer, from = 0): { done: number; failure?: NodeJS.ErrnoException } {
  let done = from;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
    return { done };
  } catch (error) {
    return { done, failure: error as NodeJS.ErrnoException };
  }
}

/** Something to wait on for a moment (Atomics.wait) while a pipe is full as knot exits. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

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
