import { filesText } from "../text/files.js";
import type { LineProblem } from "./store.js";

/** Damaged lines of the history files: each noted once, and said in one warning. */
export interface Damage {
  file: string;
  line: number;
  reason: LineProblem;
}

/** Adds a file's damaged lines to those `noted`, each once. */
export function noteDamage(
  noted: Damage[],
  file: string,
  damaged: readonly { line: number; reason: LineProblem }[],
): void {
  for (const d of damaged) {
    if (!noted.some((seen) => seen.file === file && seen.line === d.line)) {
      noted.push({ file, ...d });
    }
  }
}

/** One warning naming the damaged lines read so far, or nothing. */
export function damageWarning(damaged: readonly Damage[]): string | undefined {
  if (damaged.length === 0) return undefined;
  const files = [...new Set(damaged.map((d) => d.file))];
  const more = files.length > 3 ? filesText.moreFiles(files.length - 3) : "";
  const where = `${files
    .slice(0, 3)
    .map((file) =>
      filesText.damagedIn(
        file,
        damaged.filter((d) => d.file === file).map((d) => d.line),
      ),
    )
    .join(", ")}${more}`;
  return filesText.damaged(damaged.length, where);
}
