import { type Context, println } from "../context.js";
import { formatDuration, formatMinutes } from "../duration.js";
import { ExitCode } from "../errors.js";
import {
  addDays,
  applicationsSince,
  lastApplicationEnd,
  massageSecondsByArea,
  startOfDay,
} from "../history/analysis.js";
import { bar } from "../history/charts.js";
import { stepsFrom } from "../history/journal.js";
import { AREAS } from "../routine/vocabulary.js";
import { THERMAL_RULES } from "../safety/rules.js";
import { padEnd } from "../ui/text.js";
import { loadRecords } from "./history.js";
import { readUserSettings } from "./settings.js";
import { printJson } from "./shared.js";

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 5);

export async function today(options: { json?: boolean }, ctx: Context): Promise<number> {
  const now = ctx.now();
  const settings = await readUserSettings(ctx);
  const limit = (settings.get("massage.dailyLimitMinutes") as number) * 60;
  // What today's rules look at (the daily limits, cold's gap, the heat count): since yesterday.
  const records = loadRecords(ctx, stepsFrom(now));
  const from = startOfDay(now);
  const todays = records.filter((r) => Date.parse(r.startedAt) >= from);
  const massage = massageSecondsByArea(records, from, addDays(now, 1));
  // Cold: again only 2 hours after the last; heat: up to 3 applications a day.
  const thermal = (["cold", "heat"] as const).map((kind) => {
    const end = lastApplicationEnd(records, kind);
    const todayCount = applicationsSince(records, kind, from);
    const nextOkAt =
      kind === "cold"
        ? end === undefined
          ? undefined
          : end + THERMAL_RULES.coldGapMs
        : todayCount >= THERMAL_RULES.maxHeatPerDay
          ? addDays(now, 1)
          : undefined;
    return {
      kind,
      lastEndedAt: end,
      todayCount,
      nextOkAt,
      advisableNow: nextOkAt === undefined || now >= nextOkAt,
    };
  });

  if (options.json) {
    printJson(ctx, {
      sessions: todays.map((r) => ({
        id: r.id,
        routine: r.routine,
        name: r.name,
        startedAt: r.startedAt,
        doneSeconds: r.doneSeconds,
        ended: r.ended,
      })),
      massage: {
        limitSeconds: limit,
        byArea: Object.fromEntries(
          AREAS.filter((a) => massage.has(a)).map((a) => [a, Math.round(massage.get(a)!)]),
        ),
      },
      thermal: thermal.map((t) => ({
        kind: t.kind,
        applicationsToday: t.todayCount,
        lastEndedAt: t.lastEndedAt === undefined ? null : new Date(t.lastEndedAt).toISOString(),
        nextAdvisableAt: t.nextOkAt === undefined ? null : new Date(t.nextOkAt).toISOString(),
        advisableNow: t.advisableNow,
      })),
    });
    return ExitCode.ok;
  }

  const s = ctx.style;
  const out = (text = "") => println(ctx.stdout, text);
  const minutes = todays.reduce((sum, r) => sum + r.doneSeconds, 0);
  out(
    `${s.heading("Today")}: ${todays.length === 0 ? "no sessions yet" : `${todays.length} session${todays.length === 1 ? "" : "s"}, ${formatDuration(minutes)}`}`,
  );
  for (const r of todays) {
    out(
      `  ${clock(Date.parse(r.startedAt))}  ${r.name} ${s.dim(`(${r.ended}, ${formatDuration(r.doneSeconds)})`)}`,
    );
  }
  out();
  out(`${s.strong("Self-massage")} ${s.dim(`(daily limit ${formatDuration(limit)} per area)`)}`);
  if (massage.size === 0) out(s.dim("  none today"));
  for (const area of AREAS) {
    const done = massage.get(area);
    if (done === undefined) continue;
    const over = done > limit;
    const drawn = padEnd(bar(Math.min(done, limit), limit, 12), 12);
    const text = `${formatDuration(Math.round(done))} of ${formatDuration(limit)}${over ? ": over the limit, rest this area" : done >= limit ? ": limit reached" : ""}`;
    out(`  ${padEnd(area, 16)} ${s.id(drawn)} ${over ? s.warn(text) : text}`);
  }
  out();
  for (const t of thermal) {
    const what = t.kind === "cold" ? "Cold" : "Heat";
    const count =
      t.kind === "heat" ? ` ${t.todayCount} of ${THERMAL_RULES.maxHeatPerDay} today;` : "";
    if (t.lastEndedAt === undefined) {
      out(`${s.strong(what)}: none since yesterday.`);
    } else if (t.advisableNow) {
      out(
        `${s.strong(what)}:${count} last ended ${clock(t.lastEndedAt)}${t.lastEndedAt < from ? " (before today)" : ""}; another is fine now if your skin is back to normal.`,
      );
    } else if (t.kind === "heat") {
      out(
        `${s.strong(what)}:${count} ${s.warn("no more heat today")}: guidance says up to 3 times a day.`,
      );
    } else {
      const ago = formatMinutes(now - t.lastEndedAt);
      out(
        `${s.strong(what)}: last ended ${clock(t.lastEndedAt)} (${ago} ago). ${s.warn(`Wait until ${clock(t.nextOkAt!)}`)}: guidance repeats cold only every 2-4 hours.`,
      );
    }
  }
  return ExitCode.ok;
}
