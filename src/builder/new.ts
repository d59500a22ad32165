import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Context, println } from "../context.js";
import { ExitCode } from "../errors.js";
import type { Library } from "../routine/library.js";
import { choose, confirm } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { givenId, routineName } from "./copy.js";
import { checkDraft, type Draft, type DraftStep } from "./draft.js";
import { idFromName, TEXT_LIMITS } from "./ids.js";
import { askName, askStep } from "./questions.js";
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
