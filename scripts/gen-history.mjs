// Writes a realistic synthetic history for the benchmark and for trying knot with years of
// use: records in knot's own format (about 3 KB each, like a real session's), from the
// built-in routines' real steps, several sessions a day going back from now, with pain
// check-ins that ease over time and the odd session ended early.
//
//   node scripts/gen-history.mjs --records 22000 --data DIR [--per-day 6] [--legacy] [--seed 1]
//
// DIR is knot's data folder (XDG_DATA_HOME/knot). The records go into history/YYYY-MM.jsonl,
// or with --legacy into the single history.jsonl that older versions kept (to try the move).
// --psfs adds the weekly activity check (psfs.json: three activities, one check a week, easing
// like the pain); --hostile names a routine and an activity the way an attacker would (markup,
// quotes, an escape sequence), to check that every place shows them as text; --worsening makes
// the pain rise over the weeks instead.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "1000" },
    data: { type: "string" },
    "per-day": { type: "string", default: "6" },
    legacy: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    psfs: { type: "boolean", default: false },
    hostile: { type: "boolean", default: false },
    worsening: { type: "boolean", default: false },
  },
});
if (!values.data) {
  console.error(
    "usage: node scripts/gen-history.mjs --records N --data DIR [--per-day 6] [--legacy]",
  );
  process.exit(2);
}
const count = Number(values.records);
const perDay = Number(values["per-day"]);

let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const seconds = (d) => {
  if (typeof d === "number") return d;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(d);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : Number(d);
};

/** A routine's steps as knot lays them out: repeats unrolled, two-sided steps doubled. */
function flatten(steps, routines) {
  const out = [];
  for (const step of steps) {
    if (step.repeat) {
      for (let i = 0; i < step.repeat; i++) out.push(...flatten(step.steps, routines));
    } else if (step.routine) {
      out.push(...flatten(routines.get(step.routine)?.steps ?? [], routines));
    } else if (step.sides) {
      for (const side of ["left", "right"]) out.push({ ...step, side });
    } else {
      out.push(step);
    }
  }
  return out;
}

const dir = new URL("../routines/", import.meta.url);
const routines = new Map();
for (const id of [
  "stretch",
  "cold-cycle",
  "heat",
  "tennis-ball",
  "fingertips",
  "full-session",
  "desk-break",
]) {
  routines.set(id, JSON.parse(readFileSync(new URL(`${id}.json`, dir), "utf8")));
}
const plans = [...routines.values()].map((r) => ({
  routine: r,
  steps: flatten(r.steps, routines),
}));

const DAY = 86_400_000;
const HOSTILE_ROUTINE = `<script>alert("routine")</script> & 'quotes'`;
const now = Date.now();

function record(i) {
  // Newest first from now: perDay sessions a day, spread over the waking hours.
  const day = Math.floor(i / perDay);
  const slot = i % perDay;
  const start = now - day * DAY - (slot * 14 * 3_600_000) / perDay - 600_000 - random() * 600_000;
  const { routine, steps } = plans[i % plans.length];
  const endedEarly = random() < 0.05;
  const stoppedAt = endedEarly ? Math.floor(random() * steps.length) : steps.length - 1;
  let t = start;
  const stepRecords = steps.map((s, n) => {
    const planned = s.duration === undefined ? null : seconds(s.duration);
    const done = n > stoppedAt ? 0 : (planned ?? 5);
    const at = n > stoppedAt ? null : new Date(t).toISOString();
    t += done * 1000;
    return {
      name: s.name,
      kind: s.kind,
      ...(s.side ? { side: s.side } : {}),
      ...(s.area ? { area: s.area } : {}),
      planned,
      done,
      outcome: n < stoppedAt || !endedEarly ? "done" : n === stoppedAt ? "shortened" : "pending",
      at,
    };
  });
  // Check-ins on some sessions, easing over the weeks (so no getting-worse rule fires).
  // (--worsening: the other way round, rising over the weeks, to see how knot says "worse")
  const days = Math.floor((count - 1) / perDay);
  const eased = values.worsening
    ? Math.min(7, 2 + Math.floor((days - day) / 10))
    : Math.min(6, 2 + Math.floor(day / 14));
  const ratings = random() < 0.4 ? { before: eased, after: Math.max(0, eased - 1) } : {};
  const done = stepRecords.reduce((sum, s) => sum + s.done, 0);
  const plannedSeconds = stepRecords.reduce((sum, s) => sum + (s.planned ?? 0), 0);
  const areas = [...new Set([...(routine.areas ?? []), ...steps.flatMap((s) => s.area ?? [])])];
  return {
    v: 1,
    id: `${new Date(start).toISOString().replace(/[-:.]/g, "")}-${i.toString(16).padStart(6, "0")}`,
    routine: routine.id,
    name: values.hostile && routine.id === "heat" ? HOSTILE_ROUTINE : routine.name,
    category: routine.category,
    areas,
    sides: [...new Set(steps.flatMap((s) => s.side ?? []))],
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + done * 1000).toISOString(),
    plannedSeconds,
    doneSeconds: done,
    ended: endedEarly ? "quit" : "completed",
    ratings,
    steps: stepRecords,
    stoppedAt,
  };
}

// Oldest first, as knot appends them; one write per month (or per 4 MB for the single file).
const data = values.data;
rmSync(join(data, "history"), { recursive: true, force: true });
rmSync(join(data, "history.jsonl"), { force: true });
rmSync(join(data, "index"), { recursive: true, force: true });
mkdirSync(values.legacy ? data : join(data, "history"), { recursive: true });
let pending = [];
let month = "";
let bytes = 0;
const flush = () => {
  if (pending.length === 0) return;
  const file = values.legacy
    ? join(data, "history.jsonl")
    : join(data, "history", `${month}.jsonl`);
  appendFileSync(file, pending.join(""));
  pending = [];
};
for (let i = count - 1; i >= 0; i--) {
  const r = record(i);
  const line = `${JSON.stringify(r)}\n`;
  const m = r.startedAt.slice(0, 7);
  if ((!values.legacy && m !== month) || pending.length >= 2000) flush();
  month = m;
  pending.push(line);
  bytes += line.length;
}
flush();

if (values.psfs) {
  // Weekly, from the oldest session's week to now: function rises as the pain eases.
  const weeks = Math.floor(Math.floor((count - 1) / perDay) / 7);
  const added = new Date(now - weeks * 7 * DAY - DAY).toISOString();
  const activities = [
    { id: "a1", name: "turning my head to reverse the car", added },
    {
      id: "a2",
      name: values.hostile
        ? `<script>alert("a2")</script> "quoted" \u001b[31mred`
        : "lifting the shopping",
      added,
    },
    { id: "a3", name: "sleeping through the night", added },
  ];
  const checks = [];
  for (let w = weeks; w >= 0; w--) {
    const at = new Date(now - w * 7 * DAY - 3_600_000).toISOString();
    const level = Math.min(10, 3 + Math.floor((weeks - w) * 0.8));
    checks.push({
      at,
      ratings: { a1: level, a2: Math.max(0, level - 1), a3: Math.min(10, level + 1) },
    });
  }
  writeFileSync(
    join(data, "psfs.json"),
    `${JSON.stringify({ v: 1, activities, checks }, null, 2)}\n`,
  );
}
console.error(
  `${count} records, ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / Math.max(1, count) / 1000).toFixed(1)} KB each, in ${values.legacy ? "history.jsonl" : "history/"}`,
);
