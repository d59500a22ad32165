import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Context, println } from "../context.js";
import { parseDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import { poseBlock } from "../poses/block.js";
import { CATALOGUE } from "../poses/catalogue.js";
import type { Library } from "../routine/library.js";
import type { PoseName, Tempo } from "../routine/vocabulary.js";
import { askChecked, choose, confirm } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { givenId, routineName } from "./copy.js";
import { checkDraft, checkStep, cycleOf, type Draft, type DraftStep, GUIDANCE } from "./draft.js";
import { cleanText, idFromName, TEXT_LIMITS } from "./ids.js";
import { BUILDER_POSES, POSE_STEPS, poseWords } from "./poses.js";
import { draftsDir, routineText, writeRoutine } from "./store.js";
import { settleId } from "./target.js";
import { decisionText } from "./text.js";

/** What the command hands in to show things: `knot show` of a file, and the size of a figure. */
export interface View {
  show(file: string): Promise<unknown>;
  /** The box a pose's figure is drawn in; undefined: words only. */
  figureBox: { width: number; height: number } | undefined;
}

type Action = "pose" | "rest" | "cold" | "heat" | "include" | "undo" | "preview" | "save" | "quit";

/**
 * `knot new` at a terminal: a name, then steps one at a time, each checked as it is added
 * (draft.ts decides; a refused value is asked again with the reason), a preview, and a save
 * that never replaces a routine without asking. Esc or Ctrl-C leaves without saving.
 */
export async function buildRoutine(
  library: Library,
  userDir: string,
  rawName: string | undefined,
  options: { id?: string; replace?: boolean },
  ctx: Context,
  view: View,
): Promise<number> {
  const out = (text = "") => println(ctx.stdout, text);
  const resolve = (id: string) => library.find(id)?.routine;
  const id = givenId(options.id);
  const name = rawName !== undefined ? routineName(rawName) : await askName(ctx);
  const target = await settleId(ctx, library, userDir, id ?? idFromName(name), options);
  const draft: Draft = { id: target.id, name, steps: [] };
  out(ctx.style.dim(`${name} will be saved as ${draft.id}. Add its steps one at a time.`));

  for (;;) {
    const action = await choose<Action>(ctx, `Step ${draft.steps.length + 1}: add…`, menu(draft));
    if (action === "quit") {
      const leave =
        draft.steps.length === 0 ||
        (await confirm(ctx, "Leave without saving? The steps so far are lost.", {
          default: false,
          whenNoTerminal: () => true,
        }));
      if (leave) {
        out("Nothing saved.");
        return ExitCode.endedEarly;
      }
      continue;
    }
    if (action === "undo") {
      draft.steps.pop();
      out(`Took back the last step; ${draft.steps.length} left.`);
      continue;
    }
    if (action === "preview" || action === "save") {
      await preview(draft, library, ctx, view);
      if (action === "preview") continue;
      const { json, saveable, decisions } = checkDraft(draft, resolve);
      if (!saveable) {
        for (const d of decisions) if (d.verdict === "refuse") out(decisionText(d));
        continue;
      }
      const path = join(userDir, `${draft.id}.json`);
      if (!(await confirm(ctx, `Save it as ${path}?`, { whenNoTerminal: () => false }))) continue;
      writeRoutine(userDir, draft.id, routineText(json), { replace: target.replace });
      out(`Saved ${draft.id}. Run it with: knot start ${draft.id}`);
      out(
        ctx.style.dim(`Change it with knot edit ${draft.id}; remove it with knot rm ${draft.id}.`),
      );
      return ExitCode.ok;
    }
    const step = await askStep(action, draft, library, ctx, view);
    if (step) add(draft, step, library, ctx);
  }
}

function menu(draft: Draft): { name: string; value: Action }[] {
  const some = draft.steps.length > 0;
  return [
    { name: "A stretch or self-massage, from knot's poses", value: "pose" as const },
    { name: "A rest", value: "rest" as const },
    { name: "Cold pack (with its wrap and skin check)", value: "cold" as const },
    { name: "Heat (with its set-up and skin check)", value: "heat" as const },
    { name: "A whole routine, built-in or yours", value: "include" as const },
    ...(some
      ? [
          { name: "Take back the last step", value: "undo" as const },
          { name: "Preview", value: "preview" as const },
          { name: "Save", value: "save" as const },
        ]
      : []),
    { name: "Leave without saving", value: "quit" as const },
  ];
}

async function askName(ctx: Context): Promise<string> {
  const answer = await askChecked(ctx, {
    message: "Name of the routine:",
    maxLength: TEXT_LIMITS.name + 1,
    validate: (text) => {
      const cleaned = cleanText(text, TEXT_LIMITS.name);
      return (
        cleaned.ok || (cleaned.reason === "empty" ? "Give it a name" : "At most 80 characters")
      );
    },
  });
  return routineName(answer);
}

/** Adds a step, unless the routine as a whole would then break a rule: then says why. */
function add(draft: Draft, step: DraftStep, library: Library, ctx: Context): void {
  const resolve = (id: string) => library.find(id)?.routine;
  const refusals = (d: Draft) =>
    new Set(
      checkDraft(d, resolve)
        .decisions.filter((x) => x.verdict === "refuse")
        .map((x) => decisionText(x)),
    );
  const before = refusals(draft);
  draft.steps.push(step);
  const fresh = [...refusals(draft)].filter((text) => !before.has(text));
  if (fresh.length > 0) {
    draft.steps.pop();
    println(ctx.stdout, ctx.style.warn("Not added:"));
    for (const text of fresh) println(ctx.stdout, `  ${text}`);
    return;
  }
  println(ctx.stdout, ctx.style.ok(`Added step ${draft.steps.length}.`));
}

async function askStep(
  action: "pose" | "rest" | "cold" | "heat" | "include",
  draft: Draft,
  library: Library,
  ctx: Context,
  view: View,
): Promise<DraftStep | undefined> {
  switch (action) {
    case "rest": {
      const seconds = await askSeconds(ctx, "Rest for how long? (Enter: 30s)", 30, (s) => ({
        type: "rest",
        seconds: s,
      }));
      return { type: "rest", seconds };
    }
    case "cold":
    case "heat": {
      const hint = action === "cold" ? "10-15 min is the guidance, 20 at most" : "10-20 min";
      const seconds = await askSeconds(
        ctx,
        `Minutes of ${action}? (${hint}; Enter: ${action === "cold" ? 10 : 15})`,
        (action === "cold" ? 10 : 15) * 60,
        (s) => ({ type: action, seconds: s }),
        { unit: 60 },
      );
      return { type: action, seconds };
    }
    case "include": {
      const choices = library.entries
        .filter((e) => e.routine.id !== draft.id)
        .map((e) => ({
          name: `${e.routine.id}: ${e.routine.name}${e.origin === "custom" ? " (yours)" : ""}`,
          value: e.routine.id,
        }));
      const routine = await choose(ctx, "Which routine?", choices);
      return { type: "include", routine };
    }
    case "pose":
      return askPose(ctx, view);
  }
}

/** The pose's figure and its words, shown under the list as the person moves through it. */
function poseDescription(pose: PoseName, ctx: Context, box: View["figureBox"]): string {
  const words = CATALOGUE[pose].title;
  const columns = ctx.stdout.columns ?? 0;
  if (!box || columns < box.width + 4) return words;
  return [...poseBlock(CATALOGUE[pose], box).map((l) => l.trimEnd()), words].join("\n");
}

async function askPose(ctx: Context, view: View): Promise<DraftStep> {
  const pose = await choose(
    ctx,
    "Which pose?",
    BUILDER_POSES.map((p) => ({
      name: `${poseWords(p).name}${POSE_STEPS[p]!.kind === "massage" ? " (self-massage)" : ""}`,
      value: p,
      description: poseDescription(p, ctx, view.figureBox),
    })),
  );
  const d = POSE_STEPS[pose]!;
  const timing = d.tempo ? await askPaced(ctx, pose, d.tempo, d.reps) : await askHeld(ctx, pose);
  const sides = await confirm(ctx, "On each side, left then right?", {
    default: d.sides,
    whenNoTerminal: () => d.sides,
  });
  println(ctx.stdout, ctx.style.dim(`knot says: ${poseWords(pose).instruction}`));
  const own = await askChecked(ctx, {
    message: "Your own instruction? (Enter keeps knot's)",
    maxLength: TEXT_LIMITS.instruction + 1,
    validate: (text) => {
      if (text.trim() === "") return true;
      const cleaned = cleanText(text, TEXT_LIMITS.instruction);
      return cleaned.ok || `At most ${TEXT_LIMITS.instruction} characters`;
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
async function askHeld(ctx: Context, pose: PoseName): Promise<Timing> {
  const d = POSE_STEPS[pose]!;
  const base = { type: "pose" as const, pose, reps: 1, sides: d.sides };
  const guide =
    d.kind === "hold"
      ? `${GUIDANCE.holdSeconds.low}-${GUIDANCE.holdSeconds.high}s is the guidance; `
      : d.kind === "massage"
        ? "30s-2m per area is the guidance; "
        : "";
  const question =
    d.kind === "hold"
      ? "Hold for how long?"
      : d.kind === "massage"
        ? "How long?"
        : "How long in all?";
  const seconds = await askSeconds(
    ctx,
    `${question} (${guide}Enter: ${d.seconds}s)`,
    d.seconds,
    (s) => ({
      ...base,
      seconds: s,
    }),
  );
  const repsGuide =
    d.kind === "hold" ? `${GUIDANCE.holdReps.low}-${GUIDANCE.holdReps.high} is the guidance; ` : "";
  const reps = await askCount(
    ctx,
    `How many times? (${repsGuide}Enter: ${d.reps})`,
    d.reps,
    (n) => ({
      ...base,
      seconds,
      reps: n,
    }),
  );
  return { seconds, reps };
}

/** A movement of paced repetitions, counted by the coach: the pace of one, then how many. */
async function askPaced(
  ctx: Context,
  pose: PoseName,
  tempo: Tempo,
  count: number,
): Promise<Timing> {
  const base = { type: "pose" as const, pose, sides: false };
  const one = (seconds: number): DraftStep => ({ ...base, seconds, reps: 1 });
  let pace: Tempo;
  if ("hold" in tempo) {
    const hold = await askSeconds(
      ctx,
      `Hold each for how long? (Enter: ${tempo.hold}s)`,
      tempo.hold,
      one,
    );
    const rest = await askSeconds(
      ctx,
      `Rest after each? (Enter: ${tempo.rest}s; 0 for none)`,
      tempo.rest,
      one,
      { zero: true },
    );
    pace = { hold, rest };
  } else {
    const breath = await askSeconds(
      ctx,
      `Each breath in, and each out: how long? (Enter: ${tempo.in}s)`,
      tempo.in,
      one,
    );
    pace = { in: breath, out: breath };
  }
  const reps = await askCount(ctx, `How many times? (Enter: ${count})`, count, (n) => ({
    ...base,
    seconds: n * cycleOf(pace),
    reps: n,
    tempo: pace,
  }));
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
  options: { unit?: number; zero?: boolean } = {},
): Promise<number> {
  const unit = options.unit ?? 1;
  const read = (text: string): number | string => {
    const t = text.trim();
    if (t === "") return fallback;
    if (options.zero && /^0+[sm]?$/.test(t)) return 0;
    const parsed = parseDuration(/^\d+$/.test(t) ? Number(t) * unit : t);
    if (!parsed.ok)
      return `Not a duration: write ${unit === 60 ? "minutes, such as 10, or 90s" : "seconds, such as 20, or 1m30s"}`;
    return parsed.seconds;
  };
  return checkedValue(ctx, message, read, asStep);
}

async function askCount(
  ctx: Context,
  message: string,
  fallback: number,
  asStep: (count: number) => DraftStep,
): Promise<number> {
  const read = (text: string): number | string => {
    const t = text.trim();
    if (t === "") return fallback;
    return /^\d{1,4}$/.test(t) && Number(t) > 0 ? Number(t) : "A whole number, such as 2";
  };
  return checkedValue(ctx, message, read, asStep);
}

async function checkedValue(
  ctx: Context,
  message: string,
  read: (text: string) => number | string,
  asStep: (value: number) => DraftStep,
): Promise<number> {
  const verdict = (text: string): true | string => {
    const value = read(text);
    if (typeof value === "string") return value;
    const refused = checkStep(asStep(value)).find((d) => d.verdict === "refuse");
    return refused ? decisionText(refused) : true;
  };
  const answer = await askChecked(ctx, { message, maxLength: 12, validate: verdict });
  const value = read(answer) as number;
  const step = asStep(value);
  for (const d of checkStep(step)) println(ctx.stdout, ctx.style.warn(decisionText(d, step)));
  return value;
}

/** `knot show` of the draft as it would be saved. */
async function preview(draft: Draft, library: Library, ctx: Context, view: View): Promise<void> {
  const { json } = checkDraft(draft, (id) => library.find(id)?.routine);
  const dir = join(draftsDir(ctx), "preview");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${draft.id}.json`);
  writeRoutine(dir, draft.id, routineText(json), { replace: true });
  println(ctx.stdout);
  try {
    await view.show(file);
  } catch (error) {
    // a draft that does not load yet: its problems, not a preview
    println(ctx.stdout, (error as Error).message);
  } finally {
    rmSync(file, { force: true });
  }
  println(ctx.stdout);
  println(ctx.stdout, ctx.style.dim(`${quote(draft.name, TEXT_LIMITS.name)}, not saved yet.`));
}
