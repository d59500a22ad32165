import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSettings } from "../../src/config/store.js";
import { appendScreening, forgetKeptAnswers, readAnswers } from "../../src/safety/screening-log.js";
import { tempDir } from "../helpers.js";

/** The answers an earlier knot kept (screening.json, in the settings folder). */
describe("the kept screening answers", () => {
  const at = "2026-11-29T09:00:00.000Z";

  function folders(kept: string) {
    const config = tempDir();
    const data = tempDir();
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, "screening.json"), kept);
    return { config, data };
  }

  it("are read as answers given ahead of time", async () => {
    const { config, data } = folders(JSON.stringify({ massage: at }));
    const answers = readAnswers(data, await readSettings(config, () => {}), () => {});
    expect(answers).toEqual([
      { at: Date.parse(at), lists: ["massage"], answer: "none", via: "settings" },
    ]);
  });

  it("a file knot cannot read is said, and counts as no answers, so knot asks", async () => {
    const { config, data } = folders("{ not json");
    const recorded = { at: Date.parse(at), lists: ["heat" as const], answer: "none" as const };
    appendScreening(data, [recorded]);
    const warnings: string[] = [];
    const answers = readAnswers(data, await readSettings(config, () => {}), (m) =>
      warnings.push(m),
    );
    expect(answers).toEqual([recorded]);
    expect(warnings.join("\n")).toMatch(
      /earlier safety answers could not be read \(.*screening\.json.*\): knot asks them again/,
    );
  });

  it("knot safety --reset forgets them, after moving them from an older knot's file", async () => {
    const config = tempDir();
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, "config.json"), JSON.stringify({ screening: { massage: at } }));
    forgetKeptAnswers(config);
    expect(existsSync(join(config, "screening.json"))).toBe(false);
    expect((await readSettings(config, () => {})).internal("screening")).toBeUndefined();
  });
});
