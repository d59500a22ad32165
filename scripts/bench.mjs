// knot's benchmark, `npm run bench`:
// 1. start-up: the wall time of the commands people type most, in rounds with bare Node: each
//    budget is milliseconds over `node -e 0` in the same round (the median over the rounds),
//    shown with each one's mean CPU (user+sys);
// 2. a 60 s countdown in a 100x30 pseudo-terminal (node-pty), in the large view with colour on,
//    and the same in 100x15 (the standard view) to compare: CPU seconds (start-up included),
//    bytes written to the terminal, peak memory;
// 3. timing: twenty 1 s steps with --events -, each line stamped by this script's own clock on
//    arrival: the worst lateness of a step start and the drift at the end.
// 4. history: synthetic histories (scripts/gen-history.mjs) of 0, 22,000 and 100,000 records;
//    for each, the time of `start` (to its first step line, plain mode), `today`, `stats`,
//    `history | head -5` over `node -e 0` (the median of each round's difference from that
//    round's `node -e 0`), each one's peak memory,
//    a full `history --json`, and the peak memory of a 60 s session.
//    With them: `list` with 500 routine files of the person's own, the routine ids a TAB asks
//    for, and a TAB for a command or option in bash (the script alone, no process).
// 5. a 60 s countdown in the mat view at 160x45 with a figure: CPU, bytes a second, peak memory.
//    The countdowns come after one unmeasured 1 s session, which writes knot's cache of
//    compiled code as a person's first session does.
// BENCH_ONLY=startup|completion|countdown|mat|timing|history runs one part.
//
// The yardstick is honest: NODE_EXTRA_CA_CERTS, which makes every Node 20 start read a
// certificate file (about 35 ms, `node -e 0` included), is removed from the environment of
// everything measured, so "+N ms" is knot's own cost, not the environment's.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const bin = fileURLToPath(new URL("../bin/knot.js", import.meta.url));
const home = mkdtempSync(join(tmpdir(), "knot-bench-"));
const { NODE_EXTRA_CA_CERTS: extraCerts, ...clean } = process.env;
const env = {
  ...clean,
  HOME: home,
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
};

// The person has answered the questions knot asks before a first session (none applies).
spawnSync(process.execPath, [bin, "safety", "--screen", "--none-apply", "red-flags", "neck"], {
  env,
});

if (extraCerts !== undefined)
  console.log(
    "NODE_EXTRA_CA_CERTS is removed for every command measured (it costs each Node 20 start about 35 ms).\n",
  );

// A person with 500 routine files of their own (each command reads the folder).
const many = join(home, "many");
mkdirSync(join(many, "config", "knot", "routines"), { recursive: true });
for (let i = 0; i < 500; i++) {
  writeFileSync(
    join(many, "config", "knot", "routines", `mine-${i}.json`),
    JSON.stringify({
      id: `mine-${i}`,
      name: `Mine ${i}`,
      category: "stretch",
      steps: [
        { name: "Knee to chest", kind: "hold", duration: "30s", sides: true },
        { name: "Rest", kind: "rest", duration: 10 },
      ],
    }),
  );
}
const manyEnv = {
  ...env,
  HOME: many,
  XDG_CONFIG_HOME: join(many, "config"),
  XDG_DATA_HOME: join(many, "data"),
};

/** Budgets in milliseconds over `node -e 0` measured in the same run. */
const cases = [
  { label: "node -e 0", args: ["-e", "0"] },
  { label: "knot --version", args: [bin, "--version"], budget: 5 },
  { label: "knot list", args: [bin, "list"], budget: 15 },
  { label: "knot show stretch", args: [bin, "show", "stretch"], budget: 15 },
  { label: "list, 500 own files", args: [bin, "list"], budget: 40, env: manyEnv },
  // what a TAB after `knot start ` runs
  { label: "complete routine ids", args: [bin, "__complete", "routines"], budget: 10 },
];

