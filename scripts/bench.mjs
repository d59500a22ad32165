// knot's benchmark, `npm run bench`:
// 1. start-up: the median wall time of the commands people type most, next to bare Node
//    measured in the same run, as ratios;
// 2. a 60 s countdown in a 100x30 pseudo-terminal (node-pty), in the large view with colour on,
//    and the same in 100x15 (the standard view) to compare: CPU seconds (start-up included),
//    bytes written to the terminal, peak memory;
// 3. timing: twenty 1 s steps with --events -, each line stamped by this script's own clock on
//    arrival: the worst lateness of a step start and the drift at the end.
// BENCH_ONLY=startup|countdown|timing runs one part.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// The person has answered the questions knot asks before a first session (none applies).
spawnSync(process.execPath, [bin, "safety", "--screen", "--none-apply", "red-flags"], { env });

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

const only = process.env.BENCH_ONLY;

function startup() {
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
}

/** utime + stime of this process's reaped children, in seconds (from /proc/self/stat). */
const childCpuSeconds = () => {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // after the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here
  return (Number(fields[13]) + Number(fields[14])) / 100;
};

const peakKiB = (pid) => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

async function countdown(cols, rows) {
  const { default: pty } = await import("@lydell/node-pty");
  const file = join(home, "sixty.json");
  writeFileSync(
    file,
    JSON.stringify({
      id: "sixty",
      name: "Sixty seconds",
      category: "stretch",
      steps: [{ name: "Hold", kind: "rest", duration: 60, instruction: "Breathe slowly." }],
    }),
  );
  const cpuBefore = childCpuSeconds();
  let bytes = 0;
  let peak = 0;
  const term = pty.spawn(
    process.execPath,
    [bin, "start", file, "--yes", "--lead-in", "0", "--no-checkin"],
    {
      name: "xterm-256color",
      cols,
      rows,
      env: { ...env, TERM: "xterm-256color" },
    },
  );
  term.onData((d) => {
    bytes += Buffer.byteLength(d);
  });
  const poll = setInterval(() => {
    peak = Math.max(peak, peakKiB(term.pid));
  }, 100);
  const started = Date.now();
  const exit = await new Promise((resolve) => term.onExit(resolve));
  clearInterval(poll);
  const wall = (Date.now() - started) / 1000;
  const cpu = childCpuSeconds() - cpuBefore;
  return { exit: exit.exitCode, wall, cpu, bytes, perSecond: bytes / wall, peakMiB: peak / 1024 };
}

async function timing() {
  const file = join(home, "twenty.json");
  const steps = Array.from({ length: 20 }, (_, i) => ({
    name: `Step ${i + 1}`,
    kind: "hold",
    duration: 1,
  }));
  writeFileSync(file, JSON.stringify({ id: "twenty", name: "Twenty", category: "stretch", steps }));
  const child = spawn(
    process.execPath,
    [bin, "start", file, "--yes", "--lead-in", "0", "--events", "-", "--no-notify"],
    { env, stdio: ["ignore", "pipe", "ignore"] },
  );
  const arrivals = [];
  let buffer = "";
  child.stdout.on("data", (chunk) => {
    const now = performance.timeOrigin + performance.now();
    buffer += chunk;
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      arrivals.push({ event: JSON.parse(buffer.slice(0, nl)), at: now });
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
    }
  });
  await new Promise((resolve) => child.on("close", resolve));
  // The schedule: the first step's start as knot stamped it, then one step a second. Each
  // lateness is when this script saw the line, against that schedule.
  const starts = arrivals.filter((a) => a.event.event === "step-start");
  const origin = Date.parse(starts[0].event.at);
  const late = starts.map((a, i) => a.at - (origin + i * 1000));
  if (process.env.BENCH_VERBOSE)
    console.log("lateness per step (ms):", late.map((x) => x.toFixed(1)).join(" "));
  const end = arrivals.find((a) => a.event.event === "session-end").at;
  return { steps: starts.length, worstLateMs: Math.max(...late), driftMs: end - (origin + 20_000) };
}

const verdict = (ok) => (ok ? "ok" : "OVER");
if (!only || only === "startup") startup();
// One after the other: CPU is read from this process's reaped children, which must then be
// the countdown's alone, and the timing run should not share the machine with it.
const cd = !only || only === "countdown" ? await countdown(100, 30) : undefined;
// The standard view, for what the large digits cost next to it (rows under 16 keep it).
const small = !only || only === "countdown" ? await countdown(100, 15) : undefined;
const tm = !only || only === "timing" ? await timing() : undefined;
if (cd) {
  console.log("\n60 s countdown in a 100x30 pseudo-terminal: the large view, colour on");
  console.log(`  exit ${cd.exit}, ${cd.wall.toFixed(1)} s wall`);
  console.log(
    `  CPU          ${cd.cpu.toFixed(2)} s          budget < 0.4 s      ${verdict(cd.cpu < 0.4)}`,
  );
  console.log(
    `  written      ${cd.bytes} bytes, ${cd.perSecond.toFixed(1)} B/s   budget < 70 B/s     ${verdict(cd.perSecond < 70)}`,
  );
  console.log(
    `  peak memory  ${cd.peakMiB.toFixed(1)} MiB        budget < 80 MiB     ${verdict(cd.peakMiB < 80)}`,
  );
}
if (small) {
  console.log("the same 60 s in 100x15: the standard view, for comparison");
  console.log(
    `  CPU ${small.cpu.toFixed(2)} s, written ${small.bytes} bytes, ${small.perSecond.toFixed(1)} B/s, peak ${small.peakMiB.toFixed(1)} MiB`,
  );
}
if (tm) {
  console.log("\ntwenty 1 s steps, --events - read by this script's clock");
  console.log(
    `  worst lateness of a step start  ${tm.worstLateMs.toFixed(1)} ms   budget < 25 ms   ${verdict(tm.worstLateMs < 25)}`,
  );
  console.log(
    `  drift at the end                ${tm.driftMs.toFixed(1)} ms   budget < 25 ms   ${verdict(Math.abs(tm.driftMs) < 25)}`,
  );
}
rmSync(home, { recursive: true, force: true });
