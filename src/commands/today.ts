import { allowanceNow, openAllowanceHistory } from "../coach/prepare.js";
import { type Context, warnTo } from "../context.js";
import { formatDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import { bar } from "../history/charts.js";
import { liveSessions } from "../history/checkpoint.js";
import { proseWriter } from "../output.js";
import { reminderTrouble } from "../remind/trouble.js";
import { AREAS, THERMAL_KINDS } from "../routine/vocabulary.js";
import { type Allowance, DAY_MS } from "../safety/allowance.js";
import { clockTime } from "../safety/clock.js";
import { recordTimeWords } from "../session/time-words.js";
import { whenText } from "../text/allowance.js";
import { agoWords } from "../text/time.js";
import { todayText as w } from "../text/today.js";
import { reasonText } from "../text/trend.js";
import { padEnd } from "../ui/text.js";
import { printJson } from "./print.js";
import { readUserSettings } from "./settings.js";

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** What the rules allow at this moment, for cold and heat: the floor, and guidance above it. */
function thermalOf(a: Allowance) {
  return THERMAL_KINDS.map((kind) => {
    const lastEnd = kind === "cold" ? a.cold.lastEnd : a.heat.lastEnd;
    // The floors: 10 minutes off after any application; heat 3 times in 24 hours.
    const heatFull = kind === "heat" ? a.heat.nextSlotAt : undefined;
    const allowedAt = Math.max(a.thermalFreeAt ?? 0, heatFull ?? 0) || undefined;
    const advisedAt = kind === "cold" ? a.cold.advisedFrom : undefined;
    return { kind, lastEnd, allowedAt, advisedAt };
  });
}

export async function today(options: { json?: boolean }, ctx: Context): Promise<number> {
  const now = ctx.now();
  const settings = await readUserSettings(ctx);
  // the last 24 hours' sessions are listed from their summaries (see openAllowanceHistory)
  const journal = openAllowanceHistory(ctx, warnTo(ctx));
  const allowance = allowanceNow(ctx, journal.records, journal.recent, settings);
  const from = now - DAY_MS;
  const sessions = journal.recent.filter((r) => Date.parse(r.startedAt) >= from);
  const massage = allowance.massage.doneByArea;
  const thermal = thermalOf(allowance);

  if (options.json) {
    printJson(ctx, {
      window: { from: iso(from), to: iso(now) },
      sessions: sessions.map((r) => ({
        id: r.id,
        routine: r.routine,
        name: r.name,
        startedAt: r.startedAt,
        doneSeconds: r.doneSeconds,
        ended: r.ended,
      })),
      massage: {
        limitSeconds: allowance.massage.limitSeconds,
        ceilingSeconds: allowance.massage.ceilingSeconds,
        byArea: Object.fromEntries(
          AREAS.filter((a) => massage.has(a)).map((a) => [a, Math.round(massage.get(a)!)]),
        ),
      },
      thermal: thermal.map((t) => ({
        kind: t.kind,
        applications24h: t.kind === "heat" ? allowance.heat.count : undefined,
        lastEndedAt: iso(t.lastEnd),
        allowedNow: t.allowedAt === undefined,
        nextAllowedAt: iso(t.allowedAt),
        nextAdvisableAt: iso(t.advisedAt ?? t.allowedAt),
        advisableNow: t.allowedAt === undefined && t.advisedAt === undefined,
      })),
      stops: allowance.stops.map((s) => ({
        routine: s.routine,
        reason: s.reason,
        at: iso(s.at),
        until: iso(s.until),
      })),
      advice: allowance.advice ? { reasons: allowance.advice.reasons.map(reasonText) } : null,
      // reminders that could not reach the person, with the fix (knot remind list has more)
      reminderProblems: reminderTrouble(ctx.paths),
    });
    return ExitCode.ok;
  }

  const s = ctx.style;
  const out = proseWriter(ctx.stdout, ctx.env);
  const minutes = sessions.reduce((sum, r) => sum + r.doneSeconds, 0);
  out(w.summary(s.heading(w.heading), sessions.length, formatDuration(minutes)));
  for (const r of sessions) {
    const detail = s.dim(w.sessionDetail(w.ended(r.ended), recordTimeWords(r)));
    out(w.session(clockTime(Date.parse(r.startedAt)), r.name, detail));
  }
  out();
  const limit = allowance.massage.limitSeconds;
  const ceiling = formatDuration(allowance.massage.ceilingSeconds);
  out(w.titled(s.strong(w.massage), s.dim(w.massageNote(formatDuration(limit), ceiling))));
  if (massage.size === 0) out(s.dim(w.noMassage));
  for (const area of AREAS) {
    const done = massage.get(area);
    if (done === undefined) continue;
    const over = done > limit;
    const drawn = padEnd(bar(Math.min(done, limit), limit, 12), 12);
    const state = over ? "over" : done >= limit ? "reached" : undefined;
    const text = w.massageDone(formatDuration(Math.round(done)), formatDuration(limit), state);
    out(w.massageRow(padEnd(area, 16), s.id(drawn), over ? s.warn(text) : text));
  }
  out();
  const packOn = packsOn(ctx);
  for (const t of thermal) {
    const what = t.kind === "cold" ? w.cold : w.heat;
    const count = t.kind === "heat" ? w.heatCount(allowance.heat.count, allowance.heat.max) : "";
    const onSince = packOn[t.kind];
    const last =
      onSince !== undefined
        ? w.packOnSince(clockTime(onSince))
        : t.lastEnd === undefined
          ? w.noneYet
          : w.lastEnded(clockTime(t.lastEnd), agoWords(now - t.lastEnd));
    // The floors first (nothing overrides them), then guidance above them.
    const rules: string[] = [];
    if (t.kind === "heat" && allowance.heat.nextSlotAt !== undefined)
      rules.push(
        w.heatFull(
          s.warn(w.noMoreHeat(whenText(allowance.heat.nextSlotAt, now))),
          allowance.heat.max,
        ),
      );
    else if (allowance.thermalFreeAt !== undefined)
      rules.push(w.timeOff(s.warn(w.notBefore(whenText(allowance.thermalFreeAt, now)))));
    if (t.advisedAt !== undefined)
      rules.push(w.coldAgain(s.warn(w.waitUntil(whenText(t.advisedAt, now)))));
    if (rules.length === 0 && t.lastEnd !== undefined) rules.push(w.anotherFine);
    const rule = rules.map((r) => ` ${r}`).join("");
    out(w.thermal(s.strong(what), count, last, rule));
  }
  for (const stop of allowance.stops) {
    const detail = s.dim(w.stopDetail(stop.reason === "rose", clockTime(stop.at)));
    out(w.stop(s.strong(w.stopped), stop.routine, whenText(stop.until, now), detail));
  }
  if (allowance.advice) {
    out(w.advice(s.error(w.seeDoctor), allowance.advice.reasons.map(reasonText).join("; ")));
  }
  // Reminders that could not reach the person (knot remind list says more).
  for (const line of reminderTrouble(ctx.paths)) out(s.warn(line));
  return ExitCode.ok;
}

/**
 * Cold or heat on right now, in a session running in this or another terminal (its
 * checkpoint): since when, by kind. While one is on, today says "pack on since 10:02", not
 * that it "last ended" a moment ago.
 */
function packsOn(ctx: Context): Partial<Record<"cold" | "heat", number>> {
  const on: Partial<Record<"cold" | "heat", number>> = {};
  for (const record of liveSessions(ctx.paths.data)) {
    const step = record.steps[record.stoppedAt];
    if (!step || step.at === null || step.outcome !== "pending") continue;
    if (step.kind !== "cold" && step.kind !== "heat") continue;
    // an application may run over several steps: from the first of them in a row
    let first = record.stoppedAt;
    while (first > 0 && record.steps[first - 1]?.kind === step.kind) first -= 1;
    const since = Date.parse(record.steps[first]?.at ?? step.at);
    on[step.kind] = Math.min(on[step.kind] ?? since, since);
  }
  return on;
}
