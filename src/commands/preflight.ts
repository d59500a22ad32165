import type { ConfigStore, Settings } from "../config/store.js";
import type { Context } from "../context.js";
import { formatDuration, formatMinutes } from "../duration.js";
import { ExitCode, KnotError } from "../errors.js";
import {
  CONTRAINDICATIONS,
  RED_FLAGS,
  SCREENING_VALID_DAYS,
  THERAPIES,
  type Therapy,
} from "../health.js";
import {
  addDays,
  assessTrend,
  lastApplicationEnd,
  massageSecondsByArea,
  startOfDay,
  THERMAL_GAP_MS,
} from "../history/analysis.js";
import type { SessionRecord } from "../history/record.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { Area } from "../routine/vocabulary.js";
import { canAsk, choose, confirm } from "../ui/prompt.js";
import { openUserConfig } from "./settings.js";

export interface PreflightInput {
  ctx: Context;
  timeline: TimelineEntry[];
  routineAreas: Area[];
  records: readonly SessionRecord[];
  settings: Settings;
  yes: boolean;
  force: boolean;
  /** Plain mode: no questions, warnings only. */
  plain: boolean;
  say: (text?: string) => void;
}

/** Stops before a session starts; carries the exit code. */
export class NotStarted extends Error {
  constructor(readonly exitCode: number) {
    super("not started");
  }
}

const interactive = (input: PreflightInput) => !input.plain && canAsk(input.ctx);

/**
 * The safety checks before a session, in order: getting worse (the red flags), first use of a
 * therapy (screening), the daily massage limit, and cold or heat again too soon. Returns the
 * timeline to run, which may be shortened to fit the daily limit.
 */
export async function preflight(input: PreflightInput): Promise<TimelineEntry[]> {
  showTrend(input);
  await screen(input);
  const timeline = await checkDailyLimit(input);
  await checkThermalGap(input);
  return timeline;
}

export function redFlagLines(reasons: string[]): string[] {
  return [
    "Things may be getting worse:",
    ...reasons.map((r) => `  - ${r}.`),
    "Please see a doctor before carrying on. Get medical help at once for:",
    ...RED_FLAGS.emergency.map((f) => `  - ${f}`),
    "and see a doctor soon for:",
    ...RED_FLAGS.soon.map((f) => `  - ${f}`),
  ];
}

function showTrend({ records, ctx, say }: PreflightInput) {
  const trend = assessTrend(records, ctx.now());
  if (!trend.worse) return;
  const lines = redFlagLines(trend.reasons);
  say(ctx.style.error(lines[0]!));
  for (const line of lines.slice(1)) say(line);
  say();
}

export const therapiesIn = (timeline: readonly TimelineEntry[]): Therapy[] =>
  THERAPIES.filter((t) => timeline.some((s) => s.kind === t));

export function screenedRecently(settings: Settings, therapy: Therapy, now: number): boolean {
  const answered = (settings.internal("screening") as Record<string, unknown> | undefined)?.[
    therapy
  ];
  if (typeof answered !== "string") return false;
  const at = Date.parse(answered);
  return !Number.isNaN(at) && now - at < SCREENING_VALID_DAYS * 24 * 60 * 60 * 1000 && at <= now;
}

async function screen(input: PreflightInput) {
  const { ctx, say } = input;
  let store: ConfigStore | undefined;
  for (const therapy of therapiesIn(input.timeline)) {
    if (screenedRecently(input.settings, therapy, ctx.now())) continue;
    const info = CONTRAINDICATIONS[therapy];
    say(
      ctx.style.strong(
        `Before your first ${info.label}: ask a clinician first if any of these apply to you:`,
      ),
    );
    for (const item of info.askFirst) say(`  - ${item}`);
    if (!interactive(input)) {
      if (input.yes || input.force) {
        say(
          ctx.style.dim(
            "  (knot could not ask; starting with --yes means none of these applies to you.)",
          ),
        );
        continue;
      }
      throw new KnotError(
        `knot asks about ${info.label} the first time, and there is no terminal to ask in.`,
        {
          hint: "Add --yes if none of these applies to you.",
        },
      );
    }
    const answer = await choose(ctx, "Does any of these apply to you?", [
      { name: "No, none of these", value: "none" },
      { name: "Yes, one of them does", value: "applies" },
    ]);
    if (answer === "none") {
      // Opened once, when the first answer is stored: conf compiles its schema on each open.
      store ??= await openUserConfig(ctx);
      store.raw.set(`screening.${therapy}`, new Date(ctx.now()).toISOString());
      continue;
    }
    say();
    say(
      `Please ask a doctor, nurse or physiotherapist before using ${info.label}. knot will not start it for now.`,
    );
    if (!input.force) throw new NotStarted(ExitCode.endedEarly);
    say(ctx.style.warn("Starting anyway, as --force asks."));
  }
}

