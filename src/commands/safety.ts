import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import {
  CONTRAINDICATIONS,
  EVERY_TIME,
  KEEP_MOVING,
  RED_FLAGS,
  SCREENING_VALID_DAYS,
  THERAPIES,
} from "../health.js";
import { THERMAL_RULES } from "../safety/rules.js";
import {
  askScreen,
  EMERGENCY_ADVICE,
  recordNoneApply,
  SCREENS,
  type ScreenId,
  screenedAt,
  screenLines,
} from "../safety/screening.js";
import { TREND_RULE_TEXT, TREND_SOURCE } from "../safety/trend.js";
import { didYouMean } from "../suggest.js";
import { asker } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { bulleted, wrap } from "../ui/text.js";
import { openUserConfig, readUserSettings } from "./settings.js";
import { layoutWidth, printJson } from "./shared.js";

export interface SafetyOptions {
  json?: boolean;
  reset?: boolean;
  screen?: boolean;
  noneApply?: boolean;
}

/** The limits for cold and heat, in words, with what --force can and cannot override. */
export const THERMAL_RULE_TEXT = [
  `Cold or heat at most ${THERMAL_RULES.maxApplicationSeconds / 60} minutes at a time, counting steps in a row (hard: nothing overrides it).`,
  "A step that waits for you (wrap the pack, check the skin) before each cold or heat application (hard).",
  `Heat up to ${THERMAL_RULES.maxHeatPerDay} times a day, counting every session of the day (hard).`,
  `At least ${THERMAL_RULES.minOffSeconds / 60} minutes off between two applications in a session (guidance: --force).`,
  `At most ${THERMAL_RULES.maxColdRounds} rounds of cold in a session (guidance: --force).`,
  "Cold again only 2 hours or more after the last (guidance: every 2-4 hours; --force).",
];

const LIST_NAMES = [...SCREENS, "heat"] as const;

export async function safety(
  lists: string[],
  options: SafetyOptions,
  ctx: Context,
): Promise<number> {
  if (options.reset) {
    const store = await openUserConfig(ctx);
    store.raw.delete("screening");
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
  const answered = Object.fromEntries(
    SCREENS.map((id) => {
      const at = screenedAt(settings, id, now);
      return [id, at === undefined ? null : new Date(at).toISOString()];
    }),
  );
  if (options.json) {
    printJson(ctx, {
      redFlags: RED_FLAGS,
      contraindications: CONTRAINDICATIONS,
      everyTime: EVERY_TIME,
      thermalRules: THERMAL_RULE_TEXT,
      gettingWorse: { rules: TREND_RULE_TEXT, source: TREND_SOURCE },
      keepMoving: KEEP_MOVING,
      screening: answered,
      screeningValidDays: SCREENING_VALID_DAYS,
    });
    return ExitCode.ok;
  }
  const s = ctx.style;
  const out = (text = "") => println(ctx.stdout, text);
  const width = Math.min(layoutWidth(ctx), 100);
  const list = (items: readonly string[], mark = "  - ") => {
    for (const item of items) for (const line of bulleted(item, width, mark)) out(line);
  };
  out(
    s.heading(
      "Get medical help at once (call 999 or your local emergency number, or go to A&E) for:",
    ),
  );
  list(RED_FLAGS.emergency);
  out();
  out(s.heading("See a doctor soon for:"));
  list(RED_FLAGS.soon);
  out(s.dim(`  (${RED_FLAGS.source})`));
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
  out(s.heading("Cold and heat in a session"));
  list(THERMAL_RULE_TEXT);
  out();
  for (const line of wrap(KEEP_MOVING, width)) out(line);
  out();
  const done = SCREENS.filter((id) => answered[id]);
  out(
    s.dim(
      `knot asks the red flags, and the cold and massage lists, before the first session that needs them, and again after ${SCREENING_VALID_DAYS} days. ` +
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

function listIds(lists: string[]): (ScreenId | "heat")[] {
  if (lists.length === 0) return [...SCREENS];
  return lists.map((name) => {
    const id = name.toLowerCase();
    if ((LIST_NAMES as readonly string[]).includes(id)) return id as ScreenId | "heat";
    throw new KnotError(`${quote(name)} is not a safety list.${didYouMean(id, LIST_NAMES)}`, {
      hint: `Lists: ${LIST_NAMES.join(", ")}`,
    });
  });
}

/** `knot safety --screen [lists] [--none-apply]`: answer the screening now. */
async function screenNow(lists: string[], options: SafetyOptions, ctx: Context): Promise<number> {
  const ids = listIds(lists);
  const out = (text = "") => println(ctx.stdout, text);
  const screens = ids.filter((id): id is ScreenId => id !== "heat");
  if (ids.includes("heat")) {
    out("Before every heat application knot asks these; the answer is never kept:");
    for (const q of EVERY_TIME.heat) out(`  - ${q}`);
    out(
      ctx.style.dim(
        "  (Without a terminal, --skin-checked on knot start or knot cycle answers them for that run.)",
      ),
    );
    out();
  }
  if (options.noneApply) {
    for (const id of screens) {
      for (const line of screenLines(id)) out(line);
      out();
    }
    await recordNoneApply(ctx, screens);
    if (screens.length > 0) {
      out(
        `Recorded: you said none of these applies (${screens.join(", ")}), on ${new Date(ctx.now()).toISOString().slice(0, 10)}. knot asks again after ${SCREENING_VALID_DAYS} days.`,
      );
    }
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
  const cleared: ScreenId[] = [];
  for (const id of screens) {
    const answer = await askScreen(ask, id, out);
    out();
    if (answer === "none") {
      cleared.push(id);
    } else if (answer === "emergency") {
      await recordNoneApply(ctx, cleared);
      for (const line of EMERGENCY_ADVICE) out(ctx.style.error(line));
      return ExitCode.endedEarly;
    } else {
      out(
        answer === "soon"
          ? "Please see a doctor soon about it; knot will ask again before the next session."
          : "Please ask a doctor, nurse or physiotherapist first; knot will ask again before the next session.",
      );
    }
  }
  await recordNoneApply(ctx, cleared);
  if (cleared.length > 0) out(`Recorded for: ${cleared.join(", ")}.`);
  return cleared.length === screens.length ? ExitCode.ok : ExitCode.endedEarly;
}
