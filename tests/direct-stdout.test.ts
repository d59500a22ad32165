import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleForChild, tempDir } from "./helpers.js";

/**
 * A script whose standard output is knot's direct one, running `body` with `out` (the output)
 * in scope; a failure to write at exit is reported as "said: <code>" on standard error.
 */
function bundle(dir: string, body: string): string {
  const module = bundleForChild("direct-stdout.ts", dir);
  const script = join(dir, "script.mjs");
  writeFileSync(
    script,
    `import { directStdout } from ${JSON.stringify(module)};
const out = directStdout(() => false, () => false, (error) => process.stderr.write("said: " + error.code + "\\n"));
${body}`,
  );
  return script;
}

function run(body: string) {
  const dir = tempDir();
  const script = bundle(dir, body);
  const file = join(dir, "out.txt");
  const fd = openSync(file, "w");
  const result = spawnSync(process.execPath, [script], { stdio: ["ignore", fd, "pipe"] });
  closeSync(fd);
  return {
    status: result.status,
    out: readFileSync(file, "utf8"),
    err: String(result.stderr),
  };
}

describe("standard output written straight to a file (directStdout)", () => {
  it("gathers what one turn writes into one write, in order", () => {
    const r = run(
      `out.write("one\\n"); out.write("two\\n"); setTimeout(() => out.write("three\\n"), 5);`,
    );
    expect(r).toMatchObject({ status: 0, out: "one\ntwo\nthree\n" });
  });

  it("writes what waits when knot exits in the same turn, keeping the exit code", () => {
    const r = run(`out.write("before the end\\n"); process.exit(3);`);
    expect(r).toMatchObject({ status: 3, out: "before the end\n" });
  });

  it("writes at once what another listener writes as knot exits", () => {
    const r = run(
      `process.on("exit", () => out.write("last words\\n")); out.write("first\\n"); process.exit(4);`,
    );
    expect(r).toMatchObject({ status: 4, out: "first\nlast words\n" });
  });

  it("ends quietly, keeping the exit code, when the reader is gone as knot exits", () => {
    const dir = tempDir();
    const script = bundle(
      dir,
      `process.on("exit", () => process.stderr.write("after\\n"));
setTimeout(() => { out.write("x\\n"); process.exit(5); }, 300);`,
    );
    // the reader ends at once: the write finds the pipe closed
    const r = spawnSync("bash", [
      "-c",
      `"${process.execPath}" "${script}" | true; echo "\${PIPESTATUS[0]}"`,
    ]);
    expect(String(r.stdout).trim()).toBe("5");
    expect(String(r.stderr)).toBe("after\n");
  });
});
