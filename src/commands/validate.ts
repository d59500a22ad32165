import { resolve } from "node:path";
import { type Context, println } from "../context.js";
import { ExitCode } from "../errors.js";
import { checkRoutine } from "../routine/entry.js";
import { type ParseResult, readRoutineFile } from "../routine/parse.js";
import { formatIssues } from "../routine/report.js";
import type { Issue } from "../routine/validate.js";
import type { Routine } from "../routine/vocabulary.js";
import { myRoutinesText as t } from "../text/my-routines.js";
import { safeText } from "../ui/safe.js";
import { isKnotSchema, openLibrary, printJson } from "./shared.js";

export interface ValidateOptions {
  json?: boolean;
}

interface FileReport {
  file: string;
  ok: boolean;
  id?: string;
  issues: Issue[];
}

/**
 * Checks routine files: the format, then includes (resolved against the library and the other
 * files given) and safety limits. Exit 0 only when every file is valid; warnings do not fail.
 */
export async function validate(
  files: string[],
  options: ValidateOptions,
  ctx: Context,
): Promise<number> {
  const library = openLibrary(ctx);
  // The schema knot keeps beside routines is not a routine (a glob such as *.json finds it).
  const schemas = files.filter((file) => isKnotSchema(resolve(ctx.cwd, file)));
  for (const file of schemas) {
    if (!options.json) {
      println(ctx.stdout, t.schemaSkipped(ctx.style.dim(t.skip), safeText(file, { inLine: true })));
    }
  }
  const parsed = files
    .filter((file) => !schemas.includes(file))
    .map((file) => ({ file, result: readRoutineFile(resolve(ctx.cwd, file)) }));
  const given = new Map<string, Routine>();
  const reports: FileReport[] = parsed.map(({ file, result }) => checkParsed(file, result, given));
  const resolver = (id: string) => given.get(id) ?? library.find(id)?.routine;

  for (const report of reports) {
    if (!report.ok || report.id === undefined) continue;
    const checked = checkRoutine(given.get(report.id)!, resolver);
    report.issues.push(...checked.errors, ...checked.warnings);
    report.ok = checked.errors.length === 0;
  }

  const allOk = reports.every((r) => r.ok);
  if (options.json) {
    printJson(ctx, { ok: allOk, files: reports });
  } else {
    for (const report of reports) {
      if (report.ok) {
        println(ctx.stdout, t.okLine(ctx.style.ok(t.ok), safeText(report.file, { inLine: true })));
        if (report.issues.length > 0)
          println(ctx.stdout, ctx.style.warn(formatIssues(report.file, report.issues)));
      } else {
        println(
          ctx.stdout,
          t.errorLine(ctx.style.error(t.error), formatIssues(report.file, report.issues)),
        );
      }
    }
  }
  return allOk ? ExitCode.ok : ExitCode.usage;
}

function checkParsed(file: string, result: ParseResult, given: Map<string, Routine>): FileReport {
  if (!result.ok) return { file, ok: false, issues: result.issues };
  const { id } = result.routine;
  if (given.has(id)) {
    return {
      file,
      ok: false,
      issues: [
        {
          severity: "error",
          path: "id",
          message: t.idTwice(id),
        },
      ],
    };
  }
  given.set(id, result.routine);
  return { file, ok: true, id, issues: [...result.issues] };
}
