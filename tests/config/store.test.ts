import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertConfigKey, parseConfigValue } from "../../src/config/keys.js";
import { openConfig, readSettings } from "../../src/config/store.js";
import { tempDir } from "../helpers.js";

describe("parseConfigValue", () => {
  it.each([
    ["sound", "true", true],
    ["sound", "off", false],
    ["voice", "YES", true],
    ["checkin", "0", false],
    ["leadIn", "10", 10],
    ["leadIn", "0", 0],
    ["display", "compact", "compact"],
    ["cold.minutes", "20", 20],
    ["cold.rounds", "4", 4],
    ["massage.dailyLimitMinutes", "8", 8],
  ] as const)("%s %s -> %j", (key, raw, value) => {
    expect(parseConfigValue(key, raw)).toBe(value);
  });

  it.each([
    ["sound", "maybe", /must be true or false/],
    ["leadIn", "-1", /whole number from 0 to 60/],
    ["leadIn", "5s", /whole number from 0 to 60/],
    ["leadIn", "1e1", /whole number/],
    ["cold.minutes", "21", /from 1 to 20/],
    ["cold.rounds", "5", /from 1 to 4/],
    ["display", "fancy", /one of full, compact, plain/],
    ["display", "ful", /Did you mean "full"/],
  ] as const)("%s %s is refused", (key, raw, message) => {
    expect(() => parseConfigValue(key, raw)).toThrow(message);
  });

  it("refuses an unknown key, suggesting the closest", () => {
    expect(() => assertConfigKey("leadin")).toThrow(
      /"leadin" is not a setting. Did you mean "leadIn"/,
    );
    expect(() => assertConfigKey("cold.minute")).toThrow(/Did you mean "cold.minutes"/);
  });
});

describe("openConfig", () => {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const fixedNow = () => new Date("2026-11-22T10:00:00.000Z");

  it("starts from the defaults and keeps what is set", async () => {
    const dir = tempDir();
    const store = await openConfig(dir, warn);
    expect(store.get("leadIn")).toBe(5);
    expect(store.get("cold.minutes")).toBe(10);
    expect(store.get("massage.dailyLimitMinutes")).toBe(6);
    store.set("cold.minutes", 12);
    const again = await openConfig(dir, warn);
    expect(again.get("cold.minutes")).toBe(12);
    expect(again.entries().find((e) => e.key === "cold.minutes")).toEqual({
      key: "cold.minutes",
      value: 12,
      isDefault: false,
    });
    again.unset("cold.minutes");
    expect((await openConfig(dir, warn)).get("cold.minutes")).toBe(10);
    again.set("voice", true);
    again.reset();
    expect((await openConfig(dir, warn)).get("voice")).toBe(false);
  });

  it.each([
    ["broken JSON", "{ leadIn: 5"],
    ["a value of the wrong type", JSON.stringify({ leadIn: "soon" })],
    ["a value out of range", JSON.stringify({ cold: { minutes: 45 } })],
    ["a list instead of an object", "[]"],
  ])("moves aside a file with %s, warns once, and uses defaults", async (_label, contents) => {
    warnings.length = 0;
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), contents);
    const store = await openConfig(dir, warn, fixedNow);
    expect(store.get("leadIn")).toBe(5);
    expect(store.get("cold.minutes")).toBe(10);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be read/);
    const aside = "config.json.bad-2026-11-22T10-00-00-000Z";
    expect(warnings[0]).toContain(aside);
    expect(readFileSync(join(dir, aside), "utf8")).toBe(contents); // nothing lost
    await openConfig(dir, warn, fixedNow);
    expect(warnings).toHaveLength(1); // reported once, not on every run
    // nothing new is written until the person sets something
    expect(readdirSync(dir).sort()).toEqual([aside]);
  });
});

