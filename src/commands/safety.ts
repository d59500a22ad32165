import { allowanceNow, openAllowanceHistory } from "../coach/prepare.js";
import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import {
  AHEAD_OF_TIME_HOURS,
  CONTRAINDICATIONS,
  EVERY_TIME,
  NECK_RED_FLAGS,
  RED_FLAGS,
  SCREENING_VALID_DAYS,
  THERAPIES,
} from "../health.js";
import { proseWriter, textWidth } from "../output.js";
import {
  answeredNone,
  SCREENS,
  type ScreenId,
  type ScreeningEvent,
  screenGroups,
} from "../safety/screening.js";
import {
  appendScreening,
  forgetKeptAnswers,
  readAnswers,
  screeningFile,
} from "../safety/screening-log.js";
import { TREND_SOURCE } from "../safety/trend.js";
import { closestMatches } from "../suggest.js";
import { allowanceText } from "../text/allowance.js";
import { healthText } from "../text/health.js";
import { didYouMean } from "../text/routine.js";
import { askScreen, THERMAL_RULE_TEXT, safetyText as t, WHEN_ASKED } from "../text/safety.js";
import { TREND_RULE_TEXT } from "../text/trend.js";
import { asker } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { bulleted } from "../ui/text.js";
import { readUserSettings } from "./settings.js";
import { printJson } from "./shared.js";

export interface SafetyOptions {
  json?: boolean;
  reset?: boolean;
  screen?: boolean;
  noneApply?: boolean;
}

/** How far back `knot safety --json` lists the answers. */
const RECENT_ANSWERS_DAYS = 90;

/** Records answers; without the record, the answer given ahead of time would be lost. */
function record(ctx: Context, events: readonly ScreeningEvent[]): void {
  try {
    appendScreening(ctx.paths.data, events);
  } catch (error) {
    throw new KnotError(t.notRecorded(screeningFile(ctx.paths.data), describeFsError(error)), {
      exitCode: ExitCode.failure,
    });
  }
}

export async function safety(
  lists: string[],
  options: SafetyOptions,
  ctx: Context,
): Promise<number> {
  if (options.reset) {
    // answers an earlier knot kept (screening.json), and a reset in the record for the rest
    forgetKeptAnswers(ctx.paths.config);
    record(ctx, [{ at: ctx.now(), lists: [...SCREENS], answer: "reset" }]);
    println(ctx.stdout, t.cleared);
    return ExitCode.ok;
  }
  if (options.screen || options.noneApply) return screenNow(lists, options, ctx);
  if (lists.length > 0) {
    throw new KnotError(t.goesWithScreen(quote(lists[0]!)), {
      hint: t.goesWithScreenHint(lists.join(" ")),
    });
  }
  const settings = await readUserSettings(ctx);
  const now = ctx.now();
  const events = readAnswers(ctx.paths.data, settings, (m) => println(ctx.stderr, m));
  // What the last 24 hours (and recent weeks, for advice) hold against the rules now.
  const journal = openAllowanceHistory(ctx, warnTo(ctx));
  const allowance = allowanceNow(ctx, journal.records, journal.recent, settings);
  const inForce = allowanceText.inForce(allowance, now);
  const answered = answeredNone(events, now);
  if (options.json) {
    const since = now - RECENT_ANSWERS_DAYS * 24 * 60 * 60 * 1000;
    printJson(ctx, {
      redFlags: RED_FLAGS,
      neckRedFlags: NECK_RED_FLAGS,
      contraindications: CONTRAINDICATIONS,
      everyTime: EVERY_TIME,
      thermalRules: THERMAL_RULE_TEXT,
      inForce,
      gettingWorse: { rules: TREND_RULE_TEXT, source: TREND_SOURCE },
      keepMoving: healthText.keepMoving,
      screening: answered,
      screeningValidDays: SCREENING_VALID_DAYS,
      aheadOfTimeHours: AHEAD_OF_TIME_HOURS,
      whenAsked: WHEN_ASKED,
      recentAnswers: events
        .filter((e) => e.at >= since && e.at <= now)
        .map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    });
    return ExitCode.ok;
  }
  const s = ctx.style;
  const width = Math.min(textWidth(ctx.stdout, ctx.env), 100);
  const out = proseWriter(ctx.stdout, ctx.env, width);
  const list = (items: readonly string[], mark = "  - ") => {
    for (const item of items) for (const line of bulleted(item, width, mark)) out(line);
  };
  const h = t.health;
  out(s.heading(t.inForceHeading));
  if (inForce.length === 0) out(t.nothingInForce);
  list(inForce);
  out();
  out(s.heading(h.emergencyHeading));
  list(h.redFlags.emergency);
  out();
  out(s.heading(h.soonHeading));
  list(h.redFlags.soon);
  out(t.source(h.redFlags.source), s.dim);
  out();
  out(s.heading(h.neckEmergencyHeading));
  list(h.neckRedFlags.emergency);
  out(s.heading(t.sameDayHeading));
  list(h.neckRedFlags.sameDay);
  out(t.source(h.neckRedFlags.source), s.dim);
  out();
  out(s.heading(t.trendHeading));
  list(t.trendRules);
  out(t.trendSource, s.dim);
  for (const therapy of THERAPIES) {
    const info = h.contraindications[therapy];
    out();
    if (info.askFirst.length > 0) {
      out(s.heading(t.askFirstHeading(info.label)));
      list(info.askFirst);
    }
    if (therapy !== "massage") {
      out(s.heading(t.everyTimeHeading(therapy)));
      list(h.everyTime[therapy]);
    }
    list(info.notes, `  ${s.dim("·")} `);
    out(t.source(info.sources), s.dim);
  }
  out();
  out(s.heading(t.floorsHeading));
  list(t.thermalRules);
  out();
  out(h.keepMoving);
  out();
  const done = SCREENS.filter((id) => answered[id]);
  for (const line of t.whenAsked) out(line, s.dim);
  out(
    (done.length > 0
      ? t.saidNone(done.map((id) => `${id} (${answered[id]!.slice(0, 10)})`).join(", "))
      : "") + t.screenAndReset,
    s.dim,
  );
  out(t.yesAndForce, s.dim);
  return ExitCode.ok;
}

