import { type Context, println } from "../context.js";
import { parseDuration } from "../duration.js";
import { poseBlock } from "../poses/block.js";
import { CATALOGUE } from "../poses/catalogue.js";
import type { Library } from "../routine/library.js";
import type { PoseName, Tempo } from "../routine/vocabulary.js";
import { THERMAL_RULES } from "../safety/rules.js";
import { builderAskText as a } from "../text/builder.js";
import { poseCaption, poseText, poseWords } from "../text/poses.js";
import { askChecked, choose, confirm } from "../ui/prompt.js";
import { displayWidth } from "../ui/text.js";
import { routineName } from "./copy.js";
import {
  checkStep,
  cycleOf,
  type Decision,
  type Draft,
  type DraftStep,
  GUIDANCE,
} from "./draft.js";
import { refusalsOfAdding } from "./draft-check.js";
import { cleanText, TEXT_LIMITS } from "./ids.js";
import { BUILDER_POSES, POSE_STEPS } from "./poses.js";
import { decisionText } from "./text.js";
import type { View } from "./view.js";

/**
 * The questions of `knot new`, one value each: every answer is checked by the draft model as
 * it is typed (checkStep), so a value past a floor is refused with the reason and asked again,
 * and one past guidance is taken with its caution said at once.
 */

export async function askName(ctx: Context): Promise<string> {
  const answer = await askChecked(ctx, {
    message: a.name,
    maxLength: TEXT_LIMITS.name + 1,
    validate: (text) => {
      const cleaned = cleanText(text, TEXT_LIMITS.name);
      return cleaned.ok || (cleaned.reason === "empty" ? a.giveName : a.atMost(TEXT_LIMITS.name));
    },
  });
  return routineName(answer);
}

export async function askStep(
  action: "pose" | "rest" | "cold" | "heat" | "include",
  draft: Draft,
  library: Library,
  ctx: Context,
  view: View,
): Promise<DraftStep | undefined> {
  // each value is checked against the whole routine too (its length, cold and heat) as it is given
  const fits: Fits = (step) => refusalsOfAdding(draft, step, (id) => library.find(id)?.routine)[0];
  switch (action) {
    case "rest": {
      const seconds = await askSeconds(ctx, a.rest, 30, (s) => ({ type: "rest", seconds: s }), {
        fits,
      });
      return { type: "rest", seconds };
    }
    case "cold":
    case "heat": {
      const most = THERMAL_RULES.maxApplicationSeconds / 60;
      const hint = a.thermalHint(action, most);
      const seconds = await askSeconds(
        ctx,
        a.thermal(action, hint, action === "cold" ? 10 : 15),
        (action === "cold" ? 10 : 15) * 60,
        (s) => ({ type: action, seconds: s }),
        { unit: 60, fits },
      );
      return { type: action, seconds };
    }
    case "include": {
      const choices = library.entries
        .filter((e) => e.routine.id !== draft.id)
        .map((e) => ({
          name: a.routineChoice(e.routine.id, e.routine.name, e.origin === "custom"),
          value: e.routine.id,
        }));
      const routine = await choose(ctx, a.whichRoutine, choices);
      return { type: "include", routine };
    }
    case "pose":
      return askPose(ctx, view, fits);
  }
}

/** The poses a list shows at once (choose's page), and the lines it takes with its question and keys' help. */
const POSE_PAGE = 12;
const POSE_LIST_LINES = 1 + Math.min(POSE_PAGE, BUILDER_POSES.length) + 2;

/**
 * The pose's figure and its words, shown under the list as the person moves through it: the
 * figure only when the question, the list and it fit the terminal, so none of them scrolls away.
 */
function poseDescription(pose: PoseName, ctx: Context, box: View["figureBox"]): string {
  const words = a.poseTitle(poseCaption(pose));
  const columns = ctx.stdout.columns ?? 0;
  const rows = (ctx.stdout as { rows?: number }).rows ?? 0;
  if (!box || columns < box.width + 4) return words;
  const wordLines = Math.ceil(displayWidth(words) / Math.max(1, columns));
  if (rows < POSE_LIST_LINES + box.height + wordLines + 1) return words;
  return [...poseBlock(CATALOGUE[pose], box).map((l) => l.trimEnd()), words].join("\n");
}

async function askPose(ctx: Context, view: View, fits: Fits): Promise<DraftStep> {
  const pose = await choose(
    ctx,
    a.whichPose,
    BUILDER_POSES.map((p) => ({
      name: a.poseChoice(poseText.poses[p].name, POSE_STEPS[p]!.kind === "massage"),
      value: p,
      description: poseDescription(p, ctx, view.figureBox),
    })),
  );
  const d = POSE_STEPS[pose]!;
  const timing = d.tempo
    ? await askPaced(ctx, pose, d.tempo, d.reps, fits)
    : await askHeld(ctx, pose, fits);
  const sides = await confirm(ctx, a.eachSide, {
    default: d.sides,
    whenNoTerminal: () => d.sides,
  });
  println(ctx.stdout, ctx.style.dim(a.knotSays(poseWords(pose).instruction)));
  const own = await askChecked(ctx, {
    message: a.ownInstruction,
    maxLength: TEXT_LIMITS.instruction + 1,
    validate: (text) => {
      if (text.trim() === "") return true;
      const cleaned = cleanText(text, TEXT_LIMITS.instruction);
      return cleaned.ok || a.atMost(TEXT_LIMITS.instruction);
    },
  });
  const cleaned = cleanText(own, TEXT_LIMITS.instruction);
  return {
    type: "pose",
    pose,
    ...timing,
    sides,
    ...(cleaned.ok ? { instruction: cleaned.text } : {}),
  };
}

