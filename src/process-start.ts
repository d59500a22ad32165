import { readFileSync } from "node:fs";

/**
 * When a process started, as the kernel counts it (Linux: field 22 of /proc/PID/stat), so a
 * checkpoint can tell its own knot from an unrelated process that got the same id later.
 * Undefined where the system does not say.
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
