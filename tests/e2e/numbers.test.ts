import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shortRoutine } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

const records = (env: NodeJS.ProcessEnv) =>
  JSON.parse(knot(["history", "--json"], { env }).stdout) as { areas: string[]; ended: string }[];

describe("the numbers knot records", () => {
  it("knot cycle records the area it was used on (--area)", { timeout: 90_000 }, async () => {
    const env = isolatedEnv({}, ["red-flags", "neck", "heat"]);
    const child = spawn(
      process.execPath,
      [KNOT_BIN, "cycle", "heat-1", "--area", "lower-back", "--yes", "--skin-checked"].concat([
        "--lead-in",
        "0",
        "--no-checkin",
        "--no-notify",
        "--no-sound",
        "--plain",
      ]),
      { env },
    );
    // past the set-up step (Enter), a second into the heat, then stopped
    child.stdout.once("data", () => child.stdin.write("\n"));
    let seen = "";
    child.stdout.on("data", (d) => {
      seen += d;
      if (/\[2\/3\]/.test(seen)) setTimeout(() => child.kill("SIGTERM"), 1100);
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code, seen).toBe(143);
    expect(records(env)).toMatchObject([{ areas: ["lower-back"] }]);
  });

  it("knot cycle --area refuses what is not a body area, suggesting one", () => {
    const result = knot(["cycle", "heat-1", "--area", "lowerback", "--yes"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"lowerback" is not a body area. Did you mean "lower-back"/);
  });

  it("events piped to a reader that reads them all finish the session: no resume offer", {
    timeout: 90_000,
  }, () => {
    const env = isolatedEnv();
    const file = shortRoutine([
      { name: "A", kind: "hold", duration: 1 },
      { name: "B", kind: "hold", duration: 1 },
    ]);
    // the README's example: knot start ... --events - 2>/dev/null | grep --line-buffered step-start
    const result = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${KNOT_BIN}" start "${file}" --yes --lead-in 0 --no-notify --no-sound --events - 2>/dev/null | grep --line-buffered step-start; exit "\${PIPESTATUS[0]}"`,
      ],
      { env, encoding: "utf8", input: "" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(2);
    expect(records(env)).toMatchObject([{ ended: "completed" }]);
  });
});
