import { spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shortRoutine } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot } from "./run-knot.js";

describe.skipIf(process.platform === "win32")("a session with no input (cron, a service)", () => {
  it("runs from /dev/null as it does from empty piped input: a step waiting for Enter goes on", () => {
    const file = shortRoutine([
      { name: "Ready", kind: "hold", instruction: "Up." },
      { name: "Reach", kind: "hold", duration: 1, instruction: "Up." },
    ]);
    const args = ["start", file, "--yes", "--lead-in", "0", "--no-notify", "--no-checkin"];
    const piped = knot(args, { env: isolatedEnv() });
    const devNull = openSync("/dev/null", "r");
    try {
      const fromNull = spawnSync(process.execPath, [KNOT_BIN, ...args], {
        env: isolatedEnv(),
        stdio: [devNull, "pipe", "pipe"],
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(piped.status).toBe(0);
      expect(fromNull.status).toBe(0);
      expect(fromNull.stdout).toBe(piped.stdout);
    } finally {
      closeSync(devNull);
    }
  });
});
