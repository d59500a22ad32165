import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError } from "../files.js";
import {
  AHEAD_OF_TIME_HOURS,
  CONTRAINDICATIONS,
  EMERGENCY_HEADING,
  EVERY_TIME,
  KEEP_MOVING,
  NECK_EMERGENCY_HEADING,
  NECK_RED_FLAGS,
  RED_FLAGS,
  SCREENING_VALID_DAYS,
  SOON_HEADING,
  THERAPIES,
} from "../health.js";
import { openJournal, stepsFrom } from "../history/journal.js";
import { FLOORS } from "../safety/allowance.js";
import { inForceLines } from "../safety/allowance-text.js";
import { THERMAL_RULES } from "../safety/rules.js";
import {
  answeredNone,
  askScreen,
  EMERGENCY_ADVICE,
  SCREENS,
  type ScreenId,
  type ScreeningEvent,
  screenGroups,
  screenLines,
} from "../safety/screening.js";
import {
  appendScreening,
  forgetKeptAnswers,
  readAnswers,
  screeningFile,
} from "../safety/screening-log.js";
import { RULES_LOOK_BACK_MS, TREND_RULE_TEXT, TREND_SOURCE } from "../safety/trend.js";
import { didYouMean } from "../suggest.js";
import { asker } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { bulleted, wrap } from "../ui/text.js";
import { allowanceNow } from "./allowance-now.js";
import { readUserSettings } from "./settings.js";
import { layoutWidth, printJson } from "./shared.js";

export interface SafetyOptions {
  json?: boolean;
  reset?: boolean;
  screen?: boolean;
  noneApply?: boolean;
}

/** The limits for cold and heat, in words, with what --force can and cannot override. */
export const THERMAL_RULE_TEXT = [
  `Cold or heat at most ${FLOORS.applicationSeconds / 60} minutes an application, counting every step of it and pauses (a floor: nothing overrides it).`,
  `At least ${FLOORS.offSeconds / 60} minutes off between any two applications of cold or heat, in any sessions, from when the pack came off; heat is not cold's time off (a floor).`,
  `Heat at most ${FLOORS.heatPerDay} times in any 24 hours (a floor).`,
  "A step that waits for you (wrap the pack, check the skin) before each cold or heat application (a floor).",
  `At most ${THERMAL_RULES.maxColdRounds} rounds of cold in a session (guidance: --force).`,
  `Cold again only ${THERMAL_RULES.coldGapMs / 3_600_000} hours or more after the last (guidance: every 2-4 hours; --force).`,
  `Self-massage never past ${FLOORS.massageCeilingSeconds / 60} minutes per area in 24 hours (a floor); your daily limit below that is guidance (--force).`,
  "A routine after which pain was 8 or more, or 3 or more higher than before it, is not started again for 24 hours (a floor).",
];

/** How far back `knot safety --json` lists the answers. */
const RECENT_ANSWERS_DAYS = 90;

/** When each list is asked, in words (the rules are in safety/screening.ts). */
export const WHEN_ASKED = [
  "The red flags are about now: knot shows them at the start of every massage, heat or cold session, and the neck's before every session that works the neck (one screen, one key for none of these).",
  `Before a stretch, knot asks the red flags at first use and again after ${SCREENING_VALID_DAYS} days; the ask-first lists for cold, heat and self-massage, again after ${SCREENING_VALID_DAYS} days.`,
  `Without a terminal, answers said ahead of time with "knot safety --screen" count: for the red flags, for sessions started in the next ${AHEAD_OF_TIME_HOURS} hours; for the ask-first lists, ${SCREENING_VALID_DAYS} days.`,
];

