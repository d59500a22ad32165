import { localized } from "./locale.js";

/** What knot list and knot show say around the routines (names, ids and paths stay data). */
export const listText = localized({
  none: "No routines found.",
  noneOf: (category: string | undefined, area: string | undefined) => {
    const which = [category, area && `for the ${area}`].filter(Boolean).join(" routines ");
    return `No ${category ? which : `routines ${which}`}.`;
  },
  headers: { id: "ID", name: "NAME", category: "CATEGORY", time: "TIME", areas: "AREAS" },
  /** A routine's id or name in its column, as it is: data. */
  cell: (value: string) => value,
  /** A routine's category (stretch, cold, heat, massage, mixed) in its column. */
  category: (category: string) => category,
  /** The body areas a routine works, in its column. */
  areaList: (areas: readonly string[]) => areas.join(", "),
  custom: " (custom)",
  replacesBuiltIn: " (custom, replaces built-in)",
  /** The mark after a time that does not count steps that wait. */
  waits: "\n+ plus steps that wait for you to press Enter",
  broken: "Routine files with problems (not listed above):",
  unreadable: "unreadable",
  /** A routine file with problems, by its path (data). */
  brokenFile: (path: string) => path,
  /** The first problem of a routine file: where in it (data, or nothing) and what. */
  issue: (where: string, message: string) => `${where}${message}`,
  validateHint: '  Run "knot validate <file>" for every problem in a file.',
  ownFolder: (dir: string, make: string | undefined) =>
    `\nYour own routines go in ${dir}${make === undefined ? "" : ` (not made yet: ${make})`}`,
});

export const showText = localized({
  builtIn: "built-in",
  custom: "custom",
  heading: (name: string, about: string) => `${name} ${about}`,
  about: (id: string, category: string, origin: string) => `(${id}, ${category}, ${origin})`,
  areas: (label: string, areas: string) => `${label} ${areas}`,
  areasLabel: "Areas:",
  cautions: "Cautions",
  /** A routine's own words (summary, description, cautions, instructions, sources), as they are. */
  own: (text: string) => text,
  steps: (label: string, detail: string) => `${label}  ${detail}`,
  stepsLabel: "Steps",
  stepsDetail: (count: number, length: string) => `${count} in all, ${length}`,
  total: (label: string, length: string, manual: boolean) =>
    `  ${label} ${length}${manual ? " + steps that wait for you" : ""}`,
  totalLabel: "Total",
  /** A step's name in the outline, as the routine gives it: data. */
  stepName: (name: string) => name,
  /** A step's kind (prepare, hold, move, rest, cold, heat, massage) in the outline. */
  kind: (kind: string) => kind,
  sources: "Sources",
});
