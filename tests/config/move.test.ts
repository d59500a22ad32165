import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReminderSettings, readSettings, writeReminderList } from "../../src/config/store.js";
import { said } from "../../src/text/remind.js";
import { tempDir } from "../helpers.js";

/**
 * The one-time move of an older knot's single config.json into config.json (settings),
 * reminders.json and screening.json, and what each step of it leaves if knot is killed there.
 */
const createdAt = "2026-11-01T08:00:00.000Z";
const r1 = {
  id: "r1",
  kind: "once",
  routine: "stretch",
  at: "2026-12-01T09:00:00.000Z",
  createdAt,
};
const r2 = {
  id: "r2",
  kind: "once",
  routine: "stretch",
  at: "2026-12-02T09:00:00.000Z",
  createdAt,
};
const answers = { "red-flags": "2026-11-20T09:00:00.000Z", massage: "2026-11-01T09:00:00.000Z" };
const oldStyle = { leadIn: 10, voice: false, reminders: [r1, r2], screening: answers };

const json = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
const write = (dir: string, name: string, value: unknown) =>
  writeFileSync(join(dir, name), JSON.stringify(value));

function folder(files: Record<string, unknown>): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value));
  }
  return dir;
}

/** Every file of the folder once the move is done: nothing lost, nothing twice. */
function expectMoved(dir: string) {
  expect(json(dir, "config.json")).toEqual({ leadIn: 10, voice: false });
  expect(json(dir, "reminders.json")).toEqual({ reminders: [r1, r2] });
  expect(json(dir, "screening.json")).toEqual(answers);
  expect(readdirSync(dir).filter((f) => f.endsWith(".lock"))).toEqual([]);
}

describe("the move from one settings file", () => {
  it("splits an older knot's file at the first read, and reads the same as before", async () => {
    const dir = folder({ "config.json": oldStyle });
    const settings = await readSettings(dir, () => {});
    expect(settings.get("leadIn")).toBe(10);
    expect(settings.internal("screening")).toEqual(answers);
    expectMoved(dir);
    const reminders = readReminderSettings(dir);
    expect(reminders.reminders.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(reminders.problem).toBeUndefined();
  });

  it("the reminders' reader makes the move too", () => {
    const dir = folder({ "config.json": oldStyle });
    expect(readReminderSettings(dir).reminders.map((r) => r.id)).toEqual(["r1", "r2"]);
    expectMoved(dir);
  });

  // Killed after each write of the move: the next knot finishes it.
  it.each([
    ["before any write (a temporary file left beside)", { "reminders.json.999999.tmp": "{" }],
    ["after reminders.json", { "reminders.json": { reminders: [r1, r2] } }],
    [
      "after reminders.json and screening.json",
      { "reminders.json": { reminders: [r1, r2] }, "screening.json": answers },
    ],
    ["holding the lock", { "config.json.lock": "999999 2026-11-30T00:00:00.000Z\n" }],
  ])("killed %s: the next knot finishes the move", async (_label, left) => {
    const dir = folder({ "config.json": oldStyle, ...left });
    const read = await readSettings(dir, () => {});
    expect(read.internal("screening")).toEqual(answers);
    expectMoved(dir);
    expect(readReminderSettings(dir).reminders).toHaveLength(2);
  });

  it("a reminder set in the new file since is kept beside the old ones, each once", () => {
    const r3 = { ...r2, id: "r3" };
    const dir = folder({ "config.json": oldStyle, "reminders.json": { reminders: [r1, r3] } });
    expect(readReminderSettings(dir).reminders.map((r) => r.id)).toEqual(["r1", "r3", "r2"]);
    expect(json(dir, "config.json")).toEqual({ leadIn: 10, voice: false });
  });

  it("a move that cannot be made loses nothing: the reminders are read where they are", async () => {
    // a link where reminders.json goes: knot never writes through it, so the move stops
    const dir = folder({ "config.json": oldStyle });
    symlinkSync(join(tempDir(), "elsewhere.json"), join(dir, "reminders.json"));
    const warnings: string[] = [];
    const settings = await readSettings(dir, (m) => warnings.push(m));
    expect(settings.internal("screening")).toEqual(answers);
    expect(warnings.join("\n")).toMatch(/still in .*config\.json: they could not be moved/);
    expect(json(dir, "config.json")).toEqual(oldStyle);
    const reminders = readReminderSettings(dir);
    expect(reminders.reminders.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(reminders.writable).toBe(false);
    expect(() => writeReminderList(dir, [])).toThrow(/Reminders were not changed/);
    expect(json(dir, "config.json")).toEqual(oldStyle);
  });

  it("a damaged reminders.json is never written over, moved aside or emptied", () => {
    const dir = folder({ "config.json": { leadIn: 10 }, "reminders.json": "{ not json" });
    const read = readReminderSettings(dir);
    expect(read.writable).toBe(false);
    expect(said(read.problem!)).toMatch(/the reminders file .*reminders\.json cannot be read/);
    expect(() => writeReminderList(dir, [r1 as never])).toThrow(
      /Reminders were not changed: the reminders file/,
    );
    expect(readFileSync(join(dir, "reminders.json"), "utf8")).toBe("{ not json");
    // nor does the old file's list go over it
    write(dir, "config.json", oldStyle);
    readReminderSettings(dir);
    expect(readFileSync(join(dir, "reminders.json"), "utf8")).toBe("{ not json");
    expect(json(dir, "config.json").reminders).toEqual([r1, r2]);
  });

  it("a damaged settings file moved aside keeps its reminders going", async () => {
    const dir = folder({ "config.json": { ...oldStyle, leadIn: 999 } });
    const warnings: string[] = [];
    // the move comes first: the reminders and answers are out before the file goes aside
    const settings = await readSettings(dir, (m) => warnings.push(m));
    expect(settings.get("leadIn")).toBe(5);
    expect(warnings.join("\n")).toMatch(/could not be read[\s\S]*moved to .*config\.json\.bad-/);
    expect(json(dir, "reminders.json")).toEqual({ reminders: [r1, r2] });
    expect(json(dir, "screening.json")).toEqual(answers);
    expect(existsSync(join(dir, "config.json"))).toBe(false);
  });
});
