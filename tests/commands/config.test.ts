import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configReset, configSet } from "../../src/commands/config.js";
import { readReminderSettings, readSettings } from "../../src/config/store.js";
import { testContext } from "../helpers.js";

describe("knot config reset", () => {
  const reminder = {
    id: "r1",
    kind: "once",
    routine: "stretch",
    at: "2026-12-01T09:00:00.000Z",
    createdAt: "2026-11-01T08:00:00.000Z",
  };
  const answers = { "red-flags": "2026-11-29T09:00:00.000Z" };

  /** A person with a setting, a reminder and screening answers, as an older knot kept them. */
  function person() {
    const t = testContext();
    const dir = t.ctx.paths.config;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "config.json"),
      JSON.stringify({ leadIn: 12, reminders: [reminder], screening: answers }),
    );
    return { ...t, dir };
  }

  it("puts the settings back to their defaults and keeps reminders and screening answers", async () => {
    const { ctx, stdout, dir } = person();
    await configSet("voice", "on", ctx);
    expect(await configReset(ctx)).toBe(0);
    const settings = await readSettings(dir, () => {});
    expect(settings.get("leadIn")).toBe(5);
    expect(settings.get("voice")).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, "config.json"), "utf8"))).toEqual({});
    // what it keeps, it says, and keeps
    expect(stdout.text()).toMatch(
      /back to their defaults\. Kept as they were: your reminders, your safety screening answers and your history/,
    );
    expect(readReminderSettings(dir).reminders).toEqual([reminder]);
    expect(settings.internal("screening")).toEqual(answers);
  });

  it("--json says the same as data", async () => {
    const { ctx, stdout, dir } = person();
    expect(await configReset(ctx, { json: true })).toBe(0);
    expect(JSON.parse(stdout.text())).toEqual({
      settings: "defaults",
      kept: ["reminders", "screening answers", "history"],
    });
    expect(readReminderSettings(dir).reminders).toEqual([reminder]);
  });
});
