// Start-up benchmark: the median wall time of the commands people type most, next to bare
// Node measured in the same run, as ratios. Plain Node, no dependencies. `npm run bench`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const bin = fileURLToPath(new URL("../bin/knot.js", import.meta.url));
const home = mkdtempSync(join(tmpdir(), "knot-bench-"));
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
};

const cases = [
  { label: "node -e 0", args: ["-e", "0"] },
  { label: "knot --version", args: [bin, "--version"], budget: 1.3 },
  { label: "knot list", args: [bin, "list"], budget: 1.5 },
  { label: "knot show stretch", args: [bin, "show", "stretch"] },
];

const timeOnce = (args) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
};

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

for (const c of cases) timeOnce(c.args); // warm the file cache
const samples = new Map(cases.map((c) => [c.label, []]));
// Interleave the cases so that a slow moment of the machine hits all of them alike.
for (let i = 0; i < RUNS; i++) for (const c of cases) samples.get(c.label).push(timeOnce(c.args));

const base = median(samples.get("node -e 0"));
console.log(`start-up, median of ${RUNS} runs (Node ${process.version}, ${process.platform})`);
console.log(`${"command".padEnd(20)}${"median".padStart(10)}${"vs node".padStart(10)}  budget`);
for (const c of cases) {
  const m = median(samples.get(c.label));
  const ratio = m / base;
  const verdict = c.budget ? `<= ${c.budget}x ${ratio <= c.budget ? "ok" : "OVER"}` : "";
  console.log(
    `${c.label.padEnd(20)}${`${m.toFixed(1)} ms`.padStart(10)}${`${ratio.toFixed(2)}x`.padStart(10)}  ${verdict}`,
  );
}
rmSync(home, { recursive: true, force: true });
