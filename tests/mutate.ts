/**
 * Mutations of routine files, as a careless editor or a hostile file would make them, from a
 * seeded generator so that a failure can be replayed. Shared by the fuzz and schema tests.
 */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: unknown[] = [
  null,
  true,
  0,
  -5,
  1e308,
  Number.MAX_SAFE_INTEGER,
  "",
  "   ",
  "\u001b]52;c;aGk=\u0007",
  "\u009b2J",
  "abc\u202edef",
  "line\u2028break",
  "9".repeat(5000),
  `${"1".repeat(20_000)}x`,
  "__proto__",
  [],
  {},
  { repeat: 1_000_000_000, steps: [{ routine: "nope" }] },
  { routine: "full-session" },
  {
    repeat: 20,
    steps: [
      { repeat: 20, steps: [{ repeat: 20, steps: [{ name: "x", kind: "hold", duration: 1 }] }] },
    ],
  },
];

/** `rate` scales how often each value is changed: 1 damages nearly every file, 0.05 about half. */
export function mutate(value: unknown, rand: () => number, rate = 1, depth = 0): unknown {
  const chance = (p: number) => rand() < p * rate;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (depth > 0 && chance(0.08)) return pick(NASTY);
  if (Array.isArray(value)) {
    const copy = value.map((v) => mutate(v, rand, rate, depth + 1));
    if (chance(0.15)) copy.push(pick(NASTY));
    if (chance(0.1)) copy.splice(Math.floor(rand() * copy.length), 1);
    if (chance(0.05)) return [copy];
    return copy;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([k, v]) => [k, mutate(v, rand, rate, depth + 1)] as const,
    );
    const out: Record<string, unknown> = Object.fromEntries(entries);
    if (chance(0.1)) delete out[pick(Object.keys(out))];
    if (chance(0.08))
      out[pick(["kind", "duration", "\u001b[31mkey", "repeat", "sides", "x".repeat(300)])] =
        pick(NASTY);
    return out;
  }
  if (chance(0.1)) return pick(NASTY);
  if (chance(0.15)) return tweak(value, rand);
  return value;
}

/** Small changes to one value: what a schema and a validator can disagree on. */
function tweak(value: unknown, rand: () => number): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (typeof value === "number") {
    return pick([0, -value, value + 0.5, value * 100, 3600, 3601, 86_400, 86_401, 20, 21, 1]);
  }
  if (typeof value === "string") {
    const change = pick([
      (v: string) => v.toUpperCase(),
      (v: string) => ` ${v}`,
      (v: string) => `${v} `,
      (v: string) => `${v}s`,
      (v: string) => `${v}\t`,
      (v: string) => v.repeat(3),
      (v: string) => "😀".repeat(Math.max(1, v.length)),
      (v: string) => `${v}${"é".repeat(20)}`,
      (v: string) => v.replace(/\d+/, "0"),
      (v: string) => v.replace(/\d+/, "00"),
      (v: string) => `${v.length}`,
      (v: string) => `${v.length}m`,
      (v: string) => `${v.length}H`,
      (v: string) => `${v.length}h${v.length}m`,
      (v: string) => "1".repeat(v.length + 20),
      (v: string) => v.slice(1),
      (v: string) => v.replace(/[a-z]/, "\u200b"),
    ]);
    return change(value);
  }
  return value;
}
