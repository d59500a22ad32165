import { existsSync } from "node:fs";
import type { Context } from "../context.js";
import { formatDuration } from "../duration.js";
import { KnotError } from "../errors.js";
import { fitWidth, proseWriter } from "../output.js";
import { briefOf } from "../routine/entry.js";
import { AREAS, CATEGORIES } from "../routine/vocabulary.js";
import { closestMatches } from "../suggest.js";
import { listText } from "../text/library.js";
import { didYouMean, routineText } from "../text/routine.js";
import { quote, safeText } from "../ui/safe.js";
import { displayWidth, prepareWidths, table, truncate } from "../ui/text.js";
import { openLibrary, printJson, userRoutinesDir } from "./shared.js";

export interface ListOptions {
  json?: boolean;
  category?: string;
  /** Only routines that work this body area. */
  area?: string;
}

export async function list(options: ListOptions, ctx: Context): Promise<number> {
  const { category } = options;
  if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category)) {
    throw new KnotError(
      routineText.notCategory(quote(category), didYouMean(closestMatches(category, CATEGORIES))),
      { hint: routineText.categories(CATEGORIES.join(", ")) },
    );
  }
  const { area } = options;
  if (area !== undefined && !(AREAS as readonly string[]).includes(area)) {
    throw new KnotError(routineText.notArea(quote(area), didYouMean(closestMatches(area, AREAS))), {
      hint: routineText.areas(AREAS.join(", ")),
    });
  }
  const library = openLibrary(ctx);
  // What the list shows of each routine (its brief): a routine of the person's kept in the
  // cache is listed without reading its file.
  const entries = library.entries
    .map((e) => {
      // each field named: one shape for every row, made with less work than a spread
      const { id, name, summary, category, areas, totalSeconds, manual } = briefOf(e);
      const { origin, overridesBuiltIn, path } = e;
      return {
        id,
        name,
        summary,
        category,
        areas,
        totalSeconds,
        manual,
        origin,
        overridesBuiltIn,
        path,
      };
    })
    .filter(
      (e) =>
        (!category || e.category === category) &&
        (!area || (e.areas as readonly string[]).includes(area)),
    );

  if (options.json) {
    printJson(ctx, {
      routines: entries.map((e) => ({
        id: e.id,
        name: e.name,
        summary: e.summary,
        category: e.category,
        totalSeconds: e.totalSeconds,
        hasManualSteps: e.manual,
        areas: e.areas,
        origin: e.origin,
        overridesBuiltIn: e.overridesBuiltIn,
        path: e.path,
      })),
      broken: library.broken.map((b) => ({ path: b.path, id: b.id ?? null, issues: b.issues })),
    });
    return 0;
  }

  const s = ctx.style;
  const say = proseWriter(ctx.stdout, ctx.env);
  if (entries.length === 0) {
    say(category || area ? listText.noneOf(category, area) : listText.none);
  } else {
    // cut to the terminal (or to COLUMNS when piped with it), whole when piped without it
    const width = fitWidth(ctx.stdout, ctx.env);
    const t = listText;
    // The cells of the columns that take few values (a category, a time, the areas) are each
    // made and looked at once, not once a row: with hundreds of routines most rows repeat them.
    const distinct = new Set<string>();
    const once = <K>(make: (key: K) => string) => {
      const made = new Map<K, string>();
      return (key: K): string => {
        let cell = made.get(key);
        if (cell === undefined) {
          cell = make(key);
          made.set(key, cell);
          distinct.add(cell);
        }
        return cell;
      };
    };
    const categoryCell = once((category: string) => t.category(category));
    const duration = once((seconds: number) => formatDuration(seconds));
    const areasCell = once((areas: string) => t.areaList(areas === "" ? [] : areas.split(",")));
    const ids = entries.map((e) => t.cell(e.id));
    const names = entries.map((e) => t.cell(e.name));
    const categories = entries.map((e) => categoryCell(e.category));
    const times = entries.map((e) => duration(e.totalSeconds) + (e.manual ? "+" : ""));
    const areas = entries.map((e) => areasCell(e.areas.join(",")));
    const h = listText.headers;
    const header = [h.id, h.name, h.category, h.time, h.areas];
    // every text the table measures ("+" and the cut's "…" are one column wide, as ASCII is)
    await prepareWidths([...header, t.custom, t.replacesBuiltIn, ...ids, ...names, ...distinct]);
    const widest = (cells: string[]) => Math.max(0, ...cells.map(displayWidth));
    // A long name is cut with "…" so each row stays one line: the columns around it keep their
    // width, and the areas (the last column) keep at least 8 (table's least).
    const nameRoom = width
      ? width -
        [
          widest([h.id, ...ids]),
          widest([h.category, ...categories]),
          widest([h.time, ...times]),
        ].reduce((sum, w) => sum + w + 2, 2 + 8)
      : Infinity;
    const rows = entries.map((e, i) => {
      const mark =
        e.origin === "custom"
          ? e.overridesBuiltIn
            ? listText.replacesBuiltIn
            : listText.custom
          : "";
      const name = truncate(names[i]!, Math.max(12, nameRoom - displayWidth(mark)));
      return [
        s.id(ids[i]!),
        name + (mark ? s.dim(mark) : ""),
        categories[i]!,
        times[i]!,
        areas[i]!,
      ];
    });
    const heading = header.map((cell) => s.dim(cell));
    // one write for the whole table, not one a row (each a system call when piped)
    ctx.stdout.write(`${table([heading, ...rows], width).join("\n")}\n`);
    if (entries.some((e) => e.manual)) {
      say(s.dim(listText.waits));
    }
  }
  if (library.broken.length > 0) {
    say();
    say(s.warn(listText.broken));
    for (const b of library.broken) {
      const first = b.issues[0];
      const where = first?.path ? `${first.path}: ` : "";
      say(`  ${listText.brokenFile(safeText(b.path, { inLine: true }))}`);
      say(
        `    ${listText.issue(safeText(where), safeText(first?.message ?? listText.unreadable))}`,
      );
    }
    say(s.dim(listText.validateHint));
  }
  if (!options.category && !area && entries.every((e) => e.origin === "built-in")) {
    const dir = userRoutinesDir(ctx);
    // the folder it names, and how to make it when it is not there yet
    const make = existsSync(dir) ? undefined : `mkdir -p ${shellQuote(dir)}`;
    say(s.dim(listText.ownFolder(safeText(dir, { inLine: true }), make)));
  }
  return 0;
}

/** A path as a shell takes it: quoted when it holds anything but plain characters. */
const shellQuote = (path: string) =>
  /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
