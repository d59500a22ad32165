import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { errorText } from "./text/errors.js";

/**
 * Reading and writing the person's files safely: only regular files are read (a FIFO would
 * hang knot, /dev/zero would fill its memory), with the size checked before reading, and
 * problems described in words, as the person's environment rather than knot's bug.
 */

/** "the disk is full (ENOSPC)": what went wrong with a file, for a person. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code) return errorText.fsWhy(errorText.fs[code], code);
  return (error as Error)?.message ?? String(error);
}

/** Whether an error is the operating system's about a file (it has an errno code). */
export const isFsError = (error: unknown): error is NodeJS.ErrnoException =>
  typeof (error as NodeJS.ErrnoException)?.code === "string" &&
  /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!) &&
  typeof (error as NodeJS.ErrnoException).syscall === "string";

export const fileError = (path: string, code: string, message: string) =>
  Object.assign(new Error(`${path}: ${message}`), { code, path, syscall: "open" });

/**
 * Reads a regular file whole, refusing anything else (FIFOs, devices, folders) without
 * waiting on it, and refusing files over `maxBytes`. Throws errors with errno-style codes.
 */
export function readRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Buffer {
  // Non-blocking, so opening a FIFO with no writer returns at once instead of hanging.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw fileError(path, "EISDIR", "is a folder");
    if (!stat.isFile()) throw fileError(path, "ENOTREG", "is not a regular file");
    if (stat.size > maxBytes) throw fileError(path, "EFBIG", `is ${stat.size} bytes`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a file to append to, as `--events` does: a regular file, a device, or a FIFO that
 * something is reading (with no reader it fails at once with ENXIO instead of hanging).
 */
export function openForAppend(path: string): number {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0),
    0o644,
  );
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw fileError(path, "EISDIR", "is a folder");
  }
  return fd;
}

/**
 * Creates a file knot is about to rename into place (a `.tmp` beside the real one), never
 * through a link: anything already at that name is removed first and the file is made with
 * O_EXCL, which refuses a link planted there. The rename then replaces a link at the real
 * name itself, never its target.
 */
export function writeFresh(path: string, data: string): void {
  // unlinked rather than rmSync'd: Node's rmSync loads its recursive remover on first use
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(path, data, { flag: "wx", mode: 0o600 });
}

/**
 * Replaces one of knot's own files whole: written beside it under a name of this process's,
 * then renamed into place, so a reader sees the old file or the new one, never part of one.
 * A link at `path` is refused (knot's folders hold no links of knot's own); a failure leaves
 * the old file as it was and nothing beside it.
 */
export function writeWhole(path: string, data: string): void {
  refuseLink(path);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFresh(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Refuses a link where knot writes one of its own files (see ESYMLINK). */
export function refuseLink(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return; // not there yet
  }
  if (link) throw fileError(path, "ESYMLINK", "is a symbolic link");
}
