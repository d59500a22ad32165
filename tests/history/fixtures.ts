import type { SessionRecord, StepRecord } from "../../src/history/record-types.js";

let n = 0;
/** A history record, with fields overridden; steps default to one 60 s stretch. */
export function rec(overrides: Partial<SessionRecord> & { start?: string } = {}): SessionRecord {
  const { start = "2026-11-22T09:00:00.000Z", ...rest } = overrides;
  const startedAt = new Date(start).toISOString();
  const steps: StepRecord[] = rest.steps ?? [
    { name: "Stretch", kind: "hold", planned: 60, done: 60, outcome: "done", at: startedAt },
  ];
  const done = steps.reduce((s, x) => s + x.done, 0);
  n += 1;
  return {
    v: 1,
    id: `r${n}`,
    routine: "stretch",
    name: "Gentle back stretch",
    category: "stretch",
    areas: ["lower-back"],
    sides: [],
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + done * 1000).toISOString(),
    plannedSeconds: done,
    doneSeconds: done,
    ended: "completed",
    ratings: {},
    steps,
    stoppedAt: steps.length - 1,
    ...rest,
  };
}

export const massageStep = (at: string, done: number, area?: StepRecord["area"]): StepRecord => ({
  name: "Roll",
  kind: "massage",
  planned: done,
  done,
  outcome: "done",
  at: new Date(at).toISOString(),
  ...(area ? { area } : {}),
});

/** A stretch held (30 s planned), started at `at`: nothing put on the body. */
export const holdStep = (
  at: string,
  done = 30,
  outcome: StepRecord["outcome"] = "done",
): StepRecord => ({
  name: "Hold",
  kind: "hold",
  planned: 30,
  done,
  outcome,
  at: new Date(at).toISOString(),
});

export const thermalStep = (kind: "cold" | "heat", at: string, done: number): StepRecord => ({
  name: kind === "cold" ? "Cold" : "Heat",
  kind,
  planned: 600,
  done,
  outcome: "done",
  at: new Date(at).toISOString(),
});
