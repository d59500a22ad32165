import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliText } from "../../src/text/cli.js";
import { listText, showText } from "../../src/text/library.js";
import { myRoutinesText as t } from "../../src/text/my-routines.js";
import { settingsText } from "../../src/text/settings.js";
import { routineJson, tempDir } from "../helpers.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

const version = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("the built knot binary", () => {
  it("prints its version and help", () => {
    expect(knot(["--version"])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = knot(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(
      `${cliText.titles["Usage:"]} ${cliText.term("knot [options] [command]")}`,
    );
    // the heading and the first example, as the text layer words them
    expect(help.stdout).toContain(cliText.examples(["knot start stretch"]).trim());
    const showHelp = knot(["help", "show"]);
    expect(showHelp.stdout).toContain(cliText.examples(["knot show stretch"]).split("\n")[2]);
  });

  it("prints help when run with no arguments and no terminal", () => {
    const result = knot([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(cliText.titles["Commands:"]);
  });

  it("lists, shows and validates the built-ins", () => {
    const list = knot(["list"]);
    expect(list.status).toBe(0);
    const row = [listText.cell("cold-cycle"), listText.cell("Cold pack cycle")].map(literal);
    expect(list.stdout).toMatch(new RegExp(`^${row.join("\\s+")}`, "m"));
    expect(list.stdout).not.toContain("\u001b["); // no colour when piped
    const show = knot(["show", "heat", "--json"]);
    expect(JSON.parse(show.stdout).totalSeconds).toBe(930);
    const routinesDir = new URL("../../routines/", import.meta.url).pathname;
    const files = readdirSync(routinesDir)
      .filter((f) => f !== "schema.json")
      .map((f) => join(routinesDir, f));
    const valid = knot(["validate", ...files]);
    const lines = valid.stdout.split("\n");
    for (const file of files) expect(lines).toContain(t.okLine(t.ok, file));
    expect(valid.status).toBe(0);
  });

  it("exits 2 with a clear message, never a stack trace, for bad input", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.json"), '{"id": "x", "steps": [}');
    for (const args of [
      ["show", "nope"],
      ["validate", join(dir, "broken.json")],
      ["bogus"],
      ["config", "set", "leadIn", "-3"],
      ["list", "--category", "yoga"],
      ["show"],
    ]) {
      const result = knot(args);
      expect(result.status, args.join(" ")).toBe(2);
      noStackTrace(result.stderr + result.stdout);
    }
  });

  it("exits 1 with a clear message when the settings folder cannot be used", () => {
    const blocker = join(tempDir(), "not-a-folder");
    writeFileSync(blocker, "");
    const result = knot(["config", "set", "voice", "on"], {
      env: isolatedEnv({ XDG_CONFIG_HOME: blocker }),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Could not open the settings file .*not-a-folder/);
    noStackTrace(result.stderr);
  });

  it("keeps settings in XDG_CONFIG_HOME and recovers from a corrupt file", () => {
    const env = isolatedEnv();
    expect(knot(["config", "path"], { env }).stdout.split("\n")[0]).toBe(
      settingsText.fileLine(join(env.XDG_CONFIG_HOME!, "knot", "config.json")),
    );
    expect(knot(["config", "set", "voice", "on"], { env }).status).toBe(0);
    expect(knot(["config", "get", "voice"], { env }).stdout).toBe(`${settingsText.cell("true")}\n`);
    const file = join(env.XDG_CONFIG_HOME!, "knot", "config.json");
    writeFileSync(file, "{ this is not json");
    const result = knot(["config", "get", "voice"], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${settingsText.cell("false")}\n`);
    expect(result.stderr).toMatch(
      /settings file could not be read[\s\S]*moved to .*config\.json\.bad-/,
    );
    const aside = readdirSync(join(env.XDG_CONFIG_HOME!, "knot")).find((f) =>
      f.startsWith("config.json.bad-"),
    );
    expect(readFileSync(join(env.XDG_CONFIG_HOME!, "knot", aside!), "utf8")).toBe(
      "{ this is not json",
    );
  });

  it("finds the user's own routines in the config folder", () => {
    const env = isolatedEnv();
    const dir = join(env.XDG_CONFIG_HOME!, "knot", "routines");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "mine.json"),
      JSON.stringify(routineJson({ id: "desk", name: "Desk break" })),
    );
    const result = knot(["list", "--json"], { env });
    const desk = JSON.parse(result.stdout).routines.find((r: { id: string }) => r.id === "desk");
    expect(desk).toMatchObject({ name: "Desk break", origin: "custom" });
  });

  it("honours NO_COLOR and FORCE_COLOR", () => {
    expect(knot(["list"], { env: isolatedEnv({ FORCE_COLOR: "1" }) }).stdout).toContain("\u001b[");
    expect(
      knot(["list"], { env: isolatedEnv({ FORCE_COLOR: "1", NO_COLOR: "1" }) }).stdout,
    ).not.toContain("\u001b[");
  });

  it("stops quietly when its reader closes the pipe", () => {
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${KNOT_BIN}" show full-session | head -n 1`],
      {
        env: isolatedEnv(),
        encoding: "utf8",
      },
    );
    const about = showText.about("full-session", "mixed", showText.builtIn);
    expect(result.stdout).toBe(`${showText.heading("Full session", about)}\n`);
    expect(result.stderr).toBe("");
  });
});

describe("the schema beside a person's routines", () => {
  it("is kept current in the routines folder, and validate and list leave it alone", () => {
    const env = isolatedEnv();
    const dir = join(env.XDG_CONFIG_HOME!, "knot", "routines");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "mine.json"),
      JSON.stringify({
        $schema: "./schema.json",
        id: "mine",
        name: "Mine",
        category: "stretch",
        steps: [{ name: "A", kind: "hold", duration: 20 }],
      }),
    );
    const listed = knot(["list"], { env });
    expect(listed.stdout).not.toContain("schema.json");
    const copy = JSON.parse(readFileSync(join(dir, "schema.json"), "utf8"));
    expect(copy.$id).toBe("urn:knot:routine-schema:1");
    const validated = knot(["validate", join(dir, "mine.json"), join(dir, "schema.json")], { env });
    expect(validated.status).toBe(0);
    expect(validated.stdout).toMatch(/skip {2}.*schema\.json \(the routine format's schema\)/);
  });

  it("leaves a schema.json of someone else's as it is", () => {
    const env = isolatedEnv();
    const dir = join(env.XDG_CONFIG_HOME!, "knot", "routines");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "schema.json"), '{"mine": true}');
    knot(["list"], { env });
    expect(readFileSync(join(dir, "schema.json"), "utf8")).toBe('{"mine": true}');
  });
});
