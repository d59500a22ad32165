import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildProgram, run } from "../../src/cli.js";
import { hotActions } from "../../src/fast-path.js";
import { testContext } from "../helpers.js";

// How the command line is put together: one small file per command under src/cli/, each
// loading its command's module only when it runs.
const CLI = fileURLToPath(new URL("../../src/cli/", import.meta.url));
const ENTRY = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
const read = (file: string) => readFileSync(`${CLI}${file}`, "utf8");
/** The files that wire no command of their own: what the command files share. */
const SHARED = ["commands.ts", "wiring.ts", "coach-options.ts"];
const commandFiles = readdirSync(CLI).filter((f) => f.endsWith(".ts") && !SHARED.includes(f));
const program = buildProgram(testContext().ctx, () => {});
// knot __complete, which the completion scripts run, is wired with knot completion
const commands = program.commands.filter((c) => c.name() !== "__complete");

describe("the command line's wiring", () => {
  it("wires each command in a file of its own, named as the command", () => {
    expect(commands.map((c) => `${c.name()}.ts`).sort()).toEqual([...commandFiles].sort());
    for (const cmd of commands) {
      expect(read(`${cmd.name()}.ts`)).toContain(`.command("${cmd.name()}"`);
    }
  });

  it("keeps each file small, and the program's own file under 100 lines", () => {
    for (const file of commandFiles) expect(read(file).split("\n").length).toBeLessThan(150);
    expect(readFileSync(ENTRY, "utf8").split("\n").length).toBeLessThan(100);
  });

  it("loads a command's module only when the command runs (knot list loads no prompts)", () => {
    const staticImports = (text: string) =>
      [...text.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gms)].map((m) => m[1]);
    for (const file of readdirSync(CLI)) {
      const below = staticImports(read(file)).filter((spec) =>
        /\/(commands|session|ui\/prompt)/.test(spec ?? ""),
      );
      expect({ file, below }).toEqual({ file, below: [] });
    }
    const entry = staticImports(readFileSync(ENTRY, "utf8"));
    expect(entry.filter((spec) => /\/(commands|session)\//.test(spec ?? ""))).toEqual([]);
  });

  it("keeps a command's help words in the table at the top of its file", () => {
    // a description, an option's or an argument's help written inline is a word out of its table
    const inline = /\.description\(\s*["'`]|\.(option|argument)\(\s*"[^"]*",\s*["'`]/g;
    for (const file of readdirSync(CLI)) {
      expect({ file, inline: read(file).match(inline) ?? [] }).toEqual({ file, inline: [] });
    }
  });

  it.each(commands.map((c) => c.name()))(
    "knot %s --help ends with its exit codes",
    async (name) => {
      const { ctx, stdout } = testContext();
      expect(await run([name, "--help"], ctx)).toBe(0);
      // the last paragraph, wrapped to the width like the rest of the help
      const last = stdout
        .text()
        .trim()
        .split(/\n\s*\n/)
        .at(-1)
        ?.replace(/\s+/g, " ");
      expect(last).toMatch(/^Exit codes: 0 .*2 bad input/);
    },
  );

  it("lists every command in knot --help, in the order the program registers them", async () => {
    const { ctx, stdout } = testContext();
    expect(await run(["--help"], ctx)).toBe(0);
    const listed = [...stdout.text().matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]);
    expect(listed).toEqual(commands.map((c) => c.name()));
  });

  // knot wires only the command typed (knot config path builds no other command's options)
  it.each(commands.map((c) => c.name()).filter((n) => n !== "help" && n !== "completion"))(
    "wires knot %s alone when it is typed, with the same help as beside the others",
    (name) => {
      const help = (first?: string) => {
        const { ctx, stdout } = testContext();
        const built = buildProgram(ctx, () => {}, hotActions, first);
        built.commands.find((c) => c.name() === name)?.outputHelp();
        return { names: built.commands.map((c) => c.name()), text: stdout.text() };
      };
      const alone = help(name);
      expect(alone.names).toEqual([name]);
      expect(alone.text).toBe(help().text);
      expect(alone.text).toContain("Exit codes:");
    },
  );

  it.each([["help"], ["completion"], ["strat"], ["--no-color"]])(
    "wires every command when the first word is %s (the help, completion or a nearest name reads them all)",
    (first) => {
      const built = buildProgram(testContext().ctx, () => {}, hotActions, first);
      expect(built.commands.map((c) => c.name())).toEqual(program.commands.map((c) => c.name()));
    },
  );
});
