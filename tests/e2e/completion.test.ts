import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

/** What bash offers for the words typed so far (the last one may be partly typed). */
function bashCandidates(env: NodeJS.ProcessEnv, ...words: string[]): string[] {
  const script = `source <(knot completion bash)
COMP_WORDS=(knot ${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length}
_knot_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["-c", script], { env, encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter(Boolean).sort();
}

describe.concurrent("shell completion", () => {
  const env = shellEnv();

  it("completes commands in a real bash", () => {
    expect(bashCandidates(env, "st")).toEqual(["start", "stats"]);
  });

  it("completes routine ids, the person's own too", () => {
    expect(bashCandidates(env, "start", "")).toEqual([
      "cold-cycle",
      "desk-break",
      "fingertips",
      "full-session",
      "heat",
      "my-desk",
      "stretch",
      "tennis-ball",
    ]);
    expect(bashCandidates(env, "show", "te")).toEqual(["tennis-ball"]);
  });

  it("completes config keys and their values", () => {
    expect(bashCandidates(env, "config", "set", "cold.")).toEqual([
      "cold.minutes",
      "cold.offMinutes",
      "cold.rounds",
    ]);
    expect(bashCandidates(env, "config", "set", "display", "")).toEqual([
      "compact",
      "full",
      "plain",
    ]);
    expect(bashCandidates(env, "config", "set", "voice", "")).toEqual(["false", "true"]);
  });

  it("completes reminders: subcommands, their options and values, and reminder ids", () => {
    expect(bashCandidates(env, "remind", "")).toEqual([
      "cold",
      "every",
      "list",
      "log",
      "off",
      "repair",
    ]);
    expect(bashCandidates(env, "remind", "every", "1h", "--d")).toEqual(["--days"]);
    expect(bashCandidates(env, "remind", "every", "1h", "--routine", "des")).toEqual([
      "desk-break",
    ]);
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
    expect(bashCandidates(env, "remind", "off", "")).toEqual(["r3"]);
  });

  it("completes a command's options", () => {
    expect(bashCandidates(env, "start", "stretch", "--sk")).toEqual(["--skin-checked"]);
  });

  it("refuses an unknown shell with exit 2", () => {
    const result = knot(["completion", "tcsh"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bash, zsh, fish, not "tcsh"/);
  });

  it.skipIf(!has("zsh"))("loads in zsh", () => {
    const result = spawnSync(
      "zsh",
      ["-c", "autoload -U compinit && compinit -u && source <(knot completion zsh) && echo loaded"],
      { env, encoding: "utf8" },
    );
    expect(result.stdout).toContain("loaded");
  });

  it.skipIf(!has("fish"))("loads in fish", () => {
    const result = spawnSync("fish", ["-c", "knot completion fish | source; and echo loaded"], {
      env,
      encoding: "utf8",
    });
    expect(result.stdout).toContain("loaded");
  });
});

describe("the completion command in help", () => {
  it("is listed, and the callback the scripts use is hidden", () => {
    const help = knot(["--help"]).stdout;
    expect(help).toContain("completion");
    expect(help).not.toContain("__complete");
  });
});