/** Planned massage seconds per area: a step's own area, or all its routine's areas. */
export function plannedMassageByArea(
  timeline: readonly TimelineEntry[],
  routineAreas: Area[],
): Map<Area, number> {
  const totals = new Map<Area, number>();
  for (const step of timeline) {
    if (step.kind !== "massage" || step.seconds === null) continue;
    for (const area of step.area ? [step.area] : routineAreas)
      totals.set(area, (totals.get(area) ?? 0) + step.seconds);
  }
  return totals;
}

/** Shortens massage steps so that no area passes what is left of its daily allowance. */
export function fitToLimit(
  timeline: readonly TimelineEntry[],
  routineAreas: Area[],
  leftByArea: Map<Area, number>,
): TimelineEntry[] {
  const planned = plannedMassageByArea(timeline, routineAreas);
  const factor = (area: Area) =>
    Math.min(1, Math.max(0, leftByArea.get(area) ?? Infinity) / (planned.get(area) ?? 1));
  return timeline.flatMap((step) => {
    if (step.kind !== "massage" || step.seconds === null) return [step];
    const scale = Math.min(...(step.area ? [step.area] : routineAreas).map(factor));
    const seconds = Math.floor(step.seconds * scale);
    return seconds >= 5 ? [{ ...step, seconds }] : [];
  });
}

async function checkDailyLimit(input: PreflightInput): Promise<TimelineEntry[]> {
  const { ctx, say, timeline, routineAreas } = input;
  const planned = plannedMassageByArea(timeline, routineAreas);
  if (planned.size === 0) return timeline;
  const limit = (input.settings.get("massage.dailyLimitMinutes") as number) * 60;
  const today = startOfDay(ctx.now());
  const done = massageSecondsByArea(input.records, today, addDays(today, 1));
  const over = [...planned].filter(([area, seconds]) => (done.get(area) ?? 0) + seconds > limit);
  if (over.length === 0) return timeline;

  say(
    ctx.style.warn(
      `This would pass your daily self-massage limit of ${formatDuration(limit)} per area:`,
    ),
  );
  for (const [area, seconds] of over) {
    say(
      `  ${area}: ${formatDuration(done.get(area) ?? 0)} done today + ${formatDuration(seconds)} planned = ${formatDuration((done.get(area) ?? 0) + seconds)}`,
    );
  }
  const left = new Map(
    [...planned.keys()].map((area) => [area, Math.max(0, limit - (done.get(area) ?? 0))]),
  );
  const fitted = fitToLimit(timeline, routineAreas, left);
  if (!interactive(input)) {
    if (input.yes) {
      say(ctx.style.dim("  Going ahead, as --yes asks."));
      return timeline;
    }
    say("  Not started. Add --yes to go ahead anyway.");
    throw new NotStarted(ExitCode.endedEarly);
  }
  const choice = await choose(ctx, "What would you like to do?", [
    ...(fitted.some((s) => s.kind === "massage")
      ? [{ name: "Shorten the massage to fit the limit", value: "fit" as const }]
      : []),
    { name: "Go ahead anyway", value: "go" as const },
    { name: "Stop here", value: "stop" as const },
  ]);
  if (choice === "stop") throw new NotStarted(ExitCode.endedEarly);
  return choice === "fit" ? fitted : timeline;
}

async function checkThermalGap(input: PreflightInput) {
  const { ctx, say } = input;
  for (const kind of ["cold", "heat"] as const) {
    if (!input.timeline.some((s) => s.kind === kind)) continue;
    const last = lastApplicationEnd(input.records, kind);
    if (last === undefined || ctx.now() - last >= THERMAL_GAP_MS) continue;
    say(ctx.style.warn(`Your last ${kind} ended ${formatMinutes(ctx.now() - last)} ago.`));
    say(
      `  Guidance repeats ${kind} only every 2-4 hours, once the skin is back to its normal temperature.`,
    );
    const go = interactive(input)
      ? await confirm(ctx, "Start anyway?", { default: false, whenNoTerminal: () => false })
      : input.yes;
    if (!go) {
      if (!interactive(input)) say("  Not started. Add --yes to go ahead anyway.");
      throw new NotStarted(ExitCode.endedEarly);
    }
  }
}
