import { type Context, println } from "../context.js";
import { formatDuration } from "../duration.js";
import { EVERY_TIME, KEEP_MOVING } from "../health.js";
import { outlineSteps, timelineLength } from "../routine/describe.js";
import { findRoutine } from "../routine/library.js";
import { formatIssues } from "../routine/report.js";
import { hasManualSteps } from "../routine/timeline.js";
import { timelineToRun } from "../safety/rules.js";
import { bulleted, wrap } from "../ui/text.js";
import { layoutWidth, openLibrary, printJson } from "./shared.js";

export interface ShowOptions {
  json?: boolean;
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
  const out = (text = "") => println(ctx.stdout, text);
  const paragraph = (text: string, indent = "", paint: (t: string) => string = String) => {
    for (const line of wrap(text, width - indent.length)) out(indent + paint(line));
  };
  const bullet = (text: string, mark: string) => {
    for (const line of bulleted(text, width, mark)) out(line);
  };
  const origin =
    entry.origin === "built-in" ? "built-in" : entry.origin === "custom" ? "custom" : entry.path;
  out(`${s.heading(routine.name)} ${s.dim(`(${routine.id}, ${routine.category}, ${origin})`)}`);
  if (routine.summary) paragraph(routine.summary);
  if (routine.description) {
    out();
    paragraph(routine.description);
  }
  if (routine.areas.length > 0) {
    out();
    out(`${s.strong("Areas:")} ${routine.areas.join(", ")}`);
  }
  if (entry.cautions.length > 0) {
    out();
    out(s.strong("Cautions"));
    for (const caution of entry.cautions) {
      bullet(caution, s.warn("  ! "));
    }
  }

  out();
  const manual = hasManualSteps(timeline);
  out(`${s.strong("Steps")}  ${s.dim(`${timeline.length} in all, ${timelineLength(timeline)}`)}`);
  const lines = outlineSteps(routine.steps, (id) => library.find(id)?.routine);
  const nameWidth = Math.max(...lines.map((l) => l.depth * 2 + l.text.length));
  for (const line of lines) {
    const indent = "  ".repeat(line.depth + 1);
    const name = `${indent}${line.text}`.padEnd(nameWidth + 4);
    const kind = line.kind ? s.kind[line.kind as keyof typeof s.kind](line.kind) : "";
    out(`${name}${line.duration.padEnd(22)}${kind}`.trimEnd());
    if (line.instruction) paragraph(line.instruction, `${indent}    `, s.dim);
  }
  out(
    `  ${s.strong("Total")} ${formatDuration(entry.totalSeconds)}${manual ? " + steps that wait for you" : ""}`,
  );

  out();
  paragraph(KEEP_MOVING);
  if (routine.sources.length > 0) {
    out();
    out(s.strong("Sources"));
    for (const source of routine.sources) {
      bullet(source, "  - ");
    }
  }
  if (entry.warnings.length > 0) {
    out();
    println(ctx.stderr, ctx.errStyle.warn(formatIssues(nameOrPath, entry.warnings)));
  }
  return 0;
}
