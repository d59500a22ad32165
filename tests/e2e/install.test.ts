import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { listText } from "../../src/text/library.js";
import { tempDir } from "../helpers.js";
import { isolatedEnv } from "./run-knot.js";

/** Text for a regular expression that finds it as it is. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Installing for use only: the packed project, installed into a fresh prefix without dev
 * dependencies (what `npm install -g ./knot-coach-<version>.tgz` does for a person), runs from any
 * folder. The runtime packages come from npm's cache, filled by the install of this clone.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const npm = (args: string[], cwd: string) =>
  spawnSync("npm", args, {
    cwd,
    encoding: "utf8",
    timeout: 150_000,
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false" },
  });

describe("installing the packed tarball, without dev dependencies", () => {
  const work = tempDir("knot-install-");
  const prefix = join(work, "prefix");
  const elsewhere = tempDir("knot-elsewhere-");
  let installed: ReturnType<typeof npm>;
  let bin: string;

  beforeAll(() => {
    // dist/ is built by `npm test` before the tests run; packing does not build it again.
    const packed = npm(["pack", "--ignore-scripts", "--pack-destination", work], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
    installed = npm(
      [
        "install",
        "-g",
        "--prefix",
        prefix,
        "--omit=dev",
        "--prefer-offline",
        "--no-audit",
        tarball,
      ],
      work,
    );
    bin = join(prefix, "bin", "knot");
  }, 200_000);

  it("installs only what knot loads at run time, with its licences", () => {
    expect(installed.status, installed.stderr).toBe(0);
    const home = join(prefix, "lib", "node_modules", pkg.name);
    const modules = readdirSync(join(home, "node_modules"));
    for (const runtime of Object.keys(pkg.dependencies)) {
      const [scope] = runtime.split("/");
      expect(modules, runtime).toContain(scope);
    }
    // bundled into dist/, so neither they nor the build and test tools are installed
    for (const devOnly of ["commander", "conf", "esbuild", "vitest", "typescript", "@biomejs"]) {
      expect(modules, devOnly).not.toContain(devOnly);
    }
    // of the prompts, only the ones knot asks with (not the whole @inquirer/prompts collection)
    const prompts = readdirSync(join(home, "node_modules", "@inquirer"));
    for (const unused of ["prompts", "checkbox", "editor", "expand", "password", "rawlist"]) {
      expect(prompts, `@inquirer/${unused}`).not.toContain(unused);
    }
    // the whole install, knot included, as npm counts it (49 with all of @inquirer/prompts)
    expect(installed.stdout).toMatch(/added (\d+) packages/);
    const added = Number(/added (\d+) packages/.exec(installed.stdout)?.[1]);
    expect(added).toBeLessThanOrEqual(37);
    expect(existsSync(join(home, "LICENSE"))).toBe(true);
    const notices = readFileSync(join(home, "dist", "THIRD-PARTY-NOTICES.md"), "utf8");
    expect(notices).toMatch(/## commander [\d.]+ \(MIT\)[\s\S]*Permission is hereby granted/);
    // the settings file is written through conf, bundled with what it uses (ajv for its schema)
    expect(notices).toMatch(/## conf [\d.]+ \(MIT\)[\s\S]*Permission is hereby granted/);
    expect(notices).toMatch(/## ajv [\d.]+ \(MIT\)/);
  });

  it("runs knot --version, list and a dry run from another folder", () => {
    const env = isolatedEnv();
    const run = (args: string[]) =>
      spawnSync(bin, args, { cwd: elsewhere, env, encoding: "utf8", input: "", timeout: 20_000 });
    const version = run(["--version"]);
    expect(version.stdout.trim()).toBe(pkg.version);
    const list = run(["list"]);
    expect(list.status, list.stderr).toBe(0);
    // the id and the name, as knot list's cells give them
    const [id, name] = [listText.cell("stretch"), listText.cell("Gentle back stretch")];
    expect(list.stdout).toMatch(new RegExp(`${literal(id)}\\s+${literal(name)}`));
    const dry = run(["start", "stretch", "--dry-run", "--yes"]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Gentle back stretch: \d+ steps[\s\S]*Knee to chest/);
  });
});
