import { type Context, println } from "../context.js";
import { formatDuration } from "../duration.js";
import { EVERY_TIME } from "../health.js";
import { proseWriter } from "../output.js";
import { findRoutine } from "../routine/library.js";
import { formatIssues } from "../routine/report.js";
import { hasManualSteps } from "../routine/timeline.js";
import type { PoseName } from "../routine/vocabulary.js";
import { timelineToRun } from "../session/timeline-to-run.js";
import { healthText } from "../text/health.js";
import { showText as t } from "../text/library.js";
import { outlineSteps, timelineLength } from "../text/steps.js";
import { bulleted, displayWidth, padEnd, wrap } from "../ui/text.js";
import { layoutWidth, openLibrary, printJson } from "./shared.js";

/** The box each pose is drawn in beside its steps: two frames of a movement fit side by side. */
export const FIGURE_BOX = { width: 37, height: 8 };
const FIGURE_GAP = 3;

/**
 * Whether `knot show` draws the poses: only at a terminal that can show them (not piped, not
 * TERM=dumb) with room beside the steps, and not for someone who asked for plain text
 * (`display` set to plain). Figures are monochrome text, so colour settings do not matter.
 */
async function drawsFigures(ctx: Context, needed: number): Promise<boolean> {
  if (!ctx.stdout.isTTY || ctx.env.TERM === "dumb") return false;
  if ((ctx.stdout.columns ?? 0) < needed) return false;
  // the settings' modules, as the poses', are loaded only for a terminal that may show them
  const { readUserSettings } = await import("./settings.js");
  const settings = await readUserSettings(ctx);
  return settings.get("display") !== "plain";
}

/** How a pose is drawn in its box: the poses' catalogue and drawing, loaded only to draw. */
async function figureDrawer(): Promise<(pose: PoseName) => string[]> {
  const [{ poseBlock }, { CATALOGUE }] = await Promise.all([
    import("../poses/block.js"),
    import("../poses/catalogue.js"),
  ]);
  return (pose) => poseBlock(CATALOGUE[pose], FIGURE_BOX);
}

export interface ShowOptions {
  json?: boolean;
  /** Said in the heading instead of where the routine comes from (a draft's preview). */
  label?: string;
}

export async function show(
  nameOrPath: string,
  options: ShowOptions,
  ctx: Context,
): Promise<number> {
  const library = openLibrary(ctx);
  const entry = findRoutine(library, nameOrPath);
  const { routine, timeline } = entry;
  if (options.json) {
    printJson(ctx, {
      ...routine,
      cautions: entry.cautions,
      origin: entry.origin,
      path: entry.path,
      totalSeconds: entry.totalSeconds,
      // What runs: with the calls to take each pack off and the questions before each one.
      timeline: timelineToRun(timeline, EVERY_TIME),
      warnings: entry.warnings,
    });
    return 0;
  }

  const s = ctx.style;
  const width = Math.min(layoutWidth(ctx), 100);
  const out = proseWriter(ctx.stdout, ctx.env);
  const paragraph = (text: string, indent = "", paint: (t: string) => string = String) => {
    for (const line of wrap(text, width - indent.length)) out(indent + paint(line));
  };
  const bullet = (text: string, mark: string) => {
    for (const line of bulleted(text, width, mark)) out(line);
  };
  const origin =
    options.label ??
    (entry.origin === "built-in" ? t.builtIn : entry.origin === "custom" ? t.custom : entry.path);
  out(t.heading(s.heading(routine.name), s.dim(t.about(routine.id, routine.category, origin))));
  if (routine.summary) paragraph(t.own(routine.summary));
  if (routine.description) {
    out();
    paragraph(t.own(routine.description));
  }
  if (routine.areas.length > 0) {
    out();
    out(t.areas(s.strong(t.areasLabel), routine.areas.join(", ")));
  }
  if (entry.cautions.length > 0) {
    out();
    out(s.strong(t.cautions));
    for (const caution of entry.cautions) {
      bullet(t.own(caution), s.warn("  ! "));
    }
  }

  out();
  const manual = hasManualSteps(timeline);
  out(
    t.steps(
      s.strong(t.stepsLabel),
      s.dim(t.stepsDetail(timeline.length, timelineLength(timeline))),
    ),
  );
  const lines = outlineSteps(routine.steps, (id) => library.find(id)?.routine);
  const names = lines.map((l) => t.stepName(l.text));
  const kinds = lines.map((l) => (l.kind ? t.kind(l.kind) : ""));
  const widest = (cells: string[]) => Math.max(0, ...cells.map(displayWidth));
  const nameWidth = Math.max(...lines.map((l, i) => l.depth * 2 + displayWidth(names[i]!)));
  // the durations' column: 22 wide, wider for longer words
  const durationWidth = Math.max(22, widest(lines.map((l) => l.duration)) + 2);
  const stepsWidth = nameWidth + 4 + durationWidth + widest(kinds);
  const figures =
    lines.some((l) => l.pose) &&
    (await drawsFigures(ctx, stepsWidth + FIGURE_GAP + FIGURE_BOX.width));
  // With figures, the steps' text keeps to the left of them.
  const textWidth = figures
    ? Math.min(100, (ctx.stdout.columns ?? 0) - FIGURE_GAP - FIGURE_BOX.width)
    : width;
  const draw = figures ? await figureDrawer() : undefined;
  const drawn = new Set<PoseName>();
  for (const [i, line] of lines.entries()) {
    const indent = "  ".repeat(line.depth + 1);
    const name = padEnd(`${indent}${names[i]}`, nameWidth + 4);
    const kind = line.kind ? s.kind[line.kind as keyof typeof s.kind](kinds[i]!) : "";
    const rows = [`${name}${padEnd(line.duration, durationWidth)}${kind}`];
    if (line.instruction) {
      for (const text of wrap(t.own(line.instruction), textWidth - indent.length - 4)) {
        rows.push(`${indent}    ${s.dim(text)}`);
      }
    }
    // Each pose once, beside the first step that takes it (the left side of a sided step).
    const pose = figures && line.pose && !drawn.has(line.pose) ? line.pose : undefined;
    const figure = pose && draw ? draw(pose) : [];
    if (pose) drawn.add(pose);
    for (let i = 0; i < Math.max(rows.length, figure.length); i++) {
      const text = rows[i] ?? "";
      out(
        figure[i]
          ? `${padEnd(text, textWidth + FIGURE_GAP)}${figure[i]}`.trimEnd()
          : text.trimEnd(),
      );
    }
  }
  out(t.total(s.strong(t.totalLabel), formatDuration(entry.totalSeconds), manual));

  out();
  paragraph(healthText.keepMoving);
  if (routine.sources.length > 0) {
    out();
    out(s.strong(t.sources));
    for (const source of routine.sources) {
      bullet(t.own(source), "  - ");
    }
  }
  if (entry.warnings.length > 0) {
    out();
    println(ctx.stderr, ctx.errStyle.warn(formatIssues(nameOrPath, entry.warnings)));
  }
  return 0;
}
