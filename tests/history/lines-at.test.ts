import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLinesAt } from "../../src/history/lines-at.js";
import { tempDir } from "../helpers.js";

describe("reading lines at their places in a month file", () => {
  it("gives each line whole, in the order asked, near or far apart, whatever its characters", () => {
    const lines = [
      '{"n":"first"}',
      '{"n":"café ☀"}',
      "x".repeat(100_000),
      '{"n":"after a long gap"}',
      '{"n":"last"}',
    ];
    const file = join(tempDir(), "2026-11.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const places: { offset: number; bytes: number }[] = [];
    let offset = 0;
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      places.push({ offset, bytes });
      offset += bytes + 1;
    }
    const asked = [4, 1, 0, 3];
    expect(
      readLinesAt(
        file,
        asked.map((i) => places[i]!),
      ),
    ).toEqual(asked.map((i) => lines[i]));
    expect(readLinesAt(file, [places[2]!, places[2]!])).toEqual([lines[2], lines[2]]);
    expect(readLinesAt(file, [])).toEqual([]);
  });

  it("gives what is there of a line the file no longer holds in full", () => {
    const file = join(tempDir(), "2026-11.jsonl");
    writeFileSync(file, '{"n":1}\n{"n":2');
    expect(
      readLinesAt(file, [
        { offset: 8, bytes: 8 },
        { offset: 0, bytes: 7 },
      ]),
    ).toEqual(['{"n":2', '{"n":1}']);
  });
});
