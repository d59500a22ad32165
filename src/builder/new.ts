import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Context, println } from "../context.js";
import { formatDuration } from "../duration.js";
import { ExitCode } from "../errors.js";
import type { Library } from "../routine/library.js";
import { isThermal } from "../routine/vocabulary.js";
import { builderFlowText as f } from "../text/builder.js";
import { isEscape } from "../ui/asking.js";
import { choose, confirm } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { wrap } from "../ui/text.js";
import { givenId, routineName } from "./copy.js";
import type { Draft, DraftStep } from "./draft.js";
import { checkDraft, refusalsOfAdding, thermalRoom } from "./draft-check.js";
import { idFromName, TEXT_LIMITS } from "./ids.js";
import { askName, askStep } from "./questions.js";
import { draftsDir, routineText, writeRoutine } from "./store.js";
import { settleId } from "./target.js";
import { decisionText, stepSummary, thermalRoomText } from "./text.js";
import type { View } from "./view.js";

export type { View };

type Action = "pose" | "rest" | "cold" | "heat" | "include" | "undo" | "preview" | "save" | "quit";

/**
 * `knot new` at a terminal: a name, then steps one at a time, each checked as it is added
 * (draft.ts decides; a refused value is asked again with the reason), a preview, and a save
 * that never replaces a routine without asking. Esc inside a step's questions comes back to
 * the steps with nothing lost; Esc at the steps leaves (asking first when there are steps to
 * lose), as does Ctrl-C.
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
  const leave = (): number => {
    out(f.nothingSaved);
    return ExitCode.endedEarly;
  };
  const id = givenId(options.id);
  // Esc before there is anything to lose: leaves without saving
  const start = await onEscape(async () => {
    const name = rawName !== undefined ? routineName(rawName) : await askName(ctx);
    const target = await settleId(ctx, library, userDir, id ?? idFromName(name), options);
    return { name, target };
  });
  if (!start) return leave();
  const { name, target } = start;
  const draft: Draft = { id: target.id, name, steps: [] };
  out(ctx.style.dim(f.savedAsIntro(name, draft.id)));

  for (;;) {
    // Esc at the menu is "leave without saving"; Esc inside a step's questions comes back here
    const action =
      (await onEscape(() =>
        choose<Action>(ctx, f.stepMenu(draft.steps.length + 1), menu(draft)),
      )) ?? "quit";
    if (action === "quit") {
      const sure =
        draft.steps.length === 0 ||
        ((await onEscape(() =>
          confirm(ctx, f.leave, {
            default: false,
            whenNoTerminal: () => true,
          }),
        )) ??
          true);
      if (sure) return leave();
      continue;
    }
    if (action === "undo") {
      const taken = draft.steps.pop();
      if (taken) say(ctx, f.tookBack(draft.steps.length + 1, stepSummary(taken)));
      continue;
    }
    if (action === "preview" || action === "save") {
      await preview(draft, library, ctx, view);
      if (action === "preview") continue;
      const { json, saveable, decisions } = checkDraft(draft, resolve);
      if (!saveable) {
        for (const d of decisions) if (d.verdict === "refuse") say(ctx, decisionText(d));
        continue;
      }
      const path = join(userDir, `${draft.id}.json`);
      const save = await onEscape(() =>
        confirm(ctx, f.saveAs(path), { whenNoTerminal: () => false }),
      );
      if (!save) continue;
      writeRoutine(userDir, draft.id, routineText(json), { replace: target.replace });
      out(f.saved(draft.id));
      out(ctx.style.dim(f.changeOrRemove(draft.id)));
      return ExitCode.ok;
    }
    const added = await onEscape(async () => {
      if (isThermal(action)) {
        if (!(await roomFor(action, draft, library, ctx))) return false;
      }
      const step = await askStep(action, draft, library, ctx, view);
      if (step) add(draft, step, library, ctx);
      return true;
    });
    if (added === undefined) say(ctx, f.backToSteps, { style: ctx.style.dim });
  }
}

/** Runs questions that Esc may leave: their answer, or undefined when Esc was pressed. */
async function onEscape<T>(ask: () => Promise<T>): Promise<T | undefined> {
  try {
    return await ask();
  } catch (error) {
    if (isEscape(error)) return undefined;
    throw error;
  }
}

/** Text for the person, wrapped at word boundaries to the terminal (at most 80 columns). */
function say(
  ctx: Context,
  text: string,
  options: { indent?: string; style?: (text: string) => string } = {},
): void {
  const { indent = "", style = (t: string) => t } = options;
  const width = Math.min(ctx.stdout.columns || 80, 80) - indent.length;
  for (const line of wrap(text, width)) println(ctx.stdout, `${indent}${style(line)}`);
}

/**
 * Before cold or heat is asked for: whether the routine has room for it (THERMAL_RULES). When
 * it lacks only time off, knot offers to add the rest that makes it up first.
 */
async function roomFor(
  kind: "cold" | "heat",
  draft: Draft,
  library: Library,
  ctx: Context,
): Promise<boolean> {
  const room = thermalRoom(draft, kind, (id) => library.find(id)?.routine);
  if (room.ok) return true;
  say(ctx, thermalRoomText(room, kind, draft.steps), { style: ctx.style.warn });
  if (room.reason !== "time-off") return false;
  const rest: DraftStep = { type: "rest", seconds: room.need };
  const first = await choose(ctx, f.whatNow, [
    { name: f.restFirst(formatDuration(room.need), kind), value: true },
    { name: f.backToStepsChoice, value: false },
  ]);
  if (!first) return false;
  return add(draft, rest, library, ctx);
}

function menu(draft: Draft): { name: string; value: Action }[] {
  const some = draft.steps.length > 0;
  return [
    { name: f.menu.pose, value: "pose" as const },
    { name: f.menu.rest, value: "rest" as const },
    { name: f.menu.cold, value: "cold" as const },
    { name: f.menu.heat, value: "heat" as const },
    { name: f.menu.include, value: "include" as const },
    ...(some
      ? [
          { name: f.menu.undo, value: "undo" as const },
          { name: f.menu.preview, value: "preview" as const },
          { name: f.menu.save, value: "save" as const },
        ]
      : []),
    { name: f.menu.quit, value: "quit" as const },
  ];
}

/** Adds a step, unless the routine as a whole would then break a rule: then says why. */
function add(draft: Draft, step: DraftStep, library: Library, ctx: Context): boolean {
  const fresh = refusalsOfAdding(draft, step, (id) => library.find(id)?.routine);
  if (fresh.length > 0) {
    say(ctx, f.notAdded(stepSummary(step)), { style: ctx.style.warn });
    for (const d of fresh) say(ctx, decisionText(d), { indent: "  " });
    return false;
  }
  draft.steps.push(step);
  say(ctx, f.added(draft.steps.length, stepSummary(step)), { style: ctx.style.ok });
  return true;
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
  println(ctx.stdout, ctx.style.dim(f.notSavedYet(quote(draft.name, TEXT_LIMITS.name))));
}
