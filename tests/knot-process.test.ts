import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { answeredHome } from "./helpers.js";

const bin = fileURLToPath(new URL("../bin/knot.js", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/start.cjs", import.meta.url)));

/**
 * Node's own modules that cost a start milliseconds and that a command printing to a pipe, with
 * /dev/null for its input, never needs: the streams (and the network's, which a pipe's stream
 * brings), the terminal's, the system's, and the two the hot entries load on first use.
 */
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
/** Node 22.1 and later keep compiled code themselves (node:module's enableCompileCache). */
const nodeKeepsCode = major > 22 || (major === 22 && minor >= 1);
const NOT_NEEDED = [
  "stream",
  "net",
  "tty",
  "os",
  "child_process",
  "readline",
  // on Node 20, knot keeps compiled code with the loader's own class: no node:module
  ...(nodeKeepsCode ? [] : ["module"]),
];

const home = answeredHome("knot-process-");
afterAll(() => rmSync(home, { recursive: true, force: true }));
const list = join(home, "modules.json");
const hook = join(home, "hook.cjs");
// kept as the process ends; the hook itself loads nothing
writeFileSync(
  hook,
  `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`,
);

/** Runs the built knot with its output to a pipe (until `enough` of it, if given). */
async function modulesOf(
  args: string[],
  enough?: RegExp,
  stderr: "pipe" | "ignore" = "pipe",
): Promise<{ out: string; code: number | null; loaded: string[] }> {
  rmSync(list, { force: true });
  const { NODE_OPTIONS: _, ...env } = process.env;
  const child = spawn(process.execPath, ["-r", hook, bin, ...args], {
    env: {
      ...env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", stderr],
  });
  let out = "";
  child.stdout?.on("data", (chunk) => {
    out += chunk;
    if (enough?.test(out)) child.kill("SIGTERM");
  });
  child.stderr?.resume();
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const loaded = (JSON.parse(readFileSync(list, "utf8")) as string[])
    .filter((m) => m.startsWith("NativeModule "))
    .map((m) => m.slice("NativeModule ".length));
  return { out, code, loaded };
}

describe.runIf(built)("the built knot's hot commands to a pipe, input from /dev/null", () => {
  it("a plain session runs to its first step and ends on a signal without them", async () => {
    const run = await modulesOf(
      ["start", "stretch", "--yes", "--lead-in", "0", "--no-checkin", "--no-notify"],
      /^\[1\/\d+\]/m,
    );
    expect(run.out).toMatch(/^\[1\/\d+\]/m);
    expect(run.loaded).toContain("fs");
    expect(run.loaded.filter((m) => NOT_NEEDED.includes(m))).toEqual([]);
  }, 60_000);

  it("so does a session whose standard error is /dev/null, as a service's or cron's is", async () => {
    const run = await modulesOf(
      ["start", "stretch", "--yes", "--lead-in", "0", "--no-checkin", "--no-notify"],
      /^\[1\/\d+\]/m,
      "ignore",
    );
    expect(run.out).toMatch(/^\[1\/\d+\]/m);
    expect(run.loaded.filter((m) => NOT_NEEDED.includes(m))).toEqual([]);
  }, 60_000);

  for (const args of [["list"], ["show", "stretch"], ["today"], ["stats"], ["history"]]) {
    it(`knot ${args.join(" ")} prints without them`, async () => {
      const run = await modulesOf(args);
      expect(run.code).toBe(0);
      expect(run.out.length).toBeGreaterThan(0);
      expect(run.loaded.filter((m) => NOT_NEEDED.includes(m))).toEqual([]);
    }, 60_000);
  }
});

describe.runIf(built)("standard output and error written to one file", () => {
  it("keep their order: a routine's warning comes after its listing, as it was written", () => {
    const routine = join(home, "long-hold.json");
    writeFileSync(
      routine,
      JSON.stringify({
        id: "long-hold",
        name: "Long hold",
        category: "stretch",
        steps: [{ name: "Knee to chest", kind: "hold", duration: 200 }],
      }),
    );
    const log = join(home, "both.log");
    const fd = openSync(log, "w");
    const { NODE_OPTIONS: _, ...env } = process.env;
    const run = spawnSync(process.execPath, [bin, "show", routine], {
      env: {
        ...env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, "config"),
        XDG_DATA_HOME: join(home, "data"),
      },
      stdio: ["ignore", fd, fd],
    });
    closeSync(fd);
    expect(run.status).toBe(0);
    const text = readFileSync(log, "utf8");
    expect(text).toMatch(/^Long hold/);
    expect(text.indexOf("Total")).toBeGreaterThan(0);
    expect(text.indexOf("warning:")).toBeGreaterThan(text.indexOf("Total"));
  });
});

describe.runIf(built)("the built code", () => {
  it("is plain ASCII in every file, which Node reads as one byte a character", () => {
    const dist = fileURLToPath(new URL("../dist/", import.meta.url));
    const files = readdirSync(dist).filter((name) => /\.c?js$/.test(name));
    expect(files).toContain("start.cjs");
    const beyond = files.filter((name) =>
      /[\u0080-\uffff]/.test(readFileSync(join(dist, name), "latin1")),
    );
    expect(beyond).toEqual([]);
  });
});

describe.runIf(built && !nodeKeepsCode)(
  "the code V8 compiled, kept between runs on Node 20",
  () => {
    it("is written by the first run of a command and read back by the next, which writes nothing", async () => {
      const code = join(home, "data", "knot", "cache", "code");
      rmSync(code, { recursive: true, force: true });
      const first = await modulesOf(["list"]);
      const kept = readdirSync(code);
      expect(kept).toEqual([expect.stringMatching(/^list\.cjs\.\d+\.\d+\.v8$/)]);
      const written = statSync(join(code, kept[0]!)).mtimeMs;
      const again = await modulesOf(["list"]);
      expect(again.out).toBe(first.out);
      expect(readdirSync(code)).toEqual(kept);
      expect(statSync(join(code, kept[0]!)).mtimeMs).toBe(written);
    }, 60_000);
  },
);
