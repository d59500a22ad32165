/**
 * The one layer that makes text knot did not write itself safe to print: values quoted in
 * errors, file names, command-line arguments, anything read from a file. Control characters
 * (which start terminal escape sequences: clipboard writes, title changes, cursor moves),
 * bidirectional overrides (which reorder what a line seems to say) and line separators are
 * shown as visible escapes, never sent raw. Long values are cut to a readable length.
 */

// C0 controls but tab and newline, DEL, C1 controls, the Arabic letter mark, left-to-right and
// right-to-left marks, line and paragraph separators, embeddings, overrides and isolates.
export const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;
const UNSAFE_IN_LINE = /[\t\n]/g;

const visible = (ch: string): string => {
  const code = ch.codePointAt(0)!;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Text with every unsafe character escaped; newlines and tabs are kept (`inLine` escapes them). */
export function safeText(text: string, options: { inLine?: boolean } = {}): string {
  const escaped = text.replace(UNSAFE, visible);
  return options.inLine ? escaped.replace(UNSAFE_IN_LINE, visible) : escaped;
}

/** UNSAFE without the global flag: test() keeps no place between calls (made once). */
const UNSAFE_ONE = new RegExp(UNSAFE.source, "u");

/**
 * Whether text holds anything `safeText` would escape: the check routine files and history
 * records are held to. `multiline` text may hold tabs and newlines.
 */
export function hasUnsafe(text: string, options: { multiline?: boolean } = {}): boolean {
  return UNSAFE_ONE.test(text) || (!options.multiline && /[\t\n]/.test(text));
}

/** A value quoted back to the person: one line, escaped, cut to `max` characters. */
export function quote(value: string, max = 40): string {
  const chars = [...value];
  const cut = chars.length > max ? `${chars.slice(0, max).join("")}…` : value;
  return `"${safeText(cut, { inLine: true })}"`;
}

/**
 * A CSV cell a spreadsheet shows as text: quoted when needed, and a leading =, +, -, @, tab or
 * carriage return (which start a formula) defused with an apostrophe, as OWASP advises.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  text = safeText(text, { inLine: true });
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * JSON with every character a terminal would act on written as a \u escape: the same data
 * for a script, nothing raw for a person reading it (JSON.stringify leaves C1 controls and
 * text-direction overrides as they are).
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    UNSAFE,
    (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}

/**
 * The JSON Schema pattern for text knot prints: something other than spaces, and nothing
 * `hasUnsafe` refuses (tabs and newlines only in `multiline` text). The validator checks the
 * same with hasUnsafe and trim().
 */
export function safeTextPattern(multiline: boolean): string {
  const unsafe = UNSAFE.source.slice(1, -1); // the class's contents, without [ ]
  const banned = multiline ? unsafe : `${unsafe}\\t\\n`;
  return `^(?=[\\s\\S]*\\S)[^${banned}]*$`;
}
