/**
 * The text layer's one switch: the language knot's words come in. The text modules under
 * src/text/ (and the words modules beside the areas they serve) hold every message a person
 * reads, keyed by id; each table is passed through `localized` once.
 *
 * English is the words as written. The pseudo-locale (`KNOT_LANG=pseudo`) wraps every message
 * in ⟦ ⟧ and lengthens it by a third: a line on screen with letters outside the markers did not
 * come through the text layer, and a layout that only holds at English lengths shows itself.
 */

export type Locale = "en" | "pseudo";

export const locale: Locale = process.env.KNOT_LANG === "pseudo" ? "pseudo" : "en";

export const PSEUDO_OPEN = "\u27e6";
export const PSEUDO_CLOSE = "\u27e7";

/** One message in the pseudo-locale: every non-blank line marked and a third longer. */
export function pseudo(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const body = line.trim();
      if (body === "") return line;
      // the spaces around the words stay outside the marks, where a part of a message given
      // to another ("warning: ") keeps them when its marks and lengthening are taken off
      const indent = line.slice(0, line.length - line.trimStart().length);
      const trail = line.slice(line.trimEnd().length);
      const pad = padding(Math.ceil([...body].length / 3));
      return `${indent}${PSEUDO_OPEN}${body}${pad}${PSEUDO_CLOSE}${trail}`;
    })
    .join("\n");
}

/** Dots in a piece of padding: a longer padding is cut into pieces with a space between. */
const PAD_PIECE = 10;

/**
 * The lengthening of a line `length` columns longer: dots after the last word, and from
 * PAD_PIECE on in pieces after a space each, so a long message lengthened is still wrapped
 * between words, as a translation's longer sentence would be, not one long unbreakable word.
 */
function padding(length: number): string {
  if (length <= PAD_PIECE) return "\u00b7".repeat(length);
  let pad = "";
  let left = length;
  while (left > 1) {
    const dots = Math.min(PAD_PIECE, left - 1);
    pad += ` ${"\u00b7".repeat(dots)}`;
    left -= dots + 1;
  }
  // one column left over lengthens the last piece
  return left === 1 ? `${pad}\u00b7` : pad;
}

type Words = { readonly [id: string]: unknown };

/**
 * A table of words as the current locale gives them: strings, functions that return strings,
 * and nested tables of both. In English the table is returned as it is.
 */
export function localized<T extends Words>(table: T): T {
  return locale === "en" ? table : (wrap(table, pseudo) as T);
}

function wrap(value: unknown, tr: (text: string) => string): unknown {
  // a message another table already gave (a heading, a sentence shared by several areas) is
  // kept as it was: marked once, where it was written, not again by each table that holds it
  if (typeof value === "string") return given(value) ? value : tr(value);
  if (typeof value === "function") {
    const f = value as (...args: unknown[]) => unknown;
    // a message given to another as a part is marked once, as the whole it becomes part of
    return (...args: unknown[]) => wrap(f(...args.map(unmarked)), tr);
  }
  if (Array.isArray(value)) return value.map((v) => wrap(v, tr));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v, tr)]));
  }
  return value;
}

/** Whether every line of `text` is already a message of the current locale: marked ⟦…⟧. */
function given(text: string): boolean {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return (
    lines.length > 0 &&
    lines.every(
      (line) => line.trim().startsWith(PSEUDO_OPEN) && line.trimEnd().endsWith(PSEUDO_CLOSE),
    )
  );
}

const MARKED = new RegExp(`${PSEUDO_OPEN}|(?: ?\u00b7+)*${PSEUDO_CLOSE}`, "g");

/**
 * A part of a message (or a list of parts), without the marks (and their lengthening) it got
 * as a message itself.
 */
function unmarked(part: unknown): unknown {
  if (Array.isArray(part)) return part.map(unmarked);
  return typeof part === "string" ? part.replace(MARKED, "") : part;
}