describe("the settings file holds only what the person set", () => {
  const stored = (dir: string) => JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  /** What knot 0.1 wrote on first use: every default, with screening answers beside. */
  const pinned = {
    leadIn: 5,
    sound: true,
    voice: false,
    voiceWords: "instructions",
    notify: true,
    display: "full",
    cold: { minutes: 10, offMinutes: 15, rounds: 2 },
    massage: { dailyLimitMinutes: 6 },
    checkin: true,
  };

  it("first use, even reading a setting, writes nothing", async () => {
    const dir = tempDir();
    const store = await openConfig(dir, () => {});
    expect(store.get("massage.dailyLimitMinutes")).toBe(6);
    store.entries();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("set writes that key alone; unset removes it (and an emptied group)", async () => {
    const dir = tempDir();
    const store = await openConfig(dir, () => {});
    store.set("cold.minutes", 12);
    expect(stored(dir)).toEqual({ cold: { minutes: 12 } });
    store.set("voice", true);
    store.unset("cold.minutes");
    expect(stored(dir)).toEqual({ voice: true });
    store.unset("voice");
    expect(stored(dir)).toEqual({});
  });

  it("a file holding every default is cleaned once, keeping what was chosen and the rest", async () => {
    const dir = tempDir();
    const reminders = [{ id: "r1" }];
    writeFileSync(
      join(dir, "config.json"),
      JSON.stringify({ ...pinned, leadIn: 10, screening: { "red-flags": "x" } }),
    );
    // the coach's read-only view treats the pinned values as knot's defaults already
    const read = await readSettings(dir, () => {});
    expect(read.get("leadIn")).toBe(10);
    // opened to change anything, the file is cleaned: what was chosen stays, and the
    // screening answers are in a file of their own
    await openConfig(dir, () => {});
    expect(stored(dir)).toEqual({ leadIn: 10 });
    expect(JSON.parse(readFileSync(join(dir, "screening.json"), "utf8"))).toEqual({
      "red-flags": "x",
    });
    const { withoutPinnedDefaults } = await import("../../src/config/store.js");
    expect(withoutPinnedDefaults({ ...pinned, leadIn: 10, reminders })).toEqual({
      leadIn: 10,
      reminders,
    });
    // a file that does not hold every default is the person's own: left alone
    expect(withoutPinnedDefaults({ voice: false, leadIn: 5 })).toBeUndefined();
  });

  it("a settings file that is a symbolic link is refused, never written through", async () => {
    const { symlinkSync } = await import("node:fs");
    const dir = tempDir();
    const target = join(tempDir(), "elsewhere.json");
    writeFileSync(target, "{}");
    symlinkSync(target, join(dir, "config.json"));
    const store = await openConfig(dir, () => {});
    expect(() => store.set("voice", true)).toThrow(/is a symbolic link; knot never writes through/);
    expect(readFileSync(target, "utf8")).toBe("{}");
  });
});

describe("the reminders' reader and writer", () => {
  /** What knot 0.1 wrote on first use: every default, with a reminder beside. */
  const pinnedWithReminder = {
    leadIn: 5,
    sound: true,
    voice: false,
    voiceWords: "instructions",
    notify: true,
    display: "full",
    cold: { minutes: 10, offMinutes: 15, rounds: 2 },
    massage: { dailyLimitMinutes: 6 },
    checkin: true,
    reminders: [{ id: "r1", kind: "daily", time: "09:00", routine: "stretch" }],
  };

  it("a default pinned by an older knot gives way to knot's current default, as in settings", async () => {
    const { CONFIG_KEYS } = await import("../../src/config/keys.js");
    const { readReminderSettings } = await import("../../src/config/store.js");
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), JSON.stringify(pinnedWithReminder));
    const limit = CONFIG_KEYS["massage.dailyLimitMinutes"];
    const before = limit.default;
    // as if a later knot changed the default the file was written from
    (limit as { default: number }).default = before - 1;
    try {
      const read = readReminderSettings(dir);
      expect(read.settings.get("massage.dailyLimitMinutes")).toBe(before - 1);
      expect((await readSettings(dir, () => {})).get("massage.dailyLimitMinutes")).toBe(before - 1);
    } finally {
      (limit as { default: number }).default = before;
    }
  });

  it("a reminders file that is a link is refused, its target never written", async () => {
    const { symlinkSync } = await import("node:fs");
    const { writeReminderList } = await import("../../src/config/store.js");
    const reminder = pinnedWithReminder.reminders[0] as never;
    const linked = tempDir();
    const target = join(tempDir(), "elsewhere.json");
    writeFileSync(target, "{}");
    symlinkSync(target, join(linked, "reminders.json"));
    expect(() => writeReminderList(linked, [reminder])).toThrow(/is a symbolic link/);
    expect(readFileSync(target, "utf8")).toBe("{}");
  });
});

describe("readSettings (the coach's read-only view, without conf)", () => {
  it("reads what conf wrote, with defaults for the rest", async () => {
    const dir = tempDir();
    const store = await openConfig(dir, () => {});
    store.set("cold.minutes", 12);
    store.set("voice", true);
    const settings = await readSettings(dir, () => {});
    expect(settings.get("cold.minutes")).toBe(12);
    expect(settings.get("voice")).toBe(true);
    expect(settings.get("leadIn")).toBe(5);
  });

  it("gives the defaults when there is no file", async () => {
    expect((await readSettings(tempDir(), () => {})).get("display")).toBe("full");
  });

  it.each([
    ["broken JSON", "{"],
    ["a bad value", JSON.stringify({ cold: { rounds: 9 } })],
  ])(
    "recovers from %s the same way conf does: moved aside, one warning",
    async (_label, contents) => {
      const dir = tempDir();
      writeFileSync(join(dir, "config.json"), contents);
      const warnings: string[] = [];
      const settings = await readSettings(dir, (m) => warnings.push(m));
      expect(settings.get("cold.rounds")).toBe(2);
      expect(warnings).toHaveLength(1);
      expect(readdirSync(dir).some((f) => f.startsWith("config.json.bad-"))).toBe(true);
    },
  );
});
