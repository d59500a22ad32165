import { describe, expect, it } from "vitest";
import { questionText } from "../../src/ui/asking.js";

describe("questions at a terminal", () => {
  it("wrap at word boundaries, at most 80 columns", () => {
    const long =
      "Clear your history? (/home/someone/.local/share/knot/history is kept as a backup, nothing is deleted)";
    for (const columns of [200, 80, 50]) {
      const lines = questionText(long, { write: () => true, columns }).split("\n");
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(Math.min(columns, 80));
      expect(lines.join(" ")).toBe(long); // no word cut
    }
  });
});
