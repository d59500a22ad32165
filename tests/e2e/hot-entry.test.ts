import { spawnSync } from "node:child_process";
import { mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hotEntry } from "../../src/fast-path.js";
import { isolatedEnv, KNOT_BIN } from "./run-knot.js";

// `knot list` and `knot show` start from an entry of their own (dist/list.cjs, dist/show.cjs),
// without the command line. Whatever words they are given, what a person sees must be what the
// whole program (dist/main.js, commander behind it) gives: the same output, messages and code.

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

function spawnIn(entry: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const result = spawnSync(process.execPath, [entry, ...args], {
    env,
    cwd,
    input: "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A person with routines of their own: one to list, one that includes it, one broken. */
function personEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = isolatedEnv(extra);
  const dir = join(env.XDG_CONFIG_HOME!, "knot", "routines");
  mkdirSync(dir, { recursive: true });
  const steps = [{ name: "Chin tuck", kind: "hold", duration: "20s" }];
  writeFileSync(
    join(dir, "mine.json"),
    JSON.stringify({ id: "mine", name: "Mine", category: "stretch", areas: ["neck"], steps }),
  );
  writeFileSync(
    join(dir, "inc.json"),
    JSON.stringify({
      id: "inc",
      name: "Includes mine",
      category: "stretch",
      steps: [{ include: "mine" }],
    }),
  );
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ id: "bad", category: "nope", steps: [] }));
  return env;
}

const WORDS: string[][] = [
  ["list"],
  ["list", "--json"],
  ["list", "--area", "neck"],
  ["list", "-c", "massage", "--json"],
  ["list", "--category", "nope"],
  ["list", "--area=nope"],
  ["--no-color", "list"],
  ["list", "extra"],
  ["list", "--help"],
  ["list", "--json=yes"],
  ["show", "stretch"],
  ["show", "stretch", "--json"],
  ["show", "mine"],
  ["show", "inc", "--no-color"],
  ["show", "bad"],
  ["show", "nosuch"],
  ["show", "routines/stretch.json"],
  ["show"],
  ["show", "a", "b"],
  ["show", "--help"],
];

describe("the entries of knot list and knot show", () => {
  const agree = (words: string[][], env: NodeJS.ProcessEnv) => {
    const cwd = fileURLToPath(new URL("../../", import.meta.url));
    for (const w of words) {
      const whole = spawnIn(dist("main.js"), w, env, cwd);
      const own = spawnIn(KNOT_BIN, w, env, cwd);
      expect({ words: w, ...own }).toEqual({ words: w, ...whole });
    }
  };

  it("print what the whole program prints, word for word", () => {
    agree(WORDS, personEnv());
  });

  it("colour as the whole program does, and not with NO_COLOR", () => {
    const coloured = WORDS.filter((w) => !w.includes("--help") && w.length < 3);
    agree(coloured.slice(0, 8), personEnv({ FORCE_COLOR: "1" }));
    agree(coloured.slice(8), personEnv({ FORCE_COLOR: "1", NO_COLOR: "1" }));
  });

  it("leave words they are not sure of, or another command's, to the whole program", () => {
    const table = JSON.parse(readFileSync(dist("fast-options.json"), "utf8"));
    let ran = false;
    const list = hotEntry("list", async () => {
      ran = true;
      return 0;
    });
    for (const words of [["show", "stretch"], ["list", "--help"], ["list", "x"], ["today"], []]) {
      expect(list(words, table)).toBe(false);
    }
    expect(ran).toBe(false);
  });

  it("write to a file, and stop quietly when a pipe's reader stops, as the whole program does", () => {
    const env = personEnv();
    const cwd = fileURLToPath(new URL("../../", import.meta.url));
    const out = join(env.HOME!, "out.txt");
    for (const words of [["list"], ["show", "stretch"]]) {
      const run = (entry: string) => {
        const file = spawnSync(process.execPath, [entry, ...words], {
          env,
          cwd,
          stdio: ["ignore", openSync(out, "w"), "pipe"],
        });
        const written = readFileSync(out, "utf8");
        // the reader takes one line and goes: knot ends without a word, with code 0
        const piped = spawnSync(
          "bash",
          [
            "-o",
            "pipefail",
            "-c",
            `"$0" "$@" | head -n 1 >/dev/null`,
            process.execPath,
            entry,
            ...words,
          ],
          { env, cwd, encoding: "utf8" },
        );
        return { words, status: file.status, written, piped: [piped.status, piped.stderr] };
      };
      const own = run(KNOT_BIN);
      expect(own.written.split("\n").length).toBeGreaterThan(5);
      expect(own).toEqual(run(dist("main.js")));
    }
  });

  it("hold only what their command prints: no command line, and the poses only for show", () => {
    const list = readFileSync(dist("list.cjs"), "utf8");
    const show = readFileSync(dist("show.cjs"), "utf8");
    // commander's own error codes, and the poses' catalogue (src/poses/catalogue.ts)
    for (const entry of [list, show]) expect(entry).not.toContain("commander.unknownOption");
    expect(list).not.toContain("CATALOGUE");
    expect(show).toContain("CATALOGUE");
  });
});
