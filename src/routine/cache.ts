import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { writeWhole } from "../files.js";
import type { BuiltInStamps } from "./builtin-index.js";
import type { Issue } from "./issue.js";
import type { ParseResult } from "./parse.js";
import type { TimelineEntry } from "./timeline.js";
import type { Routine } from "./vocabulary.js";

/**
 * What reading and checking each of the person's routine files gave, kept between runs and
 * keyed by the file's size and time, so a folder of hundreds of routines is not parsed and
 * checked again at every start. A routine that stands alone (it includes no other, whose
 * result would then depend on another file) and has no errors is kept as its brief: what
 * `knot list` shows of it. Its steps are read from the file itself when it is shown or run, so
 * every start reads a small cache: for 500 files, 110 kB rather than 310 kB, with a fraction of
 * the objects to make and collect. Other files keep what reading them gave, and their problems.
 * The whole cache counts for nothing after knot itself changed (`knot` is its version and build).
 */
export interface CheckResult {
  timeline: TimelineEntry[];
  errors: Issue[];
  warnings: Issue[];
}

/** What `knot list` shows of a routine, without its steps. */
export interface RoutineBrief
  extends Pick<Routine, "id" | "name" | "summary" | "category" | "areas"> {
  totalSeconds: number;
  /** Whether a step waits for the person (its time is then a least). */
  manual: boolean;
}

/** A file's record: its brief, or what reading it gave (and its check, when kept). */
export type KeptFile = { brief: RoutineBrief } | { parsed: ParseResult; checked?: CheckResult };

type Kept = KeptFile & { size: number; mtimeMs: number };

interface CacheFile {
  knot: string;
  files: Record<string, Kept>;
  /** The built-in routine files as last found to match knot's index (see builtin-index.ts). */
  builtIns?: string;
}

export interface RoutineCache extends BuiltInStamps {
  /** The kept result for a file, if it has not changed since. */
  lookup(path: string): KeptFile | undefined;
  keepParsed(path: string, parsed: ParseResult): void;
  keepChecked(path: string, checked: CheckResult): void;
  /** Keeps a routine that stands alone without errors as its brief, instead of what it gave. */
  keepBrief(path: string, brief: RoutineBrief): void;
  /** Writes the cache back when anything changed, keeping only the files seen in this run. */
  save(): void;
}

const stampOf = (path: string) => {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
};

export function openRoutineCache(file: string, knot: string): RoutineCache {
  let old: Record<string, Kept> = {};
  let builtIns: string | undefined;
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
    if (stored.knot === knot && stored.files && typeof stored.files === "object") {
      old = stored.files;
      if (typeof stored.builtIns === "string") builtIns = stored.builtIns;
    }
  } catch {
    // none yet, or unreadable: start afresh
  }
  const now: Record<string, Kept> = {};
  const stamps = new Map<string, { size: number; mtimeMs: number } | undefined>();
  const stamp = (path: string) => {
    if (!stamps.has(path)) stamps.set(path, stampOf(path));
    return stamps.get(path);
  };
  let changed = false;
  return {
    get builtIns() {
      return builtIns;
    },
    keepBuiltIns(stamp) {
      builtIns = stamp;
      changed = true;
    },
    lookup(path) {
      const kept = old[path];
      const s = stamp(path);
      if (!kept || !s || kept.size !== s.size || kept.mtimeMs !== s.mtimeMs) return undefined;
      now[path] = kept;
      return kept;
    },
    keepParsed(path, parsed) {
      const s = stamp(path);
      if (!s) return;
      now[path] = { ...s, parsed };
      changed = true;
    },
    keepChecked(path, checked) {
      const kept = now[path];
      if (!kept || !("parsed" in kept) || kept.checked) return;
      kept.checked = checked;
      changed = true;
    },
    keepBrief(path, brief) {
      const kept = now[path];
      if (!kept || "brief" in kept) return;
      now[path] = { size: kept.size, mtimeMs: kept.mtimeMs, brief };
      changed = true;
    },
    save() {
      if (!changed && Object.keys(old).length === Object.keys(now).length) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeWhole(file, JSON.stringify({ knot, files: now, builtIns } satisfies CacheFile));
      } catch {
        // a folder knot may not write to: no cache, the routines are read as before
      }
    },
  };
}
