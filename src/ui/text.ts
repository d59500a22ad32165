/** Plain-text layout helpers: width-aware padding, cutting and wrapping. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour codes is the point
const ANSI = /\u001b\[[0-9;]*m/g;

// most text has no colour code: a look for ESC costs less than the regular expression's search
export const stripAnsi = (text: string): string =>
  text.includes("\u001b") ? text.replace(ANSI, "") : text;

let measure: ((text: string) => number) | undefined;
// Printable ASCII is what is fast to measure; so are the few symbols knot itself prints (an
// arrow, an ellipsis, dashes, bars and blocks), each one column in every terminal.
const ONE_COLUMN = /^[\u0020-\u007e\u2013\u2014\u2026\u2190-\u2193\u2500-\u259f]*$/;

/**
 * Loads the full width rules (combining marks, ZWJ emoji, flags, zero-width characters) when
 * any of these texts needs them. Kept off the common path: it costs tens of milliseconds.
 */
export async function prepareWidths(texts: Iterable<string>): Promise<void> {
  if (measure) return;
  for (const text of texts) {
    if (!ONE_COLUMN.test(stripAnsi(text))) {
      measure = (await import("string-width")).default;
      return;
    }
  }
}

/** Columns a string takes on screen (ignoring colour codes; wide characters count as 2). */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
  if (ONE_COLUMN.test(plain)) return plain.length;
  if (measure) return measure(plain);
  // A close guess until the full rules are loaded (see prepareWidths).
  let width = 0;
  for (const ch of plain) {
    const code = ch.codePointAt(0)!;
    width +=
      code >= 0x1100 &&
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts plain text to `width` columns, ending with an ellipsis when anything was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return "…".slice(0, width);
  let out = "";
  // Whole characters as a person sees them (a flag, an emoji with its modifiers), never half.
  const parts = measure
    ? Array.from(new Intl.Segmenter().segment(text), (s) => s.segment)
    : Array.from(text);
  for (const ch of parts) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The characters of `text` as a person sees them: a flag or an emoji with its modifiers is one. */
function graphemes(text: string): string[] {
  return measure || !ONE_COLUMN.test(text)
    ? Array.from(new Intl.Segmenter().segment(text), (s) => s.segment)
    : Array.from(text);
}

/** `text` cut into pieces of whole characters: the first at most `room` columns (it may be ""), the rest `width`. */
function chop(text: string, room: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let limit = room;
  for (const ch of graphemes(text)) {
    if (displayWidth(piece + ch) > limit && (piece || pieces.length === 0)) {
      pieces.push(piece);
      piece = "";
      limit = width;
    }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * A word longer than a line, cut: its first piece in the `room` left on the line ("" when none
 * is), the others `width` wide. A word lengthened by the pseudo-locale's padding ("word·····⟧")
 * is cut where the padding starts when the word itself fits a line: the word stays whole.
 */
function cutWord(word: string, room: number, width: number): string[] {
  const pad = /[\u00b7\u27e7]+$/.exec(word)?.[0] ?? "";
  const core = word.slice(0, word.length - pad.length);
  const size = displayWidth(core);
  if (!pad || !core || size > width) return chop(word, room, width);
  const [first, ...rest] = chop(pad, size <= room ? room - size : width - size, width);
  return size <= room ? [core + first, ...rest] : ["", core + first, ...rest];
}

/**
 * Wraps text to `width` columns at spaces, measuring each word as it shows (wide characters
 * take two columns, colour codes none). A word is cut only when it is longer than a line.
 */
export function wrap(text: string, width: number): string[] {
  return text.split("\n").flatMap((paragraph) => fill(paragraph, () => width));
}

/** One paragraph's words laid on lines, line `i` at most `widthOf(i)` columns wide. */
function fill(paragraph: string, widthOf: (line: number) => number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  let limit = Math.max(1, widthOf(0));
  const next = (piece: string, size: number) => {
    if (line) lines.push(line);
    line = piece;
    used = size;
    limit = Math.max(1, widthOf(lines.length));
  };
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const size = displayWidth(word);
    if (line && used + 1 + size <= limit) {
      line += ` ${word}`;
      used += 1 + size;
      continue;
    }
    if (size <= Math.max(1, widthOf(line ? lines.length + 1 : lines.length))) {
      if (line) next(word, size);
      else [line, used] = [word, size];
      continue;
    }
    // longer than a line: cut, its first piece filling what room the line has left
    const room = line ? limit - used - 1 : limit;
    const pieces = cutWord(word, room, Math.max(1, widthOf(lines.length + 1)));
    const first = pieces.shift()!;
    if (first) {
      line = line ? `${line} ${first}` : first;
      used = displayWidth(line);
    }
    for (const piece of pieces) next(piece, displayWidth(piece));
  }
  lines.push(line);
  return lines;
}

/** Lays out rows as aligned columns; the last column takes what room is left, if limited. */
export function table(
  rows: string[][],
  maxWidth?: number,
  gap = 2,
  /** Columns at least this wide, widened to fit: a table printed in parts passes the same one. */
  widths: number[] = [],
): string[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  // each cell measured once (a table of hundreds of rows measured each cell three times)
  const cellWidths = rows.map((r) => r.map(displayWidth));
  for (let i = 0; i < count; i++) {
    widths[i] = Math.max(widths[i] ?? 0, ...cellWidths.map((w) => w[i] ?? 0));
  }
  const used = widths.slice(0, -1).reduce((a, b) => a + b + gap, 0);
  return rows.map((row, r) =>
    row
      .map((cell, i) => {
        if (i === count - 1) return maxWidth ? truncate(cell, Math.max(1, maxWidth - used)) : cell;
        return cell + " ".repeat(Math.max(0, widths[i]! + gap - cellWidths[r]![i]!));
      })
      .join("")
      .trimEnd(),
  );
}

/** A bulleted item wrapped to `width`: the mark (4 columns) on the first line, indent after. */
export function bulleted(text: string, width: number, mark: string): string[] {
  return wrap(text, width - 4).map((line, i) => `${i === 0 ? mark : "    "}${line}`);
}

/**
 * A notice ("Voice is not reaching you: <what failed>. <what to do>; meanwhile ...") laid out
 * on at most `max` lines of `width` columns, wrapped at word boundaries. One too long for them
 * keeps its advice (the last sentence) whole and cuts the details before it, with an ellipsis:
 * what to do is never the part lost.
 */
export function noticeLines(text: string, width: number, max = 2): string[] {
  const lines = wrap(text, width);
  if (lines.length <= max) return lines;
  const end = adviceStart(text);
  if (end < 0) return cutLines(lines, max);
  const advice = wrap(text.slice(end + 2), width);
  const room = max - advice.length;
  if (room < 1) return cutLines(advice, max);
  return [...cutLines(wrap(text.slice(0, end + 1), width), room), ...advice];
}

/**
 * Where a notice's last sentence begins: after the last ". " that another word follows, so a
 * message lengthened after its last sentence (the pseudo-locale's dots) keeps that sentence.
 */
function adviceStart(text: string): number {
  let end = -1;
  for (const found of text.matchAll(/\. (?![\s\u00b7])/g)) end = found.index;
  return end;
}

/** The first `max` lines, the last ending with an ellipsis when anything was cut. */
function cutLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const width = Math.max(...lines.map(displayWidth));
  kept[max - 1] = truncate(`${kept[max - 1]} ${lines[max]}`, width);
  return kept;
}

/**
 * What a line starts with that its continuation lines go under: its indent, then an opening
 * mark (a list's "- ", "· ", "! " or "1. ", an example's "$ ", a bracket "(", the pseudo-locale's "⟦"), so a
 * wrapped list item or source hangs under its own text.
 */
const LEAD = /^\s*(?:\u27e6)?\s*(?:[-*\u00b7\u2022!$] |\d{1,2}[.)] |\()?(?:\u27e6)?(?:\()?/;

/**
 * Text for a terminal `width` columns wide: each line that fits is kept as it is; a longer one
 * is wrapped at word boundaries, its continuation lines hanging under its text (after its own
 * indent and any list mark or bracket), so the terminal never cuts a word. Colour codes are
 * kept and take no room.
 */
export function wrapIndented(text: string, width: number): string[] {
  return text.split("\n").flatMap((line) => {
    if (displayWidth(line) <= width) return [line];
    const lead = displayWidth(LEAD.exec(stripAnsi(line))![0]);
    const hang = " ".repeat(Math.min(lead, Math.floor(width / 2)));
    // the first line's indent is kept as the line has it (with any colour code before it)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a colour code before the indent
    const start = line.length - line.replace(/^(?:\u001b\[[0-9;]*m)*[ \t]*/, "").length;
    const first = line.slice(0, start);
    const indent = displayWidth(first);
    // the first line holds the indent; the others, the hang: each wraps in its own room
    return fill(line.slice(start), (i) => width - (i === 0 ? indent : hang.length)).map(
      (part, i) => (i === 0 ? `${first}${part}` : `${hang}${part}`),
    );
  });
}

/**
 * Like wrapIndented, for text hard-wrapped at some other width (help pages): a paragraph (lines
 * that start at the margin, up to a blank line or an indented one) with a line too long for
 * `width` is laid out again as a whole, so no line is left with a word or two on it. A
 * paragraph that fits keeps its lines as written; indented lines are wrapped one by one.
 */
export function reflow(text: string, width: number): string[] {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.some((l) => displayWidth(l) > width)) {
      const lead = displayWidth(LEAD.exec(stripAnsi(paragraph[0]!))![0]);
      const hang = " ".repeat(Math.min(lead, Math.floor(width / 2)));
      const joined = paragraph.join(" ");
      out.push(
        ...fill(joined, (i) => width - (i === 0 ? 0 : hang.length)).map((l, i) =>
          i === 0 ? l : hang + l,
        ),
      );
    } else out.push(...paragraph);
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    if (/^\S/.test(stripAnsi(line))) {
      paragraph.push(line);
      continue;
    }
    flush();
    out.push(...wrapIndented(line, width));
  }
  flush();
  return out;
}