function listIds(lists: string[]): ScreenId[] {
  if (lists.length === 0) return [...SCREENS];
  const ids = lists.map((name) => {
    const id = name.toLowerCase();
    if ((SCREENS as readonly string[]).includes(id)) return id as ScreenId;
    throw new KnotError(t.notAList(quote(name), didYouMean(closestMatches(id, SCREENS))), {
      hint: t.lists(SCREENS.join(", ")),
    });
  });
  return SCREENS.filter((id) => ids.includes(id));
}

/** `knot safety --screen [lists] [--none-apply]`: answer the screening now, ahead of a session. */
async function screenNow(lists: string[], options: SafetyOptions, ctx: Context): Promise<number> {
  const screens = listIds(lists);
  const out = proseWriter(ctx.stdout, ctx.env, 100);
  const answered = (group: ScreenId[], answer: ScreeningEvent["answer"]): ScreeningEvent => ({
    at: ctx.now(),
    lists: group,
    answer,
    via: "ahead",
  });
  if (screens.includes("heat")) {
    out(t.heatAlsoAsks);
    for (const q of t.health.everyTime.heat) out(t.item(q));
    out(t.skinChecked, ctx.style.dim);
    out();
  }
  if (options.noneApply) {
    for (const group of screenGroups(screens)) {
      for (const line of t.screenLines(group)) out(line);
      out();
    }
    record(ctx, [answered(screens, "none")]);
    out(t.recordedNone(screens.join(", "), new Date(ctx.now()).toISOString().slice(0, 10)));
    for (const line of t.whenAsked.slice(2)) out(line, ctx.style.dim);
    return ExitCode.ok;
  }
  const ask = asker(ctx, false);
  if (!ask.can) {
    throw new KnotError(t.noTerminal, { hint: t.noTerminalHint(screens.join(" ")) });
  }
  const events: ScreeningEvent[] = [];
  try {
    for (const group of screenGroups(screens)) {
      const answer = await askScreen(ask, group, out);
      events.push(answered(group, answer));
      out();
      if (answer === "emergency") {
        for (const line of t.emergencyAdvice) out(line, ctx.style.error);
        return ExitCode.endedEarly;
      }
      if (answer !== "none") {
        out(answer === "soon" ? t.seeDoctor : t.askFirst);
      }
    }
  } finally {
    record(ctx, events);
  }
  const cleared = events.filter((e) => e.answer === "none").flatMap((e) => e.lists);
  if (cleared.length > 0) out(t.recordedFor(cleared.join(", ")));
  return cleared.length === screens.length ? ExitCode.ok : ExitCode.endedEarly;
}