/** Records answers; without the record, the answer given ahead of time would be lost. */
function record(ctx: Context, events: readonly ScreeningEvent[]): void {
  try {
    appendScreening(ctx.paths.data, events);
  } catch (error) {
    throw new KnotError(
      `Your answers could not be recorded in ${screeningFile(ctx.paths.data)}: ${describeFsError(error)}.`,
      { exitCode: ExitCode.failure },
    );
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
    println(
      ctx.stdout,
      "Your safety answers are cleared: knot will ask again before the next session.",
    );
    return ExitCode.ok;
  }
  if (options.screen || options.noneApply) return screenNow(lists, options, ctx);
  if (lists.length > 0) {
    throw new KnotError(`${quote(lists[0]!)} goes with --screen.`, {
      hint: `For example: knot safety --screen ${lists.join(" ")}`,
    });
  }
  const settings = await readUserSettings(ctx);
  const now = ctx.now();
  const events = readAnswers(ctx.paths.data, settings, (m) => println(ctx.stderr, m));
  // What the last 24 hours (and recent weeks, for advice) hold against the rules now.
  const journal = openJournal(ctx, warnTo(ctx), stepsFrom(now), now - RULES_LOOK_BACK_MS);
  const inForce = inForceLines(allowanceNow(ctx, journal.records, journal.recent, settings), now);
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
      keepMoving: KEEP_MOVING,
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
  const out = (text = "") => println(ctx.stdout, text);
  const width = Math.min(layoutWidth(ctx), 100);
  const list = (items: readonly string[], mark = "  - ") => {
    for (const item of items) for (const line of bulleted(item, width, mark)) out(line);
  };
  out(s.heading("In force now:"));
  if (inForce.length === 0) out("  Nothing: no limit is reached and no advice is active.");
  list(inForce);
  out();
  out(s.heading(EMERGENCY_HEADING));
  list(RED_FLAGS.emergency);
  out();
  out(s.heading(SOON_HEADING));
  list(RED_FLAGS.soon);
  out(s.dim(`  (${RED_FLAGS.source})`));
  out();
  out(s.heading(NECK_EMERGENCY_HEADING));
  list(NECK_RED_FLAGS.emergency);
  out(s.heading("and get help the same day for:"));
  list(NECK_RED_FLAGS.sameDay);
  out(s.dim(`  (${NECK_RED_FLAGS.source})`));
  out();
  out(s.heading("knot advises seeing a doctor, before the next session, when:"));
  list(TREND_RULE_TEXT.map((r) => r.text));
  out(s.dim(`  (${TREND_SOURCE}. Only ratings from recent weeks count.)`));
  for (const therapy of THERAPIES) {
    const info = CONTRAINDICATIONS[therapy];
    out();
    if (info.askFirst.length > 0) {
      out(s.heading(`Before ${info.label}, ask a clinician first if you have:`));
      list(info.askFirst);
    }
    if (therapy !== "massage") {
      out(
        s.heading(
          `Before every ${therapy} application, knot asks (a yes means no ${therapy} today):`,
        ),
      );
      list(EVERY_TIME[therapy]);
    }
    list(info.notes, `  ${s.dim("·")} `);
    out(s.dim(`  (${info.sources})`));
  }
  out();
  out(s.heading("The floors, and guidance above them"));
  list(THERMAL_RULE_TEXT);
  out();
  for (const line of wrap(KEEP_MOVING, width)) out(line);
  out();
  const done = SCREENS.filter((id) => answered[id]);
  for (const line of WHEN_ASKED) for (const part of wrap(line, width)) out(s.dim(part));
  out(
    s.dim(
      (done.length > 0
        ? `You said none applies for: ${done.map((id) => `${id} (${answered[id]!.slice(0, 10)})`).join(", ")}. `
        : "") +
        '"knot safety --screen" answers them now; "knot safety --reset" forgets the answers.',
    ),
  );
  out(
    s.dim(
      '--yes only skips "Start now?"; --force goes past guidance, never a hard limit or an emergency. knot guides; it does not diagnose.',
    ),
  );
  return ExitCode.ok;
}

function listIds(lists: string[]): ScreenId[] {
  if (lists.length === 0) return [...SCREENS];
  const ids = lists.map((name) => {
    const id = name.toLowerCase();
    if ((SCREENS as readonly string[]).includes(id)) return id as ScreenId;
    throw new KnotError(`${quote(name)} is not a safety list.${didYouMean(id, SCREENS)}`, {
      hint: `Lists: ${SCREENS.join(", ")}`,
    });
  });
  return SCREENS.filter((id) => ids.includes(id));
}

/** `knot safety --screen [lists] [--none-apply]`: answer the screening now, ahead of a session. */
async function screenNow(lists: string[], options: SafetyOptions, ctx: Context): Promise<number> {
  const screens = listIds(lists);
  const out = (text = "") => println(ctx.stdout, text);
  const answered = (group: ScreenId[], answer: ScreeningEvent["answer"]): ScreeningEvent => ({
    at: ctx.now(),
    lists: group,
    answer,
    via: "ahead",
  });
  if (screens.includes("heat")) {
    out("Before every heat application knot also asks these; the answer is never kept:");
    for (const q of EVERY_TIME.heat) out(`  - ${q}`);
    out(
      ctx.style.dim(
        "  (Without a terminal, --skin-checked on knot start or knot cycle answers them for that run.)",
      ),
    );
    out();
  }
  if (options.noneApply) {
    for (const group of screenGroups(screens)) {
      for (const line of screenLines(group)) out(line);
      out();
    }
    record(ctx, [answered(screens, "none")]);
    out(
      `Recorded: you said none of these applies (${screens.join(", ")}), on ${new Date(ctx.now()).toISOString().slice(0, 10)}.`,
    );
    for (const line of WHEN_ASKED.slice(2)) out(ctx.style.dim(line));
    return ExitCode.ok;
  }
  const ask = asker(ctx, false);
  if (!ask.can) {
    throw new KnotError(
      "knot safety --screen asks questions, and there is no terminal to ask in.",
      {
        hint: `If none of these applies to you: knot safety --screen --none-apply ${screens.join(" ")}`,
      },
    );
  }
  const events: ScreeningEvent[] = [];
  try {
    for (const group of screenGroups(screens)) {
      const answer = await askScreen(ask, group, out);
      events.push(answered(group, answer));
      out();
      if (answer === "emergency") {
        for (const line of EMERGENCY_ADVICE) out(ctx.style.error(line));
        return ExitCode.endedEarly;
      }
      if (answer !== "none") {
        out(
          answer === "soon"
            ? "Please get that seen by a doctor (the same day, for the neck's signs); knot will ask again before the next session."
            : "Please ask a doctor, nurse or physiotherapist first; knot will ask again before the next session.",
        );
      }
    }
  } finally {
    record(ctx, events);
  }
  const cleared = events.filter((e) => e.answer === "none").flatMap((e) => e.lists);
  if (cleared.length > 0) out(`Recorded for: ${cleared.join(", ")}.`);
  return cleared.length === screens.length ? ExitCode.ok : ExitCode.endedEarly;
}
