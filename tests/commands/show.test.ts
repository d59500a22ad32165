import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { testContext } from "../helpers.js";

const BRAILLE = /[\u2801-\u28ff]/u;
const brailleLines = (text: string) => text.split("\n").filter((line) => BRAILLE.test(line));

describe("knot show draws the poses", () => {
  it("beside the steps at a wide terminal, each pose once", async () => {
    const { ctx, stdout } = testContext({ isTTY: true, columns: 120 });
    expect(await run(["show", "stretch"], ctx)).toBe(0);
    const text = stdout.text();
    const lines = text.split("\n");
    // The figure starts on the step's own line, to the right of its name and time.
    const knee = lines.find((line) => line.includes("2 × Knee to chest"))!;
    expect(knee).toMatch(/hold\s+[\u2800-\u28ff]/u);
    // Sitting tall is drawn at "Sit up", and not again at "Relax" or "Rest".
    const sitUp = lines.findIndex((line) => line.includes("Sit up"));
    const relax = lines.findIndex((line) => line.includes("Relax"));
    const total = lines.findIndex((line) => line.includes("Total"));
    expect(brailleLines(lines.slice(sitUp, sitUp + 8).join("\n")).length).toBeGreaterThan(3);
    expect(lines[relax]).not.toMatch(BRAILLE);
    expect(lines[total - 2]).toContain("Rest");
    expect(lines.slice(total - 2, total).join("\n")).not.toMatch(BRAILLE);
    // A movement shows its frames with an arrow between them.
    const cat = lines.findIndex((line) => line.includes("Cat stretch"));
    expect(
      lines.slice(cat, cat + 8).some((line) => /[\u2800-\u28ff]\s*→\s*[\u2800-\u28ff]/u.test(line)),
    ).toBe(true);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(120);
    // Words stay whole: every step and its instructions are still there.
    expect(text).toMatch(/Total 9m 45s/);
  });

  it.each([
    ["piped", { isTTY: false, columns: 120 }, {}],
    ["at a narrow terminal", { isTTY: true, columns: 80 }, {}],
    ["with TERM=dumb", { isTTY: true, columns: 120 }, { TERM: "dumb" }],
  ])("not when %s: words only", async (_label, stream, env) => {
    const { ctx, stdout } = testContext(stream);
    Object.assign(ctx.env, env);
    expect(await run(["show", "stretch"], ctx)).toBe(0);
    expect(stdout.text()).not.toMatch(BRAILLE);
    expect(stdout.text()).toMatch(/2 × Knee to chest\s+20s each side\s+hold\n/);
  });

  it("not for someone who chose plain display", async () => {
    const { ctx, stdout } = testContext({ isTTY: true, columns: 120 });
    expect(await run(["config", "set", "display", "plain"], ctx)).toBe(0);
    expect(await run(["show", "desk-break"], ctx)).toBe(0);
    expect(stdout.text()).not.toMatch(BRAILLE);
  });

  it("not with --json, even at a wide terminal", async () => {
    const { ctx, stdout } = testContext({ isTTY: true, columns: 120 });
    expect(await run(["show", "stretch", "--json"], ctx)).toBe(0);
    expect(stdout.text()).not.toMatch(BRAILLE);
    expect(() => JSON.parse(stdout.text())).not.toThrow();
  });

  it("the same with colour off: figures are plain characters", async () => {
    const plain = testContext({ isTTY: true, columns: 120, color: false });
    const coloured = testContext({ isTTY: true, columns: 120, color: true });
    await run(["show", "desk-break"], plain.ctx);
    await run(["show", "desk-break"], coloured.ctx);
    const strip = stripVTControlCharacters;
    expect(coloured.stdout.text()).not.toBe(plain.stdout.text());
    expect(brailleLines(strip(coloured.stdout.text()))).toEqual(brailleLines(plain.stdout.text()));
    expect(brailleLines(plain.stdout.text()).length).toBeGreaterThan(20);
  });
});

describe("knot show lists paced repetitions", () => {
  it("with the step's time, piped or not", async () => {
    const { ctx, stdout } = testContext({ isTTY: false });
    expect(await run(["show", "stretch"], ctx)).toBe(0);
    const tilts = stdout
      .text()
      .split("\n")
      .find((line) => line.includes("Pelvic tilts"));
    expect(tilts).toMatch(/50s \(5 × 5s hold, 5s rest\)/);
    const heels = stdout
      .text()
      .split("\n")
      .find((line) => line.includes("Bottom to heels"));
    expect(heels).toMatch(/1m \(10 × 3s in, 3s out\)/);
  });
});
