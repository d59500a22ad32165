import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingsText as t } from "../../src/text/settings.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

/**
 * An older knot kept the settings, the reminders and the screening answers in one config.json.
 * Two knots starting at once on such a file both see it; between them, it moves once.
 */
/** A cell of knot config list as a pattern: the value, as the text layer gives it. */
const cell = (value: string) => t.cell(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const createdAt = "2026-11-01T08:00:00.000Z";
const reminders = ["r1", "r2", "r3"].map((id, i) => ({
  id,
  kind: "once",
  routine: "stretch",
  at: `2026-12-0${i + 1}T09:00:00.000Z`,
  createdAt,
}));
const answers = { "red-flags": "2026-11-29T09:00:00.000Z", neck: "2026-11-29T09:00:00.000Z" };

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [KNOT_BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

describe("the move from one settings file, with knots starting at once", () => {
  it("two `knot config list` at once: nothing lost, nothing twice", async () => {
    for (let round = 0; round < 4; round++) {
      const env = isolatedEnv({}, []);
      const dir = join(env.XDG_CONFIG_HOME!, "knot");
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, "config.json"),
        JSON.stringify({ leadIn: 12, voice: false, reminders, screening: answers }),
      );
      const both = await Promise.all([run(["config", "list"], env), run(["config", "list"], env)]);
      for (const result of both) {
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^${cell("leadIn")}\\s+${cell("12")}\\s`, "m"));
        expect(result.stderr).toBe("");
      }
      const json = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
      expect(json("config.json")).toEqual({ leadIn: 12, voice: false });
      expect(json("reminders.json")).toEqual({ reminders });
      expect(json("screening.json")).toEqual(answers);
      // no lock or half-written file left beside them
      expect(readdirSync(dir).sort()).toEqual(["config.json", "reminders.json", "screening.json"]);
    }
  });

  it("knot config reset puts the settings back and says what it keeps, which it keeps", () => {
    const env = isolatedEnv({}, []);
    const dir = join(env.XDG_CONFIG_HOME!, "knot");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "config.json"),
      JSON.stringify({ leadIn: 12, reminders, screening: answers }),
    );
    const reset = knot(["config", "reset"], { env });
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(
      /Kept as they were: your reminders, your safety screening answers/,
    );
    expect(knot(["config", "get", "leadIn"], { env }).stdout).toBe(`${t.cell("5")}\n`);
    const json = knot(["config", "reset", "--json"], { env });
    expect(JSON.parse(json.stdout)).toEqual({
      settings: "defaults",
      kept: ["reminders", "screening answers", "history"],
    });
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
    expect(read("reminders.json")).toEqual({ reminders });
    expect(read("screening.json")).toEqual(answers);
  });
});
