import { appendFileSync } from "node:fs";
import { expect, onTestFinished } from "vitest";
import { PSEUDO_CLOSE, PSEUDO_OPEN } from "../../src/text/locale.js";

/**
 * The pseudo-locale's check. When the tests run with KNOT_LANG=pseudo, every message knot
 * prints is marked ⟦…⟧ by the text layer; a line that still holds a word (two letters or more)
 * once the marked spans are taken out printed words that did not come through the text layer.
 * Digits, bars, braille spinners, box drawing and single-letter keys may stand outside.
 * KNOT_PSEUDO_CHECK=1 runs the check on English output too: how much a run prints at all.
 */
export const PSEUDO_ACTIVE =
  process.env.KNOT_LANG === "pseudo" || process.env.KNOT_PSEUDO_CHECK === "1";

const WORD = /\p{L}{2,}/u;

/**
 * A message without its closing mark and the lengthening before it: what its words look like
 * at the start of a longer message that holds it as a part ("⟦Finished: Short routine ···⟧"
 * begins with "Finished" written as "⟦Finished ··⟧" without " ··⟧"). English is unchanged.
 */
export const openEnded = (message: string): string =>
  message.replace(new RegExp(`(?: ?\u00b7+)*${PSEUDO_CLOSE}$`), "");

/** Marks a line that the terminal's own line change began (no cursor move in between). */
const GOES_ON = "\u0000";

/** Cursor movements, screen clearing and the like: where one piece of the screen ends. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are control characters
const CURSOR = /\u001b\[[0-9;?]*[A-HJKSTfhlnsu]|\u001b[78=>]|\u001b\][^\u0007]*\u0007|\r/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are control characters
const FORWARD = /\u001b\[(\d*)C/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are control characters
const STYLE = /\u001b\[[0-9;]*m/g;

/**
 * The lines of `output` that keep a word outside the markers. Marks may nest and may span the
 * lines a long message was wrapped onto; a span cut short by truncation ("…") ends with its line.
 */
export function unmarkedLines(output: string): string[] {
  // a move forward on the same line skips cells a screen keeps as they were: the line goes on
  // a line the terminal's own line change (\r, \n) began goes on from the one before it
  const text = output
    .replace(STYLE, "")
    .replace(FORWARD, (_, n: string) => " ".repeat(Number(n || 1)))
    .replace(/\r\n|\r|\n/g, `\n${GOES_ON}`)
    .replace(CURSOR, "\n");
  const found: string[] = [];
  let depth = 0;
  // the lines with words and no mark that the terminal's own line changes led to this one
  let unmarked: string[] = [];
  for (const piece of text.split("\n")) {
    const line = piece.startsWith(GOES_ON) ? piece.slice(1) : piece;
    if (line === piece) unmarked = [];
    let outside = "";
    let marked = false;
    for (const ch of line) {
      if (ch === PSEUDO_OPEN) {
        depth++;
        marked = true;
      } else if (ch === PSEUDO_CLOSE) {
        // A close with none open: this piece redraws the end of a message already on screen
        // (a screen rewrites a line from its first change), so what came before was inside it:
        // on this line, and on the lines without a mark written just before it, which the
        // message was wrapped onto, its opening among the cells the screen kept as they were.
        if (depth === 0) {
          outside = "";
          if (!marked) for (const before of unmarked) found.splice(found.lastIndexOf(before), 1);
        }
        depth = Math.max(0, depth - 1);
        marked = true;
      } else if (depth === 0) outside += ch;
    }
    if (line.trimEnd().endsWith("\u2026")) depth = 0;
    const words = WORD.test(outside);
    if (words) found.push(line);
    unmarked = !marked && words ? [...unmarked, line] : [];
  }
  return found;
}

/** Whether an invocation's stdout is for a program to read (not through the text layer). */
export function forPrograms(args: readonly string[]): boolean {
  return (
    args.some(
      (a, i) =>
        a === "--json" ||
        a === "--csv" ||
        a.startsWith("--export") ||
        (a === "--events" && args[i + 1] === "-") ||
        a === "--events=-",
    ) ||
    reportHtml(args) ||
    shellScript(args)
  );
}

/**
 * `knot completion <shell>` writes a script for the shell to source, and `knot __complete` the
 * words a shell offers: both are read by a program. Its help and its errors are a person's.
 */
function shellScript(args: readonly string[]): boolean {
  if (args.includes("--help") || args.includes("-h")) return false;
  return args[0] === "__complete" || (args[0] === "completion" && args.length > 1);
}

/** `knot report` writes its HTML page to standard output without --out, or with --out -. */
function reportHtml(args: readonly string[]): boolean {
  if (args[0] !== "report" || args.includes("--help") || args.includes("-h")) return false;
  const out = args.indexOf("--out");
  if (out !== -1) return args[out + 1] === "-";
  const given = args.find((a) => a.startsWith("--out="));
  return given === undefined || given === "--out=-";
}

/**
 * Checks what one invocation printed once the test is over (so the test's own assertions run
 * first), or at once outside a test; fails with the invocation and every unmarked line.
 */
export function checkPseudo(
  args: readonly string[],
  outputs: () => { stdout?: string; stderr?: string; terminal?: string },
  /** The language the invocation was run in: one a test sets to another is not checked. */
  lang?: string,
): void {
  if (!PSEUDO_ACTIVE || (lang !== undefined && lang !== "pseudo")) return;
  const check = () => {
    const { stdout, stderr, terminal } = outputs();
    const lines = [
      ...(stdout !== undefined && !forPrograms(args) ? unmarkedLines(stdout) : []),
      ...(stderr !== undefined ? unmarkedLines(stderr) : []),
      ...(terminal !== undefined ? unmarkedLines(terminal) : []),
    ];
    // KNOT_PSEUDO_LOG=<file> keeps a tally of what is left, one line per unmarked line
    const log = process.env.KNOT_PSEUDO_LOG;
    if (log && lines.length > 0) {
      const test = expect.getState().testPath ?? "";
      appendFileSync(log, lines.map((l) => `${test}\t${args.join(" ")}\t${l}\n`).join(""));
    }
    expect(lines, `unmarked words printed by: knot ${args.join(" ")}`).toEqual([]);
  };
  try {
    onTestFinished(check);
  } catch {
    check();
  }
}
