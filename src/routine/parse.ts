import { describeFsError, readRegularFile } from "../files.js";
import { parseText } from "../text/parse.js";
import { issuesOf } from "../text/routine.js";
import { checkRoutineValue, type Issue } from "./validate.js";
import type { Routine } from "./vocabulary.js";

export const MAX_FILE_BYTES = 256 * 1024;

export type ParseResult =
  | { ok: true; routine: Routine; issues: Issue[] }
  /** `id`: the id the file claims, when it got that far, so `knot show <id>` can explain. */
  | { ok: false; issues: Issue[]; id?: string };

/**
 * Checks a parsed JSON value against the routine format (see `checkRoutineValue`), its problems
 * worded.
 */
export function validateRoutine(value: unknown): { routine?: Routine; issues: Issue[] } {
  const { routine, findings } = checkRoutineValue(value);
  const issues = issuesOf(findings);
  return routine ? { routine, issues } : { issues };
}

const fail = (message: string, path = ""): ParseResult => ({
  ok: false,
  issues: [{ severity: "error", path, message }],
});

/** "line 3, column 14" for a character offset into `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

/** Parses a routine from the bytes of a file: UTF-8, optional BOM, JSON, then the format. */
export function parseRoutineBytes(bytes: Uint8Array): ParseResult {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(parseText.tooBig(Math.ceil(bytes.byteLength / 1024)));
  }
  let text: string;
  try {
    // TextDecoder drops a leading byte order mark, which some editors add.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(parseText.notUtf8);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(describeJsonError(text, (error as Error).message));
  }
  const { routine, issues } = validateRoutine(value);
  if (routine) return { ok: true, routine, issues };
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? { ok: false, issues, id } : { ok: false, issues };
}

function describeJsonError(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  const token = /^Unexpected token '(.)'/u.exec(message);
  const offset = position
    ? Number(position[1])
    : token
      ? unexpectedAt(text, token[1]!)
      : text.length;
  const { line, column } = lineAndColumn(text, offset);
  const reason =
    offset >= text.trimEnd().length
      ? parseText.endsEarly
      : token
        ? parseText.unexpected(token[1]!)
        : parseText.jsonSays(
            message
              .replace(/\s*\(line \d+ column \d+\)/, "")
              .replace(/ in JSON at position \d+/, ""),
          );
  const lineText = text.split("\n")[line - 1] ?? "";
  const excerpt =
    lineText.length > 0 && lineText.length <= 120
      ? `\n    ${lineText.trimEnd()}\n    ${" ".repeat(Math.max(0, column - 1))}^`
      : "";
  return `${parseText.notJson(line, column, reason)}${excerpt}`;
}

/**
 * Where JSON.parse met an unexpected character, when its message does not say: the first
 * place the character stands outside a string that is not inside a word JSON knows (true,
 * false, null) or a number.
 */
export function unexpectedAt(text: string, ch: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (text.startsWith("true", i) || text.startsWith("null", i)) i += 3;
    else if (text.startsWith("false", i)) i += 4;
    else if (/[-\d]/.test(c)) {
      while (i + 1 < text.length && /[\d.eE+-]/.test(text[i + 1]!)) i++;
    } else if (c === ch) return i;
  }
  return text.length;
}

/** Reads and parses a routine file; problems reading it become issues, never exceptions. */
export function readRoutineFile(path: string): ParseResult {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return fail(parseText.folder);
    if (code === "ENOTREG") return fail(parseText.notRegular);
    if (code === "EFBIG") return fail(parseText.larger);
    if (code === "ENOENT") return fail(parseText.noSuchFile);
    if (code === "EACCES" || code === "EPERM") return fail(parseText.denied);
    return fail(parseText.unreadable(describeFsError(error)));
  }
  return parseRoutineBytes(bytes);
}
