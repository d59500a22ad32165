/**
 * Large digits for the countdown, readable from the mat two metres away: a seven-segment font
 * kept as data, drawn in full blocks at a scale that grows with the terminal. Seven segments
 * change few cells from one second to the next, so the screen writer sends little.
 */

// Segments: a top, b upper right, c lower right, d bottom, e lower left, f upper left, g middle.
const SEGMENTS: Record<string, string> = {
  "0": "abcdef",
  "1": "bc",
  "2": "abdeg",
  "3": "abcdg",
  "4": "bcfg",
  "5": "acdfg",
  "6": "acdefg",
  "7": "abc",
  "8": "abcdefg",
  "9": "abcdfg",
};

/**
 * The filled cell: a full block reads as solid from across a room, where `#` outlines blur to
 * grey. Seven segments keep the changed cells few, so the three bytes a block costs stay cheap.
 */
export const INK = "█";
/** Columns in a vertical stroke: two from scale 2, about as thick as a horizontal one. */
const stroke = (scale: number) => (scale >= 2 ? 2 : 1);

export const glyphHeight = (scale: number): number => 4 * scale + 1;
export const digitWidth = (scale: number): number => 3 * scale + 3;
const GAP = 2;

/** Columns that `text` (digits and colons) takes at `scale`. */
export function bigWidth(text: string, scale: number): number {
  let width = 0;
  for (const ch of text) width += (ch === ":" ? stroke(scale) : digitWidth(scale)) + GAP;
  return Math.max(0, width - GAP);
}

/** A digit's rows at a scale, drawn once: the clock asks for them every second. */
const glyphs = new Map<string, string[]>();
function glyph(ch: string, scale: number): string[] {
  const key = `${ch}${scale}`;
  let rows = glyphs.get(key);
  if (!rows) {
    if (glyphs.size > 64) glyphs.clear();
    rows = drawGlyph(ch, scale);
    glyphs.set(key, rows);
  }
  return rows;
}

function drawGlyph(ch: string, scale: number): string[] {
  const h = glyphHeight(scale);
  const sw = stroke(scale);
  if (ch === ":") {
    return Array.from({ length: h }, (_, r) =>
      r === scale || r === 3 * scale ? INK.repeat(sw) : " ".repeat(sw),
    );
  }
  const w = digitWidth(scale);
  const on = SEGMENTS[ch] ?? "";
  const mid = 2 * scale;
  const bottom = 4 * scale;
  const rows: string[] = [];
  for (let r = 0; r < h; r++) {
    const horizontal =
      (r === 0 && on.includes("a")) ||
      (r === mid && on.includes("g")) ||
      (r === bottom && on.includes("d"));
    if (horizontal) {
      rows.push(INK.repeat(w));
      continue;
    }
    const upper = r < mid;
    const left = on.includes(upper ? "f" : "e") && r !== mid;
    const right = on.includes(upper ? "b" : "c") && r !== mid;
    // Where a horizontal segment meets an unlit one, its end still shows as a corner.
    rows.push(
      (left ? INK.repeat(sw) : " ".repeat(sw)) +
        " ".repeat(w - 2 * sw) +
        (right ? INK.repeat(sw) : " ".repeat(sw)),
    );
  }
  return rows;
}

/** `text` (digits and colons) as rows of large characters. */
export function bigText(text: string, scale: number): string[] {
  const glyphs = [...text].map((ch) => glyph(ch, scale));
  return Array.from({ length: glyphHeight(scale) }, (_, r) =>
    glyphs.map((g) => g[r]).join(" ".repeat(GAP)),
  );
}

/**
 * The largest scale whose digits are at most about a third of the terminal's height (never
 * under 5 rows) and fit its width; 0 when even the smallest does not fit.
 */
export function fitScale(text: string, width: number, height: number): number {
  let scale = 0;
  for (let k = 1; k <= 8; k++) {
    const fitsHeight = glyphHeight(k) <= Math.max(5, Math.floor(height / 3));
    if (!fitsHeight || bigWidth(text, k) > width) break;
    scale = k;
  }
  return scale;
}
