import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { KnotError } from "../errors.js";
import { BUILT_IN_DIR, BUILT_IN_INDEX, knotStamp } from "../package.js";
import { closestMatches } from "../suggest.js";
import { locale } from "../text/locale.js";
import { didYouMean, routineText } from "../text/routine.js";
import { readBuiltInIndex, routineFiles } from "./builtin-index.js";
import { type CheckResult, openRoutineCache } from "./cache.js";
import { withKindCautions } from "./describe.js";
import {
  allCautions,
  BriefEntry,
  checkSafely,
  type Origin,
  type RoutineEntry,
  readEntry,
} from "./entry.js";
import { readRoutineFile } from "./parse.js";
import { formatIssues } from "./report.js";
import { hasManualSteps, totalSeconds } from "./timeline.js";
import type { Issue } from "./validate.js";
import type { Routine } from "./vocabulary.js";

export interface BrokenEntry {
  path: string;
  origin: Origin;
  id?: string;
  issues: Issue[];
}

export interface Library {
  entries: RoutineEntry[];
  broken: BrokenEntry[];
  find(id: string): RoutineEntry | undefined;
}

const jsonFiles = (dir: string): string[] => {
  try {
    // join(dir, name) for each file, with the folder's part made once (a file name holds no
    // separator): join's normalising is most of the cost in a folder of hundreds of files.
    const inDir = join(dir, "x").slice(0, -1);
    return routineFiles(dir)
      .sort()
      .map((name) => inDir + name);
  } catch {
    return []; // a missing routines folder simply holds no routines
  }
};

interface Candidate {
  routine: Routine;
  path: string;
  origin: Origin;
  warnings: Issue[];
}

/**
 * Loads the built-in routines and the user's own (`<config>/routines/*.json`). A broken file
 * never hides the others: it is returned in `broken` with its problems.
 */
