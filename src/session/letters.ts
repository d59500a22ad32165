/**
 * Large letters for words read from the mat: a 5 × 7 dot font kept as data, drawn with half
 * blocks (one dot is a column wide and half a row tall, so dots are square) at a whole-number
 * scale. Solid strokes read from across a room where outlines blur to grey.
 */

// Each glyph: 7 rows of dots, "#" inked. Narrow glyphs are narrower strings.
const FONT: Record<string, readonly string[]> = {
  A: [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
  B: ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
  C: [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
  D: ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
  E: ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
  F: ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
  G: [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
  H: ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
  I: ["###", ".#.", ".#.", ".#.", ".#.", ".#.", "###"],
  J: ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
  K: ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
  L: ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
  M: ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
  N: ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
  O: [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  P: ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
  Q: [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
  R: ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
  S: [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
  T: ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
  U: ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  V: ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
  W: ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
  X: ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
  Y: ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
  Z: ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
  "0": [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
  "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
  "2": [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
  "3": ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
  "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
  "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
  "6": ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
  "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
  "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
  "9": [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
  "-": ["....", "....", "....", "####", "....", "....", "...."],
  ".": ["..", "..", "..", "..", "..", "##", "##"],
  ",": ["..", "..", "..", "..", "..", ".#", "#."],
  "'": ["#", "#", ".", ".", ".", ".", "."],
  "?": [".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."],
  "!": ["#", "#", "#", "#", "#", ".", "#"],
  ":": [".", "#", ".", ".", ".", "#", "."],
  "/": ["....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#...."],
  " ": ["...", "...", "...", "...", "...", "...", "..."],
  // the pseudo-locale's marks (src/text/locale.ts), so its words are drawn at their length too
  "\u27e6": ["###", "##.", "##.", "##.", "##.", "##.", "###"],
  "\u27e7": ["###", ".##", ".##", ".##", ".##", ".##", "###"],
  "\u00b7": [".", ".", ".", "#", ".", ".", "."],
};
const DOT_ROWS = 7;
/** Dots between letters. */
const SPACING = 1;

/** Whether every character of `text` has a large letter (others are written small). */
export const canSpell = (text: string): boolean =>
  [...text.toUpperCase()].every((ch) => FONT[ch] !== undefined);

/** Rows of text the letters take at `scale`. */
export const lettersHeight = (scale: number): number => Math.ceil((DOT_ROWS * scale) / 2);

/** Columns `text` takes at `scale`. */
export function lettersWidth(text: string, scale: number): number {
  let dots = 0;
  for (const ch of text.toUpperCase()) dots += (FONT[ch]?.[0]?.length ?? 0) + SPACING;
  return Math.max(0, dots - SPACING) * scale;
}

/** Letters drawn before: a step's name is drawn again every second, the same each time. */
const drawn = new Map<string, readonly string[]>();

/** `text` in large letters: `lettersHeight(scale)` rows of `lettersWidth(text, scale)` columns. */
export function bigLetters(text: string, scale: number): readonly string[] {
  const key = `${scale} ${text}`;
  let rows = drawn.get(key);
  if (!rows) {
    if (drawn.size > 32) drawn.clear();
    rows = drawLetters(text, scale);
    drawn.set(key, rows);
  }
  return rows;
}

function drawLetters(text: string, scale: number): string[] {
  const glyphs = [...text.toUpperCase()].map((ch) => FONT[ch] ?? FONT[" "]!);
  const dots: boolean[][] = Array.from({ length: DOT_ROWS * scale }, () => []);
  glyphs.forEach((glyph, i) => {
    for (let y = 0; y < DOT_ROWS * scale; y++) {
      const row = glyph[Math.floor(y / scale)]!;
      for (const ch of row) for (let k = 0; k < scale; k++) dots[y]!.push(ch === "#");
      if (i < glyphs.length - 1) for (let k = 0; k < SPACING * scale; k++) dots[y]!.push(false);
    }
  });
  const rows: string[] = [];
  for (let y = 0; y < dots.length; y += 2) {
    const top = dots[y]!;
    const bottom = dots[y + 1] ?? [];
    let line = "";
    for (let x = 0; x < top.length; x++) {
      const t = top[x];
      const b = bottom[x] ?? false;
      line += t && b ? "█" : t ? "▀" : b ? "▄" : " ";
    }
    rows.push(line);
  }
  return rows;
}

/**
 * Breaks `text` into at most `maxLines` lines that each fit `width` columns at `scale`, at
 * spaces; undefined when it cannot.
 */
export function fitLetters(text: string, width: number, scale: number, maxLines: number) {
  if (!canSpell(text)) return undefined;
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && lettersWidth(`${last} ${word}`, scale) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else if (lettersWidth(word, scale) <= width) lines.push(word);
    else return undefined;
  }
  return lines.length > 0 && lines.length <= maxLines ? lines : undefined;
}
