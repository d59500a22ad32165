import { describe, expect, it, vi } from "vitest";
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudo } from "../../src/text/locale.js";
import { forPrograms, unmarkedLines } from "../e2e/pseudo.js";

const inside = (line: string) => line.trimStart().slice(1, -1);

describe("pseudo(): every message marked and a third longer", () => {
  it("marks every non-blank line of a message, keeping its indent and blank lines", () => {
    const out = pseudo("First line\n  indented line\n\nlast");
    const lines = out.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]?.startsWith(`${PSEUDO_OPEN}First line`)).toBe(true);
    expect(lines[1]?.startsWith(`  ${PSEUDO_OPEN}indented line`)).toBe(true);
    expect(lines[2]).toBe("");
    for (const line of [lines[0], lines[1], lines[3]]) {
      expect(line?.trimStart().startsWith(PSEUDO_OPEN)).toBe(true);
      expect(line?.endsWith(PSEUDO_CLOSE)).toBe(true);
    }
  });

  it("lengthens each line by a third (rounded up)", () => {
    for (const text of ["ab", "Hold the stretch", "Breathe out slowly, then let go."]) {
      const body = inside(pseudo(text));
      expect(body.startsWith(text)).toBe(true);
      expect([...body].length).toBe(text.length + Math.ceil(text.length / 3));
    }
  });

  it("keeps the spaces around a line outside the marks", () => {
    expect(pseudo("warning: ")).toBe(`${PSEUDO_OPEN}warning:···${PSEUDO_CLOSE} `);
    expect(pseudo("  Hold  ")).toBe(`  ${PSEUDO_OPEN}Hold··${PSEUDO_CLOSE}  `);
  });

  it("gives a part ending in a space (a label) to another message with its space", async () => {
    vi.stubEnv("KNOT_LANG", "pseudo");
    vi.resetModules();
    try {
      const { localized } = await import("../../src/text/locale.js");
      const t = localized({
        label: "warning: ",
        line: (label: string, what: string) => `${label}${what}`,
      });
      const line = t.line(t.label, "steps[0] is long");
      expect(line.startsWith(`${PSEUDO_OPEN}warning: steps[0] is long`)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("marks a message that holds another marked one again, nested", () => {
    const out = pseudo(`Start ${pseudo("Neck stretch")}?`);
    expect(out.startsWith(`${PSEUDO_OPEN}Start ${PSEUDO_OPEN}Neck stretch`)).toBe(true);
    expect(unmarkedLines(out)).toEqual([]);
  });
});

describe("the pseudo-locale check", () => {
  it("finds a word printed outside the markers, and the line it is on", () => {
    expect(unmarkedLines(`${pseudo("Hold")}\nReminder removed.\n`)).toEqual(["Reminder removed."]);
    expect(unmarkedLines(`${pseudo("Step 1")} of routine`)).toHaveLength(1);
    expect(unmarkedLines("ok")).toEqual(["ok"]);
  });

  it("passes marked text, digits, bars, braille, box drawing and single-letter keys", () => {
    const screen = [
      pseudo("Neck stretch: hold gently"),
      "  12:30  3/8  75%",
      "████████░░░░ ▏▎▍",
      "⠋ ⠙ ⠹",
      "┌────┐ │ x │ └────┘ ─ ═",
      "[q] [p] 5 s",
      `${pseudo("two")} ${pseudo("marked")} · 42`,
    ].join("\n");
    expect(unmarkedLines(screen)).toEqual([]);
  });

  it("follows a marked message wrapped onto several lines, and ends a truncated one", () => {
    const wrapped = `${PSEUDO_OPEN}A long message that\nwas wrapped onto\nthree lines···${PSEUDO_CLOSE}`;
    expect(unmarkedLines(wrapped)).toEqual([]);
    const truncated = `${PSEUDO_OPEN}A long message cut…\nthen a stray word`;
    expect(unmarkedLines(truncated)).toEqual(["then a stray word"]);
  });

  it("reads a terminal's output: styles dropped, cursor moves end a piece of the screen", () => {
    const marked = pseudo("Hold");
    expect(unmarkedLines(`\u001b[2J\u001b[H\u001b[1m${marked}\u001b[22m\u001b[3;1H12`)).toEqual([]);
    expect(unmarkedLines(`${marked}\u001b[5;1Hplain`)).toEqual(["plain"]);
    expect(unmarkedLines(`${marked}\rplain`)).toEqual(["plain"]);
  });

  it("reads a redrawn message's end as inside it, with the lines it was wrapped onto", () => {
    // the screen kept "  ⟦" of the row before and wrote the rest of a notice on two rows
    const redrawn = `  ${PSEUDO_OPEN}space\u001b[3;4HVoice is not reaching you: espeak-ng\r\n  failed.··${PSEUDO_CLOSE}`;
    expect(unmarkedLines(redrawn)).toEqual([]);
    // a line reached by a cursor move is not part of the message a later row ends
    const stray = `plain words\u001b[3;4H  failed.··${PSEUDO_CLOSE}`;
    expect(unmarkedLines(stray)).toEqual(["plain words"]);
    // nor is a line with a whole message of its own
    const own = `plain ${pseudo("Hold")}\r\n  failed.··${PSEUDO_CLOSE}`;
    expect(unmarkedLines(own)).toEqual([`plain ${pseudo("Hold")}`]);
  });

  it("leaves out what a program reads: --json, --csv, --export, --events -", () => {
    expect(forPrograms(["history", "--json"])).toBe(true);
    expect(forPrograms(["stats", "--csv"])).toBe(true);
    expect(forPrograms(["history", "--export", "x.json"])).toBe(true);
    expect(forPrograms(["start", "stretch", "--events", "-"])).toBe(true);
    expect(forPrograms(["start", "stretch", "--events", "ev.jsonl"])).toBe(false);
    expect(forPrograms(["list"])).toBe(false);
  });

  it("leaves out the report's HTML page on standard output, never the line saying where it went", () => {
    expect(forPrograms(["report"])).toBe(true);
    expect(forPrograms(["report", "--out", "-"])).toBe(true);
    expect(forPrograms(["report", "--out=-"])).toBe(true);
    expect(forPrograms(["report", "--out", "page.html"])).toBe(false);
    expect(forPrograms(["report", "--help"])).toBe(false);
  });
});