export function loadLibrary(options: {
  userDir: string;
  builtInDir?: string;
  /** Where to keep what the person's files gave between runs (see cache.ts). */
  cacheFile?: string;
}): Library {
  const broken: BrokenEntry[] = [];
  // The cache keeps problems worded: a knot in another language words them anew.
  const cache = options.cacheFile
    ? openRoutineCache(options.cacheFile, `${knotStamp()} ${locale}`)
    : undefined;
  const keptChecks = new Map<string, CheckResult>();
  const byId = new Map<string, Candidate | BriefEntry>();
  const builtInIds = new Set<string>();

  // knot's own routines come checked from the build's index when it is current.
  const indexed =
    options.builtInDir === undefined
      ? readBuiltInIndex<RoutineEntry>(BUILT_IN_INDEX, BUILT_IN_DIR, cache)
      : undefined;
  for (const entry of indexed ?? []) {
    builtInIds.add(entry.routine.id);
    byId.set(entry.routine.id, {
      routine: entry.routine,
      path: entry.path,
      origin: "built-in",
      warnings: [],
    });
  }
  const sources: [string, Origin][] = [
    ...(indexed ? [] : jsonFiles(options.builtInDir ?? BUILT_IN_DIR)).map((p): [string, Origin] => [
      p,
      "built-in",
    ]),
    ...jsonFiles(options.userDir).map((p): [string, Origin] => [p, "custom"]),
  ];
  const resolver = (id: string) => byId.get(id)?.routine;
  // The routines kept as their brief, made whole from their files when first asked for. Such a
  // routine included none when it was kept; should its file include one now, a routine read
  // whole is taken, never another brief (which could lead back to this one).
  const wholes = new Map<string, RoutineEntry>();
  const readWhole = (id: string) => {
    const candidate = byId.get(id);
    return candidate instanceof BriefEntry ? undefined : candidate?.routine;
  };
  const whole = (path: string): RoutineEntry => {
    let entry = wholes.get(path);
    if (!entry) {
      entry = readEntry(path, "custom", readWhole);
      wholes.set(path, entry);
    }
    return entry;
  };
  for (const [path, origin] of sources) {
    const kept = origin === "custom" ? cache?.lookup(path) : undefined;
    if (kept && "brief" in kept) {
      const { brief } = kept;
      const existing = byId.get(brief.id);
      if (existing?.origin === origin) {
        broken.push({ path, origin, id: brief.id, issues: [idTaken(brief.id, existing.path)] });
        continue;
      }
      const overrides = builtInIds.has(brief.id);
      byId.set(brief.id, new BriefEntry(brief, path, overrides, () => whole(path)));
      continue;
    }
    if (kept?.checked) keptChecks.set(path, kept.checked);
    const parsed = kept?.parsed ?? readRoutineFile(path);
    if (origin === "custom" && !kept) cache?.keepParsed(path, parsed);
    if (!parsed.ok) {
      broken.push({ path, origin, issues: parsed.issues, ...(parsed.id ? { id: parsed.id } : {}) });
      continue;
    }
    const { id } = parsed.routine;
    const existing = byId.get(id);
    if (existing && existing.origin === origin) {
      broken.push({ path, origin, id, issues: [idTaken(id, existing.path)] });
      continue;
    }
    if (origin === "built-in") builtInIds.add(id);
    byId.set(id, { routine: parsed.routine, path, origin, warnings: parsed.issues });
  }

  // The index's entries stand as they are unless a routine of the person's replaces a built-in
  // one (which the others may include): then every routine is checked here.
  const prebuilt = indexed?.every((e) => byId.get(e.routine.id)?.origin === "built-in")
    ? new Map(indexed.map((e) => [e.routine.id, e]))
    : undefined;
  const entries: RoutineEntry[] = [];
  const checked = [...byId.values()].flatMap((candidate) => {
    const ready = candidate.origin === "built-in" ? prebuilt?.get(candidate.routine.id) : undefined;
    if (ready) {
      entries.push(ready);
      return [];
    }
    if (candidate instanceof BriefEntry) {
      entries.push(candidate);
      return [];
    }
    const kept = keptChecks.get(candidate.path);
    if (kept) return [{ candidate, ...kept, includes: new Set<string>() }];
    const result = checkSafely(candidate.routine, resolver);
    // kept only when the routine stands alone: an include's result depends on another file
    if (candidate.origin === "custom" && result.includes.size === 0) {
      const { timeline, errors, warnings } = result;
      if (errors.length > 0) cache?.keepChecked(candidate.path, { timeline, errors, warnings });
      else {
        const { id, name, summary, category, areas } = candidate.routine;
        const [seconds, manual] = [totalSeconds(timeline), hasManualSteps(timeline)];
        const brief = { id, name, summary, category, areas, totalSeconds: seconds, manual };
        cache?.keepBrief(candidate.path, brief);
      }
    }
    return [{ candidate, ...result }];
  });
  cache?.save();
  // A routine that includes a broken one is broken too.
  const brokenIds = new Set(
    checked.filter((c) => c.errors.length > 0).map((c) => c.candidate.routine.id),
  );
  for (const c of checked) {
    const { routine, path, origin } = c.candidate;
    const brokenInclude = [...c.includes].find((id) => brokenIds.has(id));
    if (brokenInclude) {
      // First: the included routine's own problems also show up in this one's timeline.
      c.errors.unshift({
        severity: "error",
        path: "steps",
        message: routineText.library.brokenInclude(brokenInclude),
      });
    }
    if (c.errors.length > 0) {
      broken.push({ path, origin, id: routine.id, issues: c.errors });
      continue;
    }
    entries.push({
      routine,
      path,
      origin,
      overridesBuiltIn: origin === "custom" && builtInIds.has(routine.id),
      timeline: c.timeline,
      totalSeconds: totalSeconds(c.timeline),
      warnings: [...c.candidate.warnings, ...c.warnings],
      cautions: withKindCautions(allCautions(routine, c.includes, resolver), c.timeline),
    });
  }
  // Plain code-unit order: localeCompare would load ICU collation, a noticeable start-up cost.
  const ids = entries.map(idOf);
  const order = ids.map((_, i) => i);
  order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const sorted = order.map((i) => entries[i]!);
  const index = new Map(order.map((i) => [ids[i]!, entries[i]!]));
  return { entries: sorted, broken, find: (id) => index.get(id) };
}

/** An entry's id, without reading the file of one kept as its brief. */
const idOf = (entry: RoutineEntry): string => entry.brief?.id ?? entry.routine.id;

const idTaken = (id: string, takenBy: string): Issue => ({
  severity: "error",
  path: "id",
  message: routineText.library.idTaken(id, basename(takenBy)),
});

const looksLikePath = (arg: string) =>
  arg.endsWith(".json") || /[\\/]/.test(arg) || arg.startsWith(".");

/** Loads a routine file given on the command line, resolving its includes from the library. */
export function loadRoutineFile(library: Library, file: string): RoutineEntry {
  return readEntry(file, "file", (id) => library.find(id)?.routine);
}

/** Finds a routine by id, or by path when the argument looks like a file. */
export function findRoutine(library: Library, nameOrPath: string): RoutineEntry {
  if (looksLikePath(nameOrPath) || (!library.find(nameOrPath) && existsSync(nameOrPath))) {
    return loadRoutineFile(library, nameOrPath);
  }
  const entry = library.find(nameOrPath);
  if (entry) return entry;
  const broken = library.broken.find((b) => b.id === nameOrPath);
  if (broken) throw new KnotError(formatIssues(broken.path, broken.issues));
  const ids = library.entries.map(idOf);
  const hint = didYouMean(closestMatches(nameOrPath, ids));
  throw new KnotError(routineText.library.noSuchRoutine(nameOrPath, hint), {
    hint: routineText.library.noSuchRoutineHint,
  });
}
