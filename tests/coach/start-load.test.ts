import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { answeredHome } from "../helpers.js";

const bin = fileURLToPath(new URL("../../bin/knot.js", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../../dist/start.cjs", import.meta.url)));

/**
 * Node's own modules a run of the built `knot start stretch` (plain, on a pipe, nothing on its
 * input, no voice) had loaded when its first step line was written.
 */
async function builtinsAtFirstStep(): Promise<string[]> {
  const home = answeredHome("knot-start-load-");
  try {
    const list = join(home, "modules.json");
    const hook = join(home, "hook.cjs");
    // What is loaded when the first step is written (to a pipe: Node's stream, a Duplex with
    // its own copy of write, or straight to the descriptor), kept as the process ends.
    writeFileSync(
      hook,
      `const fs = require("node:fs");
let seen;
const look = (chunk) => { if (!seen && String(chunk).includes("[1/")) seen = process.moduleLoadList.slice(); };
const { Duplex, Writable } = require("node:stream");
for (const kind of [Writable, Duplex]) {
  const write = kind.prototype.write;
  kind.prototype.write = function (chunk, ...rest) { look(chunk); return write.call(this, chunk, ...rest); };
}
const writeSync = fs.writeSync;
fs.writeSync = function (fd, data, ...rest) { if (fd === 1) look(data); return writeSync.call(this, fd, data, ...rest); };
process.on("exit", () => fs.writeFileSync(${JSON.stringify(list)}, JSON.stringify(seen ?? null)));
`,
    );
    const { NODE_OPTIONS: _, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [
        "-r",
        hook,
        bin,
        "start",
        "stretch",
        "--yes",
        "--lead-in",
        "0",
        "--no-checkin",
        "--no-notify",
      ],
      {
        env: {
          ...env,
          HOME: home,
          XDG_CONFIG_HOME: join(home, "config"),
          XDG_DATA_HOME: join(home, "data"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (/^\[1\/\d+\]/m.test(out)) child.kill("SIGTERM");
    });
    child.stderr.resume();
    await new Promise((resolve) => child.on("close", resolve));
    expect(out).toMatch(/^\[1\/\d+\]/m);
    return JSON.parse(readFileSync(list, "utf8")) ?? [];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe.runIf(built)("knot start's cost before its first step (built knot)", () => {
  it("a plain session that speaks nothing and reads no terminal keys loads neither child_process nor readline before its first step", async () => {
    const loaded = await builtinsAtFirstStep();
    expect(loaded).toContain("NativeModule fs");
    expect(loaded).not.toContain("NativeModule child_process");
    expect(loaded).not.toContain("NativeModule readline");
  }, 60_000);
});
