import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeLauncher } from "../../src/remind/launcher.js";
import { tempDir } from "../helpers.js";

/**
 * The launcher every entry runs finds Node and knot when it runs: a Node upgraded by a
 * version manager (the old path gone) or knot run once through npx does not break reminders.
 */
function setup(options: { node?: string; knot?: string; pathDirs?: string[]; dataName?: string }) {
  const home = tempDir("knot-launch-home-");
  const data = join(home, options.dataName ?? "data", "knot");
  const called = join(home, "called.json");
  // a stand-in for knot: a Node script that writes down its arguments
  const knotDir = join(home, "lib");
  mkdirSync(knotDir, { recursive: true });
  const fakeKnot = join(knotDir, "knot.js");
  writeFileSync(
    fakeKnot,
    `#!/usr/bin/env node\nrequire("fs").writeFileSync(${JSON.stringify(called)}, JSON.stringify(process.argv.slice(2)));\n`,
  );
  const launcher = writeLauncher({
    node: options.node ?? process.execPath,
    knot: options.knot ?? fakeKnot,
    env: {
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: dirname(data),
      PATH: (options.pathDirs ?? []).join(":"),
    },
    dataDir: data,
  });
  // run as cron would: a bare environment
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync("/bin/sh", [launcher, ...args], {
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin", ...env },
    });
  return { home, data, called, fakeKnot, launcher, run };
}

describe("the launcher entries run", () => {
  it("runs knot remind fire ID with the Node and knot it was written for, its output in knot's log", () => {
    const t = setup({});
    const r = t.run(["r1"]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe(""); // nothing for cron to mail
    expect(JSON.parse(readFileSync(t.called, "utf8"))).toEqual(["remind", "fire", "r1"]);
    expect(readFileSync(join(t.data, "remind-output.log"), "utf8")).toMatch(
      /^--- \d{4}-\d\d-\d\d \d\d:\d\d:\d\d remind fire r1$/m,
    );
  });

  it("finds Node on the PATH it was written with once the old Node is gone (an upgrade)", () => {
    const t = setup({
      node: "/nonexistent/v18.0.0/bin/node",
      pathDirs: [dirname(process.execPath)],
    });
    const check = t.run(["--check"]);
    expect(check.status, check.stdout).toBe(0);
    // the first Node on cron's PATH with the person's own folders after it: the test's own
    // Node unless the system has one in /usr/bin (as when the tests run under another Node)
    const first = ["/usr/bin", "/bin", dirname(process.execPath)]
      .map((dir) => join(dir, "node"))
      .find((node) => existsSync(node));
    expect(check.stdout).toContain(`node=${first}`);
    expect(t.run(["r2"]).status).toBe(0);
    expect(JSON.parse(readFileSync(t.called, "utf8"))).toEqual(["remind", "fire", "r2"]);
  });

  it("finds Node in a version manager's folder (nvm) when nothing else runs", () => {
    const t = setup({ node: "/nonexistent/node" });
    const nvm = join(t.home, ".nvm", "versions", "node", "v22.1.0", "bin");
    mkdirSync(nvm, { recursive: true });
    writeFileSync(join(nvm, "node"), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
    chmodSync(join(nvm, "node"), 0o755);
    const check = t.run(["--check"]);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain(`node=${join(nvm, "node")}`);
  });

  it("prefers a knot on the PATH to one in npx's cache, which npx may clear", () => {
    const bin = tempDir("knot-launch-bin-");
    const t = setup({ knot: "/home/x/.npm/_npx/1234/node_modules/knot/bin/knot.js" });
    writeFileSync(join(bin, "knot"), readFileSync(t.fakeKnot));
    chmodSync(join(bin, "knot"), 0o755);
    const check = t.run(["--check"], { PATH: `${bin}:/usr/bin:/bin` });
    expect(check.stdout).toContain(`knot=${join(bin, "knot")}`);
  });

  it("with no Node at all it exits 127 and says what to do in knot's log", () => {
    const t = setup({ node: "/nonexistent/node", knot: "/nonexistent/knot.js" });
    const r = t.run(["r1"], { PATH: "/nonexistent" });
    expect(r.status).toBe(127);
    const check = t.run(["--check"], { PATH: "/nonexistent" });
    expect(check.status).toBe(127);
    expect(check.stdout).toMatch(/not found/);
  });

  it("holds any folder name safely (quotes, $, %, a new line)", () => {
    const t = setup({ dataName: `it's "a" $HOME %o\nnew line é` });
    const r = t.run(["r3"]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(t.called, "utf8"))).toEqual(["remind", "fire", "r3"]);
    expect(readFileSync(join(t.data, "remind-output.log"), "utf8")).toMatch(/remind fire r3/);
  });

  it("refuses anything but an id", () => {
    const t = setup({});
    expect(t.run(["; rm -rf /"]).status).toBe(2);
  });
});