/** "+12.3 ms (budget +15 ms) ok": a time over node's, against its budget. */
const over = (ms, base, budget) => {
  const extra = ms - base;
  const text = `${extra >= 0 ? "+" : ""}${extra.toFixed(1)} ms`;
  return budget === undefined
    ? text
    : `${text} (budget +${budget} ms) ${extra <= budget ? "ok" : "OVER"}`;
};

const timeOnce = (args, envFor = env) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    env: envFor,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
};

/** A run's wall time (ms) and the CPU (user+sys, s) the child used, read as it is reaped. */
const timeAndCpu = (args, envFor) => {
  const before = childCpuSeconds();
  const ms = timeOnce(args, envFor);
  return { ms, cpu: childCpuSeconds() - before };
};

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const only = process.env.BENCH_ONLY;

/**
 * How busy the machine was over a stretch of time: the share of it in which some task waited for
 * a CPU (Linux's pressure stall information, /proc/pressure/cpu), or undefined where there is none.
 */
const cpuPressure = () => {
  /** Microseconds in which some task waited for a CPU, since boot. */
  const stalled = () => {
    try {
      return Number(/some .*total=(\d+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"))[1]);
    } catch {
      return Number.NaN;
    }
  };
  const [from, at] = [stalled(), process.hrtime.bigint()];
  return () => {
    const share = (stalled() - from) / (Number(process.hrtime.bigint() - at) / 1000);
    return Number.isFinite(share) ? share : undefined;
  };
};

function startup() {
  const busy = cpuPressure();
  // warm the file cache, and knot's cache of compiled code (written by the first run after a build)
  for (const c of cases) timeOnce(c.args, c.env);
  const samples = new Map(cases.map((c) => [c.label, []]));
  const extra = new Map(cases.map((c) => [c.label, []]));
  const cpu = new Map(cases.map((c) => [c.label, 0]));
  // Rounds of node -e 0 and then each command, so that a slow moment of the machine hits all of
  // them alike; each command's time over node -e 0 is taken within its round (the median of
  // those differences), which a load that drifts between rounds leaves out.
  for (let i = 0; i < RUNS; i++) {
    let yardstick = 0;
    for (const c of cases) {
      const run = timeAndCpu(c.args, c.env);
      if (c.label === "node -e 0") yardstick = run.ms;
      samples.get(c.label).push(run.ms);
      extra.get(c.label).push(run.ms - yardstick);
      cpu.set(c.label, cpu.get(c.label) + run.cpu);
    }
  }

  // CPU: the mean user+sys of a run (from the reaped children's times, in 10 ms ticks summed
  // over every run), which other processes on the machine do not add to.
  const cpuMs = (label) => (cpu.get(label) * 1000) / RUNS;
  const baseCpu = cpuMs("node -e 0");
  console.log(`start-up, median of ${RUNS} rounds (Node ${process.version}, ${process.platform})`);
  console.log(
    `${"command".padEnd(20)}${"median".padStart(10)}  ${"over node -e 0".padEnd(38)}CPU (mean user+sys)`,
  );
  for (const c of cases) {
    const m = median(samples.get(c.label));
    const vs =
      c.label === "node -e 0" ? "(the yardstick)" : over(median(extra.get(c.label)), 0, c.budget);
    const cpuText =
      c.label === "node -e 0"
        ? `${baseCpu.toFixed(1)} ms`
        : `${cpuMs(c.label).toFixed(1)} ms, ${over(cpuMs(c.label), baseCpu)}`;
    console.log(
      `${c.label.padEnd(20)}${`${m.toFixed(1)} ms`.padStart(10)}  ${vs.padEnd(38)}${cpuText}`,
    );
  }
  // A command's wall time grows with the other processes' demand for the CPU, and a longer one
  // grows more (it waits its turn more often), so its figure over node -e 0 does too: the same
  // build gave `list` with 500 files +28 ms in one run and +43 in another, +84 at a load of 11,
  // while its CPU stayed at +43 to +46 ms. So the run says how busy the machine was.
  const share = busy();
  if (share !== undefined) {
    const pct = (share * 100).toFixed(0);
    console.log(
      `machine: some task waited for a CPU ${pct}% of the time${share > 0.2 ? " (busy: the wall times above are inflated, the CPU column is the steadier figure)" : ""}`,
    );
  }
}

/**
 * A TAB for a command or an option in bash runs only the completion script's own functions (no
 * knot process): the mean time of one, over 200 in one bash, against a budget of 15 ms.
 */
function bashTab() {
  const script = join(home, "knot.bash");
  writeFileSync(
    script,
    spawnSync(process.execPath, [bin, "completion", "bash"], { env, encoding: "utf8" }).stdout,
  );
  const timed = (words) => {
    const result = spawnSync(
      "bash",
      [
        "-c",
        `source ${JSON.stringify(script)}; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
t0=$EPOCHREALTIME; for i in {1..200}; do _knot_complete; done; t1=$EPOCHREALTIME
echo "$t0 $t1"`,
      ],
      { env, encoding: "utf8" },
    );
    const [t0, t1] = result.stdout.trim().split(" ").map(Number);
    return ((t1 - t0) * 1000) / 200;
  };
  console.log("\nbash completion, no process: mean of 200 TABs (budget < 15 ms)");
  for (const [label, words] of [
    ["knot st<TAB>", "knot st"],
    ["knot start --<TAB>", "knot start --"],
  ]) {
    const ms = timed(words);
    console.log(`  ${label.padEnd(20)}${`${ms.toFixed(2)} ms`.padStart(10)}  ${verdict(ms < 15)}`);
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

/** BENCH_COUNTDOWN_SECONDS shortens the countdowns, to check the bench itself quickly. */
const countdownSeconds = Number(process.env.BENCH_COUNTDOWN_SECONDS ?? 60);

async function countdown(cols, rows, pose, seconds = countdownSeconds) {
  const { default: pty } = await import("@lydell/node-pty");
  const file = join(home, `${seconds}s${pose ? `-${pose}` : ""}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      id: "sixty",
      name: "Sixty seconds",
      category: "stretch",
      steps: [
        {
          name: "Hold",
          kind: "rest",
          duration: seconds,
          instruction: "Breathe slowly.",
          ...(pose ? { pose } : {}),
        },
      ],
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

// Peak memory of a command that exits: a preloaded hook writes its maxRSS (KiB) at exit.
const rssFile = join(home, "rss");
const rssHook = `data:text/javascript,${encodeURIComponent(
  `import{writeFileSync}from"node:fs";process.on("exit",()=>{try{writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS))}catch{}});`,
)}`;

/** Runs a command once; resolves to its wall time (ms) until `done` says so, and its exit. */
function runUntil(args, envFor, done = () => false, withRss = false) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, withRss ? ["--import", rssHook, ...args] : args, {
      env: envFor,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let ms;
    child.stdout.on("data", (chunk) => {
      if (ms !== undefined) return;
      out += chunk;
      const verdict = done(out);
      if (verdict === "now") {
        ms = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill("SIGTERM");
      } else if (verdict === "close") {
        ms = Number(process.hrtime.bigint() - started) / 1e6;
        child.stdout.destroy(); // as `head` does when it has its lines
      }
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      ms ??= Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 && code !== 143 && code !== 141 && code !== 3) {
        reject(new Error(`${args.slice(1).join(" ")} exited ${code}: ${err.slice(0, 300)}`));
      }
      resolve({ ms, code });
    });
  });
}

const peakOf = async (args, envFor, done) => {
  rmSync(rssFile, { force: true });
  await runUntil(args, envFor, done, true);
  return Number(readFileSync(rssFile, "utf8")) / 1024;
};

async function historyBench() {
  const sizes = (process.env.BENCH_HISTORY ?? "0,22000,100000").split(",").map(Number);
  // as many rounds as start-up: on a shared machine one round's difference can be 15 ms off
  // either way, and the median of 11 moved by up to 9 ms from one run to the next
  const runs = Number(process.env.BENCH_HISTORY_RUNS ?? RUNS);
  const lines = (n) => (out) => (out.split("\n").length > n ? "close" : false);
  const firstStep = (out) => (/^\[1\/\d+\]/m.test(out) ? "now" : false);
  const commands = [
    {
      label: "start stretch",
      args: [bin, "start", "stretch", "--yes", "--lead-in", "0", "--no-checkin", "--no-notify"],
      done: firstStep,
      budget: 30,
    },
    { label: "today", args: [bin, "today"], budget: 25 },
    { label: "stats", args: [bin, "stats"], budget: 25 },
    { label: "history | head -5", args: [bin, "history"], done: lines(5), budget: 25 },
    // the clinician's report of the last six weeks, written to a file (budget: 300 ms beyond
    // start-up; stated here over node -e 0, which is stricter)
    {
      label: "report, 6 weeks",
      args: [bin, "report", "--weeks", "6", "--out", join(home, "report.html")],
      budget: 300,
    },
  ];
  const results = [];
  for (const size of sizes) {
    const data = join(home, `history-${size}`);
    const envFor = { ...env, XDG_DATA_HOME: data };
    spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL("gen-history.mjs", import.meta.url)),
        "--records",
        String(size),
        "--data",
        join(data, "knot"),
      ],
      { stdio: "ignore" },
    );
    // answers are kept in the data folder: this history's person has answered them too
    spawnSync(process.execPath, [bin, "safety", "--screen", "--none-apply", "red-flags", "neck"], {
      env: envFor,
    });
    // first runs build the month indexes and warm the file cache and knot's compiled-code cache
    for (const c of commands) await runUntil(c.args, envFor, c.done);
    // Rounds of node -e 0 and then each command, as the start-up part does: each command's time
    // over node -e 0 is taken within its round, and the median of those differences is shown.
    const yardsticks = [];
    const extra = new Map(commands.map((c) => [c.label, []]));
    for (let i = 0; i < runs; i++) {
      const yardstick = (await runUntil(["-e", "0"], envFor)).ms;
      yardsticks.push(yardstick);
      for (const c of commands)
        extra.get(c.label).push((await runUntil(c.args, envFor, c.done)).ms - yardstick);
    }
    const base = median(yardsticks);
    const rows = [];
    for (const c of commands) {
      rows.push({
        label: c.label,
        extra: median(extra.get(c.label)),
        budget: c.budget,
        mib: await peakOf(c.args, envFor, c.done),
      });
    }
    const started = process.hrtime.bigint();
    const jsonMib = await peakOf([bin, "history", "--json"], envFor);
    const jsonS = Number(process.hrtime.bigint() - started) / 1e9;
    results.push({ size, base, rows, jsonMib, jsonS, envFor });
  }
  // 60 s sessions, one per size, side by side: peak memory while the session runs.
  const sessionFile = join(home, "sixty-history.json");
  writeFileSync(
    sessionFile,
    JSON.stringify({
      id: "sixty-h",
      name: "Sixty",
      category: "stretch",
      steps: [{ name: "Hold", kind: "rest", duration: 60 }],
    }),
  );
  const sessionSeconds = Number(process.env.BENCH_SESSION_SECONDS ?? 60);
  await Promise.all(
    results.map(async (r) => {
      const child = spawn(
        process.execPath,
        [bin, "start", sessionFile, "--yes", "--lead-in", "0", "--no-checkin", "--no-notify"],
        { env: r.envFor, stdio: "ignore" },
      );
      let peak = 0;
      const poll = setInterval(() => {
        peak = Math.max(peak, peakKiB(child.pid));
      }, 100);
      setTimeout(() => child.kill("SIGTERM"), sessionSeconds * 1000);
      await new Promise((resolve) => child.on("close", resolve));
      clearInterval(poll);
      r.sessionMib = peak / 1024;
    }),
  );
  return { results, runs, sessionSeconds };
}

if (!only || only === "startup") startup();
if (!only || only === "startup" || only === "completion") bashTab();
// One after the other: CPU is read from this process's reaped children, which must then be
// the countdown's alone, and the timing run should not share the machine with it.
const countdowns = !only || only === "countdown" || only === "mat";
// A person's first session after knot is installed (or built) writes knot's cache of compiled
// code (bin/knot.js), which every session after it reads: the budgets are for those, so one
// unmeasured 1 s session in the mat view with a figure comes first.
if (countdowns) await countdown(160, 45, "knee-to-chest", 1);
const cd = !only || only === "countdown" ? await countdown(100, 30) : undefined;
// The standard view, for what the large digits cost next to it (rows under 16 keep it).
const small = !only || only === "countdown" ? await countdown(100, 15) : undefined;
// The mat view at 160x45 (a laptop read from two metres), with a figure drawn once.
const mat = countdowns ? await countdown(160, 45, "knee-to-chest") : undefined;
const tm = !only || only === "timing" ? await timing() : undefined;
const hist = !only || only === "history" ? await historyBench() : undefined;
if (cd) {
  console.log(
    `\n${countdownSeconds} s countdown in a 100x30 pseudo-terminal: the mat view, colour on`,
  );
  console.log(`  exit ${cd.exit}, ${cd.wall.toFixed(1)} s wall`);
  console.log(
    `  CPU          ${cd.cpu.toFixed(2)} s          budget < 0.4 s      ${verdict(cd.cpu < 0.4)}`,
  );
  console.log(
    `  written      ${cd.bytes} bytes, ${cd.perSecond.toFixed(1)} B/s   budget < 150 B/s    ${verdict(cd.perSecond < 150)}`,
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
if (mat) {
  console.log(
    `\n${countdownSeconds} s countdown in a 160x45 pseudo-terminal: the mat view with a figure, colour on`,
  );
  console.log(`  exit ${mat.exit}, ${mat.wall.toFixed(1)} s wall`);
  console.log(
    `  CPU          ${mat.cpu.toFixed(2)} s          budget < 0.4 s      ${verdict(mat.cpu < 0.4)}`,
  );
  console.log(
    `  written      ${mat.bytes} bytes, ${mat.perSecond.toFixed(1)} B/s   budget < 150 B/s    ${verdict(mat.perSecond < 150)}`,
  );
  console.log(
    `  peak memory  ${mat.peakMiB.toFixed(1)} MiB        budget < 80 MiB     ${verdict(mat.peakMiB < 80)}`,
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
if (hist) {
  console.log(
    `\nhistory, ${hist.runs} rounds: the median of each round's time over its node -e 0 (node -e 0: its median)`,
  );
  console.log(
    "  budgets at 22,000 and 100,000 records: start (to its first step) +30 ms, the others +25 ms, each under 80 MiB; --json < 100 MiB",
  );
  const header = [
    "records",
    "node -e 0",
    ...hist.results[0].rows.map((r) => r.label),
    "history --json",
    "60 s session",
  ];
  console.log(
    `  ${header.map((h, i) => (i === 0 ? h.padEnd(9) : h.padStart(i === 1 ? 10 : 22))).join("")}`,
  );
  for (const r of hist.results) {
    const budgeted = r.size >= 22_000;
    const cells = r.rows.map((row) => {
      const extra = row.extra;
      const ok = extra <= row.budget && row.mib < 80;
      return `+${extra.toFixed(0)} ms ${row.mib.toFixed(0)} MiB${budgeted ? (ok ? " ok" : " OVER") : ""}`;
    });
    const json = `${r.jsonS.toFixed(1)} s ${r.jsonMib.toFixed(0)} MiB${budgeted ? (r.jsonMib < 100 ? " ok" : " OVER") : ""}`;
    console.log(
      `  ${String(r.size).padEnd(9)}${`${r.base.toFixed(1)} ms`.padStart(10)}${[...cells, json, `${r.sessionMib.toFixed(0)} MiB`].map((c) => c.padStart(22)).join("")}`,
    );
  }
  console.log(
    `  (the session column: peak memory of a ${hist.sessionSeconds} s session run beside each history)`,
  );
}
rmSync(home, { recursive: true, force: true });
