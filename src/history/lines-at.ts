import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { fileError } from "../files.js";

/** Lines read with one reading when they are at most this far apart, in spans of at most SPAN. */
const NEAR = 64 * 1024;
const SPAN = 1024 * 1024;

/**
 * Reads the lines at these places of a file (offsets and lengths in bytes), in one opening, in
 * the order given. Lines near each other (the last days' sessions, at the end of their month)
 * are read together, one reading of the file for each stretch rather than one per line.
 */
export function readLinesAt(
  file: string,
  places: readonly { offset: number; bytes: number }[],
): string[] {
  if (places.length === 0) return [];
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw fileError(file, "ENOTREG", "is not a regular file");
    const order = places.map((_, i) => i).sort((a, b) => places[a]!.offset - places[b]!.offset);
    const lines = new Array<string>(places.length);
    for (let i = 0; i < order.length; ) {
      const from = places[order[i]!]!.offset;
      let to = from + places[order[i]!]!.bytes;
      let j = i + 1;
      for (; j < order.length; j++) {
        const next = places[order[j]!]!;
        if (next.offset - to > NEAR || next.offset + next.bytes - from > SPAN) break;
        to = Math.max(to, next.offset + next.bytes);
      }
      const buffer = Buffer.allocUnsafe(to - from);
      const n = readSync(fd, buffer, 0, to - from, from);
      for (; i < j; i++) {
        const { offset, bytes } = places[order[i]!]!;
        const start = Math.min(offset - from, n);
        lines[order[i]!] = buffer.toString("utf8", start, Math.min(start + bytes, n));
      }
    }
    return lines;
  } finally {
    closeSync(fd);
  }
}
