import { describe, expect, it } from "vitest";
import { proseWriter, textWidth } from "../../src/output.js";
import { pseudo } from "../../src/text/locale.js";
import { displayWidth, prepareWidths, stripAnsi, wrap, wrapIndented } from "../../src/ui/text.js";

const SOURCE =
  "  (Midlands Partnership NHS FT; Mayo Clinic Press; Bleakley et al. 2006; Cochrane CD004750)";

/** The words of `text`, as spaces part them. */
const words = (text: string) => stripAnsi(text).split(/\s+/).filter(Boolean);

describe("wrap", () => {
  it("breaks at spaces, every line within the width, every word whole", () => {
    const lines = wrap(SOURCE, 40);
    expect(lines.every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(lines.flatMap(words)).toEqual(words(SOURCE));
    expect(lines.at(-1)).toBe("Cochrane CD004750)");
  });

  it("cuts a word only when it is longer than a line, into pieces that fill the lines", () => {
    const long = "x".repeat(25);
    expect(wrap(`a ${long} b`, 10)).toEqual(["a xxxxxxxx", "xxxxxxxxxx", "xxxxxxx b"]);
    expect(wrap(`a ${"x".repeat(9)} b`, 10)).toEqual(["a", "xxxxxxxxx", "b"]);
  });

  it("measures wide characters as two columns and never cuts one in half", async () => {
    await prepareWidths(["日本語"]);
    const lines = wrap("日本語の文章 です ます", 7);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(7);
    expect(lines[0]).toBe("日本語"); // six columns: a fourth character would not fit
    const flag = "🇬🇧";
    expect(wrap(flag.repeat(5), 4)).toEqual([flag.repeat(2), flag.repeat(2), flag]);
  });

  it("cuts a pseudo-locale message's long padding, never the word before it", () => {
    const text = "a knot that has not released after a few weeks of gentle self-care";
    const lines = wrap(pseudo(text), 20);
    expect(lines.every((l) => displayWidth(l) <= 20)).toBe(true);
    const letters = lines.map((l) => l.replace(/[\u00b7\u27e6\u27e7]/g, "")).join(" ");
    expect(words(letters)).toEqual(words(text));
    // the padding (a third: 23 columns) comes in pieces of dots after the last word, the
    // closing mark on the last piece, and a line breaks between pieces, never inside a word
    const [last, end] = lines.slice(-2);
    expect(last).toBe("self-care \u00b7".padEnd(20, "\u00b7"));
    expect(end).toMatch(/^\u00b7+\u27e7$/);
    expect(` ${last!.slice("self-care ".length)} ${end!.slice(0, -1)}`.length).toBe(
      Math.ceil(text.length / 3),
    );
  });

  it("gives colour codes no room", () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const lines = wrap(`${red("alpha")} beta ${red("gamma")}`, 10);
    expect(lines.map(stripAnsi)).toEqual(["alpha beta", "gamma"]);
  });
});

describe("wrapIndented", () => {
  it("keeps a line that fits exactly as it is, spaces and all", () => {
    expect(wrapIndented("  a    table   row", 40)).toEqual(["  a    table   row"]);
  });

  it("hangs a list item's continuation lines under its text", () => {
    const item = "  - numbness, tingling or weakness in both legs, or numbness around the genitals";
    const lines = wrapIndented(item, 40);
    expect(lines[0]!.startsWith("  - numbness")).toBe(true);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(lines.every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(lines.flatMap(words)).toEqual(words(item));
  });

  it("hangs a source's continuation lines under its bracket", () => {
    const lines = wrapIndented(SOURCE, 50);
    expect(lines).toEqual([
      "  (Midlands Partnership NHS FT; Mayo Clinic Press;",
      "   Bleakley et al. 2006; Cochrane CD004750)",
    ]);
  });

  it("hangs pseudo-locale text under its marker, the closing mark after the last piece of padding", () => {
    const marked = pseudo(SOURCE);
    const lines = wrapIndented(marked, 60);
    expect(lines.every((l) => displayWidth(l) <= 60)).toBe(true);
    expect(lines.flatMap(words)).toEqual(words(marked));
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(lines.join("\n")).toMatch(/CD004750\)(?:\s+·+)+⟧$/);
    const item = `  ${pseudo("- a sign that needs a doctor today, and another one that needs one too")}`;
    for (const line of wrapIndented(item, 40).slice(1)) expect(line).toMatch(/^ {5}\S/);
  });

  it("keeps a colour code that starts the line in front of it", () => {
    const dim = `\u001b[2m${SOURCE}\u001b[22m`;
    const lines = wrapIndented(dim, 50);
    expect(lines[0]!.startsWith("\u001b[2m  (Midlands")).toBe(true);
    expect(lines.map(stripAnsi)).toEqual(wrapIndented(SOURCE, 50));
  });
});

describe("proseWriter", () => {
  const sink = (isTTY: boolean, columns?: number) => {
    const written: string[] = [];
    return { written, stream: { isTTY, columns, write: (t: string) => written.push(t) } };
  };

  it("wraps to the terminal's width, painting each line after wrapping", () => {
    const { written, stream } = sink(true, 50);
    proseWriter(stream, {})(SOURCE, (l) => `<${l}>`);
    expect(written.join("")).toBe(
      "<  (Midlands Partnership NHS FT; Mayo Clinic Press;>\n<   Bleakley et al. 2006; Cochrane CD004750)>\n",
    );
  });

  it("uses COLUMNS when printing to a pipe, and 80 without it", () => {
    expect(textWidth({ write: () => 0 }, { COLUMNS: "60" })).toBe(60);
    expect(textWidth({ write: () => 0 }, {})).toBe(80);
    expect(textWidth({ write: () => 0, isTTY: true, columns: 120 }, { COLUMNS: "60" })).toBe(120);
  });

  it("keeps each line whole on a pipe, unless COLUMNS asks for a width", () => {
    const piped = sink(false);
    proseWriter(piped.stream, {})(SOURCE);
    expect(piped.written.join("")).toBe(`${SOURCE}\n`);
    const narrow = sink(false);
    proseWriter(narrow.stream, { COLUMNS: "50" })(SOURCE);
    expect(narrow.written.join("").split("\n")[0]).toBe(
      "  (Midlands Partnership NHS FT; Mayo Clinic Press;",
    );
  });

  it("never goes past its own limit on a wide terminal", () => {
    const { written, stream } = sink(true, 200);
    proseWriter(stream, {}, 50)(SOURCE);
    expect(written.join("").split("\n")[0]).toBe(
      "  (Midlands Partnership NHS FT; Mayo Clinic Press;",
    );
  });
});
