import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { bar, barChart, columnChart, ratingLine } from "../../src/history/charts.js";
import { createStyle } from "../../src/ui/style.js";
import { displayWidth, stripAnsi } from "../../src/ui/text.js";

const plain = createStyle();
const coloured = createStyle(new Chalk({ level: 2 }));

describe("charts", () => {
  it("draws bars in eighths of a cell", () => {
    expect(bar(10, 10, 4)).toBe("████");
    expect(bar(5, 10, 4)).toBe("██");
    expect(bar(1, 10, 4)).toBe("▍");
    expect(bar(0, 10, 4)).toBe("");
    expect(bar(0.001, 10, 4)).toBe("▏"); // anything done shows
  });

  const rows = [
    { label: "stretch", value: 40, text: "40 min" },
    { label: "massage", value: 10, text: "10 min" },
  ];

  it.each([40, 80])(
    "fits labelled bars to %i columns, figures readable without colour",
    (width) => {
      const lines = barChart(rows, width, plain);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines[0]).toMatch(/^ {2}stretch {2}█+ +40 min$/);
      expect(lines[1]).toMatch(/^ {2}massage {2}█+[▏▎▍▌▋▊▉]? +10 min$/);
      // the bars keep their proportion: 10 is a quarter of 40
      const length = (line: string) => (line.match(/[█▏▎▍▌▋▊▉]/g) ?? []).length;
      expect(Math.abs(length(lines[1]!) * 4 - length(lines[0]!))).toBeLessThanOrEqual(4);
      expect(lines).toMatchSnapshot();
    },
  );

  it("colours the bars only, when colour is on", () => {
    const lines = barChart(rows, 40, coloured);
    expect(lines[0]).toContain("\u001b[36m");
    expect(stripAnsi(lines[0]!)).toBe(barChart(rows, 40, plain)[0]);
  });

  it.each([40, 80])(
    "draws a column a day at %i columns, keeping the latest days that fit",
    (width) => {
      const values = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? 0 : (i % 5) + 1));
      const labels = values.map((_, i) => `d${i + 1}`);
      const lines = columnChart(values, labels, width, 4, "minutes", plain);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatch(/^ {2} 5 /);
      expect(lines[3]).toMatch(/^ {2} 0 /);
      expect(lines[4]!.trim()).toMatch(
        width < 66 ? new RegExp(`^d${60 - (width - 6) + 1} +d60$`) : /^d1 +d60$/,
      );
      expect(lines[5]).toContain(
        width < 66 ? `(minutes a day, last ${width - 6} days)` : "(minutes a day)",
      );
      expect(lines).toMatchSnapshot();
    },
  );

  it("shows an empty period as a flat line", () => {
    const lines = columnChart([0, 0, 0], ["a", "b", "c"], 40, 2, "sessions", plain);
    expect(lines[1]).toContain("▁▁▁");
  });

  it("draws ratings from 0 (lowest block) to 10 (full block)", () => {
    expect(ratingLine([0, 5, 10], 10)).toBe("▁▅█");
    expect(ratingLine([0, 1, 2, 10], 2)).toBe("▂█"); // only the latest that fit
  });
});
