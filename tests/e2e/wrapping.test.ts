import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayWidth, prepareWidths, stripAnsi } from "../../src/ui/text.js";
import { knotInPty } from "./pty.js";
import { isolatedEnv, knot, minuteRecord } from "./run-knot.js";

/**
 * Every command that prints prose, as a person reads it at a terminal 80 columns wide: no line
 * longer than the terminal, and no word cut at a line's end, in English and in the pseudo-locale
 * (whose messages are a third longer and marked ⟦…⟧).
 */
const WIDTH = 80;

/** Commands that print prose (and list's table); `report` writes its file where it is told. */
const COMMANDS: { name: string; args: (home: string) => string[] }[] = [
  { name: "safety", args: () => ["safety"] },
  { name: "safety --screen --none-apply", args: () => ["safety", "--screen", "--none-apply"] },
  { name: "today", args: () => ["today"] },
  { name: "stats", args: () => ["stats"] },
  { name: "remind list", args: () => ["remind", "list"] },
  { name: "show", args: () => ["show", "stretch"] },
  { name: "checkin --list", args: () => ["checkin", "--list"] },
  { name: "list", args: () => ["list"] },
  { name: "report", args: (home) => ["report", "--out", join(home, "report.html")] },
  { name: "history", args: () => ["history"] },
  { name: "an error with a hint", args: () => ["safety", "red-flags"] },
  { name: "help", args: () => ["--help"] },
  { name: "safety's help", args: () => ["safety", "--help"] },
  { name: "start's help", args: () => ["start", "--help"] },
  { name: "remind's help", args: () => ["remind", "--help"] },
];

const LANGS = ["en", "pseudo"] as const;

/** The lines of what a terminal shows, without colour or cursor codes. */
function screenLines(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal codes are control characters
  const codes = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
  return stripAnsi(text.replace(codes, "")).replace(/\r/g, "").split("\n");
}

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** A word without the pseudo-locale's marks and padding: what a person reads. */
const letters = (word: string) => word.replace(/[\u00b7\u27e6\u27e7]/g, "");

/**
 * Whether `part`, at the start or end of a line, is a piece of a word cut as it may be: a word
 * longer than a line (a long path), or a word's pseudo-locale padding cut after the word.
 */
function cutAsAllowed(part: string, whole: Set<string>): boolean {
  return [...whole].some(
    (word) =>
      displayWidth(word) > WIDTH - 8 &&
      word.includes(part) &&
      (letters(part) === "" ||
        letters(part) === letters(word) ||
        displayWidth(letters(word)) > WIDTH - 8),
  );
}

/** Lines longer than the width, and line-ending or -starting fragments that are no whole word. */
function layoutProblems(lines: string[], whole: Set<string>): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (displayWidth(line) > WIDTH) problems.push(`${displayWidth(line)} columns: ${line}`);
    const parts = line.split(/\s+/).filter(Boolean);
    for (const part of [parts[0], parts.at(-1)]) {
      // a table's cell cut short shows it with an ellipsis
      if (part === undefined || part.endsWith("\u2026")) continue;
      if (!whole.has(part) && !cutAsAllowed(part, whole)) {
        problems.push(`cut word "${part}" in: ${line}`);
      }
    }
  }
  return problems;
}

/**
 * Messages marked twice over (⟦⟦…⟧·⟧): the same words passed through the text layer twice, as
 * when a table holds a message another table already gave. A message given to another as a
 * part (⟦Start ⟦Neck stretch⟧?⟧) is not this: words of the whole stand around it.
 */
function markedTwice(text: string): string[] {
  return text.replace(/\n/g, " ").match(/\u27e6\u27e6[^\u27e6\u27e7]*\u27e7\u00b7*\u27e7/g) ?? [];
}

/** A self-massage and a cold session minutes ago: today, stats and history have lines to show. */
function seedHistory(env: NodeJS.ProcessEnv): void {
  const now = Date.now();
  const record = (id: string, msAgo: number, step: object) => minuteRecord(now, id, msAgo, step);
  const dir = join(env.XDG_DATA_HOME!, "knot");
  mkdirSync(dir, { recursive: true });
  const lines = [
    record("rolling", 5 * 60_000, { kind: "massage", area: "upper-back" }),
    record("ice", 15 * 60_000, { kind: "cold" }),
  ];
  writeFileSync(join(dir, "history.jsonl"), `${lines.map((r) => JSON.stringify(r)).join("\n")}\n`);
}

function run(env: NodeJS.ProcessEnv, args: string[], columns: number): string {
  const out = knot(args, { env: { ...env, COLUMNS: String(columns) } });
  return `${out.stdout}\n${out.stderr}`;
}

describe("prose fits an 80-column terminal, cut only between words", () => {
  for (const lang of LANGS) {
    for (const command of COMMANDS) {
      it(`${command.name} (${lang}), piped with COLUMNS=80 and at an 80-column terminal`, async () => {
        const env = isolatedEnv({ KNOT_LANG: lang, TERM: "xterm-256color", NO_COLOR: "1" });
        const home = env.HOME!;
        seedHistory(env);
        const args = command.args(home);
        // the words as knot writes them with room to spare: the whole words a line may end in
        const wide = run(env, args, 1000);
        await prepareWidths([wide]);
        const whole = words(wide);
        if (lang === "pseudo") expect(markedTwice(wide)).toEqual([]);
        const piped = screenLines(run(env, args, WIDTH));
        expect(piped.join("\n").trim().length).toBeGreaterThan(0);
        expect(layoutProblems(piped, whole)).toEqual([]);

        const term = knotInPty(args, { cols: WIDTH, rows: 50, env });
        await term.exited;
        const shown = screenLines(term.output());
        expect(shown.join("").trim().length).toBeGreaterThan(0);
        expect(layoutProblems(shown, whole)).toEqual([]);
      });
    }
  }
});
