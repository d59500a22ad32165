import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliText } from "../../src/text/cli.js";
import { routineJson, tempDir } from "../helpers.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

/** A `knot` on the PATH, as after installing, for the shells to call back. */
function shellEnv() {
  const bin = tempDir("knot-bin-");
  const shim = join(bin, "knot");
  writeFileSync(
    shim,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(KNOT_BIN)} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  const env = isolatedEnv();
  const routines = join(env.XDG_CONFIG_HOME!, "knot", "routines");
  mkdirSync(routines, { recursive: true });
  writeFileSync(join(routines, "my-desk.json"), JSON.stringify(routineJson({ id: "my-desk" })));
  return { ...env, PATH: `${bin}:${process.env.PATH}` };
}

const has = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;
const missing = (shell: string) => {
  if (has(shell)) return false;
  console.warn(
    `${shell} is not installed: its completion is not tested here (.ci/run installs it)`,
  );
  return true;
};

/** A folder holding routine files with awkward names, for the file-name completions. */
function filesHere(): string {
  const dir = tempDir("knot-files-");
  writeFileSync(join(dir, "my routine.json"), "{}");
  writeFileSync(join(dir, "mine.json"), "{}");
  mkdirSync(join(dir, "my folder"));
  return dir;
}

/** What bash offers for the words typed so far (the last one may be partly typed). */
function bashCandidates(env: NodeJS.ProcessEnv, cwd: string, ...words: string[]): string[] {
  const script = `source ${JSON.stringify(bashScript())}
COMP_WORDS=(knot ${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length}
_knot_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["-c", script], { env, cwd, encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter(Boolean).sort();
}

/** The bash script, as `knot completion bash` prints it, in a file. */
const bashScript = (() => {
  let file: string | undefined;
  return () => {
    if (file) return file;
    const made = join(tempDir("knot-script-"), "knot.bash");
    writeFileSync(made, knot(["completion", "bash"]).stdout);
    file = made;
    return file;
  };
})();

/** The commands `knot --help` lists (each term as the text layer gives it: "x" in English). */
const helpCommands = (): string[] => {
  const [open] = cliText.term("x").split("x");
  const term = new RegExp(`^ {2}${open}([a-z][\\w-]*)\\b`, "gm");
  return [...knot(["--help"]).stdout.matchAll(term)].map((m) => m[1]!);
};

describe.concurrent("shell completion in bash", () => {
  const env = shellEnv();
  const dir = filesHere();
  const bash = (...words: string[]) => bashCandidates(env, dir, ...words);

  it("completes every command knot --help lists, from the script alone", () => {
    const offered = bash("");
    const listed = helpCommands();
    expect(listed.length).toBeGreaterThan(10);
    for (const name of listed) expect(offered, name).toContain(name);
    expect(offered).not.toContain("__complete");
    expect(bash("st")).toEqual(["start", "stats"]);
    // no knot on the PATH: commands and options need no process
    const noKnot = { ...env, PATH: "/usr/bin:/bin" };
    expect(bashCandidates(noKnot, dir, "st")).toEqual(["start", "stats"]);
    expect(bashCandidates(noKnot, dir, "show", "--")).toEqual(["--help", "--json"]);
  });

  it("lists a command's options after --", () => {
    const options = bash("start", "--");
    expect(options).toContain("--dry-run");
    expect(options).toContain("--skin-checked");
    expect(options).not.toContain("--json");
    expect(bash("start", "stretch", "--sk")).toEqual(["--skin-checked"]);
    expect(bash("list", "--category", "")).toEqual(["cold", "heat", "massage", "mixed", "stretch"]);
  });

  it("completes routine ids, the person's own too, and file names when no id fits", () => {
    expect(bash("start", "")).toEqual([
      "cold-cycle",
      "desk-break",
      "fingertips",
      "full-session",
      "heat",
      "my-desk",
      "stretch",
      "tennis-ball",
    ]);
    expect(bash("show", "te")).toEqual(["tennis-ball"]);
    expect(bash("show", "my")).toEqual(["my-desk"]);
    expect(bash("show", "my\\ r")).toEqual(["my\\ routine.json"]);
  });

  it("escapes file names as they must be typed, a folder ending in a slash", () => {
    expect(bash("validate", "my")).toEqual(["my\\ folder/", "my\\ routine.json"]);
    expect(bash("validate", "mine.json", "my\\ r")).toEqual(["my\\ routine.json"]);
    expect(bash("start", "--events", "mi")).toEqual(["mine.json"]);
  });

  it("completes config keys and their values", () => {
    expect(bash("config", "set", "cold.")).toEqual([
      "cold.minutes",
      "cold.offMinutes",
      "cold.rounds",
    ]);
    expect(bash("config", "set", "display", "")).toEqual(["compact", "full", "plain"]);
    expect(bash("config", "set", "voice", "")).toEqual(["false", "true"]);
  });

  it("completes reminders: subcommands, their options and values, and reminder ids", () => {
    expect(bash("remind", "")).toEqual(["cold", "every", "list", "log", "off", "repair"]);
    expect(bash("remind", "every", "1h", "--d")).toEqual(["--days"]);
    expect(bash("remind", "every", "1h", "--routine", "des")).toEqual(["desk-break"]);
    const config = join((env as NodeJS.ProcessEnv).XDG_CONFIG_HOME!, "knot", "config.json");
    writeFileSync(
      config,
      JSON.stringify({
        reminders: [
          {
            id: "r3",
            kind: "every",
            routine: "desk-break",
            every: 60,
            between: ["09:00", "17:30"],
            days: ["mon"],
            createdAt: new Date().toISOString(),
          },
        ],
      }),
    );
    expect(bash("remind", "off", "")).toEqual(["r3"]);
  });

  it("refuses an unknown shell with exit 2", () => {
    const result = knot(["completion", "tcsh"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(cliText.noShell("bash, zsh, fish", '"tcsh"'));
  });
});

describe.skipIf(missing("zsh")).concurrent("shell completion in zsh", () => {
  const env = shellEnv();
  const dir = filesHere();
  /**
   * What _knot offers in a real zsh for the words typed (the last one is being typed), with
   * the completion system's compadd and _files standing in for the screen.
   */
  const zsh = (before: string, ...words: string[]) => {
    const script = `${before}
source <(knot completion zsh) || exit 9
compadd() {
  local -a offered
  if [[ $1 == -a ]]; then offered=(\${(P)2}); else shift; offered=("$@"); fi
  print -l -- \${(M)offered:#\${words[CURRENT]}*}
}
_files() { print -- "(file names)" }
words=(knot ${words.map((w) => `'${w}'`).join(" ")}); CURRENT=${words.length + 1}
_knot`;
    const result = spawnSync("zsh", ["-f", "-c", script], {
      env,
      cwd: dir,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return result.stdout.split("\n").filter(Boolean).sort();
  };

  it("loads before compinit has run, and after", () => {
    expect(zsh("", "st")).toEqual(["start", "stats"]);
    expect(zsh("autoload -U compinit && compinit -u", "st")).toEqual(["start", "stats"]);
  });

  it("completes options, routine ids with a file fallback, and files for validate", () => {
    expect(zsh("", "show", "--")).toEqual(["--help", "--json"]);
    expect(zsh("", "start", "--sk")).toEqual(["--skin-checked"]);
    const start = zsh("", "start", "");
    expect(start).toContain("stretch");
    expect(start).toContain("my-desk");
    expect(start).toContain("(file names)");
    expect(zsh("", "show", "x")).toContain("(file names)");
    expect(zsh("", "validate", "")).toEqual(["(file names)"]);
    expect(zsh("", "config", "set", "voice", "")).toEqual(["false", "true"]);
  });
});

describe.skipIf(missing("fish")).concurrent("shell completion in fish", () => {
  const env = shellEnv();
  const dir = filesHere();
  /** What fish offers for a command line, as `complete -C` lists it. */
  const fish = (line: string) => {
    const result = spawnSync(
      "fish",
      ["--no-config", "-c", `knot completion fish | source; complete -C ${JSON.stringify(line)}`],
      { env, cwd: dir, encoding: "utf8", timeout: 20_000 },
    );
    expect(result.stderr).toBe("");
    return result.stdout
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("\t")[0]!)
      .sort();
  };

  it("completes commands and a command's options", () => {
    expect(fish("knot st")).toEqual(["start", "stats"]);
    const options = fish("knot start --");
    expect(options).toContain("--dry-run");
    expect(options).not.toContain("--json");
  });

  it("offers file names for validate (never a literal :files), routine ids for start", () => {
    const files = fish("knot validate my");
    expect(files).toEqual(["my folder/", "my routine.json"]);
    expect(fish("knot validate ").join(" ")).not.toContain(":files");
    const start = fish("knot start ");
    expect(start).toContain("stretch");
    expect(start).toContain("my-desk");
    expect(fish("knot config set voice ")).toEqual(["false", "true"]);
    expect(fish("knot remind every 1h --routine des")).toEqual(["desk-break"]);
  });
});
