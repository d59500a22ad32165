import { renameSync } from "node:fs";
import { resolve } from "node:path";
import { type Context, println, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, writeFresh } from "../files.js";
import { gatherProgress } from "../progress/gather.js";
import { reportData } from "../progress/report-data.js";
import { reportHtml } from "../progress/report-html.js";
import { readAnswers } from "../safety/screening-log.js";
import { quote } from "../ui/safe.js";
import { parseWholeNumber } from "./coach-numbers.js";
import { readUserSettings } from "./settings.js";
import { printJson } from "./shared.js";

export interface ReportOptions {
  weeks?: string;
  out?: string;
  json?: boolean;
}

export const REPORT_DEFAULT_WEEKS = 6;

/** The clinician's report: one HTML file (or --json, the same data). */
export async function report(options: ReportOptions, ctx: Context): Promise<number> {
  const weeks =
    options.weeks === undefined
      ? REPORT_DEFAULT_WEEKS
      : parseWholeNumber("--weeks", options.weeks, 1, 520);
  const warn = warnTo(ctx);
  const settings = await readUserSettings(ctx);
  const progress = gatherProgress(ctx, weeks * 7, warn, true);
  for (const warning of progress.warnings) warn(warning);
  const data = reportData({
    progress,
    now: ctx.now(),
    screening: readAnswers(ctx.paths.data, settings, warn),
    massageLimitMinutes: settings.get("massage.dailyLimitMinutes") as number,
  });
  if (options.json) {
    printJson(ctx, data);
    return ExitCode.ok;
  }
  const html = reportHtml(data);
  if (options.out === undefined || options.out === "-") {
    ctx.stdout.write(html);
    return ExitCode.ok;
  }
  const file = resolve(ctx.cwd, options.out);
  try {
    const temp = `${file}.tmp-${process.pid}`;
    writeFresh(temp, html);
    renameSync(temp, file);
  } catch (error) {
    throw new KnotError(
      `The report could not be written to ${quote(file, 200)}: ${describeFsError(error)}.`,
      {
        exitCode: ExitCode.failure,
      },
    );
  }
  println(
    ctx.stdout,
    `Wrote ${file}: ${weeks} weeks, ${data.sessions} sessions. Open it in a browser, or print it (at most two A4 pages).`,
  );
  return ExitCode.ok;
}
