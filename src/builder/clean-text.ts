import { UNSAFE } from "../ui/safe.js";

export type Cleaned = { ok: true; text: string } | { ok: false; reason: "empty" | "too-long" };

// A terminal escape sequence whole (CSI, OSC, or ESC and one character), so none of it is kept.
const SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing escape sequences is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|.)?|\u009b[0-?]*[ -/]*[@-~]/gsu;

/**
 * Text a person typed, made safe to keep in a routine: escape sequences and control
 * characters removed, runs of spaces (and line breaks) made one space, ends trimmed. Empty or
 * too long for the format is refused rather than cut, so nothing is silently lost.
 */
export function cleanText(raw: string, max: number): Cleaned {
  const text = raw.replace(SEQUENCE, "").replace(UNSAFE, " ").replace(/\s+/gu, " ").trim();
  if (text === "") return { ok: false, reason: "empty" };
  if ([...text].length > max) return { ok: false, reason: "too-long" };
  return { ok: true, text };
}