type Timing = { seconds: number; reps: number; tempo?: Tempo };

/** A held stretch (or self-massage): how long, then how many times. */
async function askHeld(ctx: Context, pose: PoseName, fits: Fits): Promise<Timing> {
  const d = POSE_STEPS[pose]!;
  const base = { type: "pose" as const, pose, reps: 1, sides: d.sides };
  const guide =
    d.kind === "hold"
      ? a.holdGuide(GUIDANCE.holdSeconds.low, GUIDANCE.holdSeconds.high)
      : d.kind === "massage"
        ? a.massageGuide
        : "";
  const question =
    d.kind === "hold" ? a.holdFor : d.kind === "massage" ? a.howLong : a.howLongInAll;
  const seconds = await askSeconds(
    ctx,
    a.withGuide(question, guide, d.seconds),
    d.seconds,
    (s) => ({
      ...base,
      seconds: s,
    }),
    { fits },
  );
  const repsGuide =
    d.kind === "hold" ? a.repsGuide(GUIDANCE.holdReps.low, GUIDANCE.holdReps.high) : "";
  const reps = await askCount(
    ctx,
    a.howManyGuided(repsGuide, d.reps),
    d.reps,
    (n) => ({
      ...base,
      seconds,
      reps: n,
    }),
    fits,
  );
  return { seconds, reps };
}

/** A movement of paced repetitions, counted by the coach: the pace of one, then how many. */
async function askPaced(
  ctx: Context,
  pose: PoseName,
  tempo: Tempo,
  count: number,
  fits: Fits,
): Promise<Timing> {
  const base = { type: "pose" as const, pose, sides: false };
  const one = (seconds: number): DraftStep => ({ ...base, seconds, reps: 1 });
  let pace: Tempo;
  if ("hold" in tempo) {
    const hold = await askSeconds(ctx, a.holdEach(tempo.hold), tempo.hold, one, { fits });
    const rest = await askSeconds(ctx, a.restAfter(tempo.rest), tempo.rest, one, {
      zero: true,
      fits,
    });
    pace = { hold, rest };
  } else {
    const breath = await askSeconds(ctx, a.breath(tempo.in), tempo.in, one, { fits });
    pace = { in: breath, out: breath };
  }
  const reps = await askCount(
    ctx,
    a.howMany(count),
    count,
    (n) => ({
      ...base,
      seconds: n * cycleOf(pace),
      reps: n,
      tempo: pace,
    }),
    fits,
  );
  return { seconds: reps * cycleOf(pace), reps, tempo: pace };
}

/**
 * A duration, asked until it is one the draft allows: a value past a floor is refused with the
 * reason and asked again; past guidance it is taken, and the caution it brings is said.
 * `unit`: what a bare number means (1 for seconds, 60 for minutes); `zero`: 0 is an answer.
 */
async function askSeconds(
  ctx: Context,
  message: string,
  fallback: number,
  asStep: (seconds: number) => DraftStep,
  options: { unit?: number; zero?: boolean; fits?: Fits } = {},
): Promise<number> {
  const unit = options.unit ?? 1;
  const read = (text: string): number | string => {
    const t = text.trim();
    if (t === "") return fallback;
    if (options.zero && /^0+[sm]?$/.test(t)) return 0;
    const parsed = parseDuration(/^\d+$/.test(t) ? Number(t) * unit : t);
    if (!parsed.ok) return a.notDuration(unit === 60);
    return parsed.seconds;
  };
  return checkedValue(ctx, message, read, asStep, options.fits);
}

async function askCount(
  ctx: Context,
  message: string,
  fallback: number,
  asStep: (count: number) => DraftStep,
  fits?: Fits,
): Promise<number> {
  const read = (text: string): number | string => {
    const t = text.trim();
    if (t === "") return fallback;
    return /^\d{1,4}$/.test(t) && Number(t) > 0 ? Number(t) : a.wholeNumber;
  };
  return checkedValue(ctx, message, read, asStep, fits);
}

/** What the whole routine would refuse with this step added, if anything (refusalsOfAdding). */
type Fits = (step: DraftStep) => Decision | undefined;

async function checkedValue(
  ctx: Context,
  message: string,
  read: (text: string) => number | string,
  asStep: (value: number) => DraftStep,
  fits?: Fits,
): Promise<number> {
  const verdict = (text: string): true | string => {
    const value = read(text);
    if (typeof value === "string") return value;
    const step = asStep(value);
    const refused = checkStep(step).find((d) => d.verdict === "refuse") ?? fits?.(step);
    return refused ? decisionText(refused) : true;
  };
  const answer = await askChecked(ctx, { message, maxLength: 12, validate: verdict });
  const value = read(answer) as number;
  const step = asStep(value);
  for (const d of checkStep(step)) println(ctx.stdout, ctx.style.warn(decisionText(d, step)));
  return value;
}
