import {
  chmodSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { parseWholeNumber } from "../coach/whole-number.js";
import { type Context, warnTo } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { describeFsError, writeFresh } from "../files.js";
import { proseWriter } from "../output.js";
import { gatherProgress } from "../progress/gather.js";
import { recordDays, reportData } from "../progress/report-data.js";
import { reportHtml } from "../progress/report-html.js";
import { readAnswers } from "../safety/screening-log.js";
import { reportText as t } from "../text/report.js";
import { quote, safeJson } from "../ui/safe.js";
import { readUserSettings } from "./settings.js";

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
  const askedDays = weeks * 7;
  let progress = gatherProgress(ctx, askedDays, warn, true);
  // a shorter record than asked: the period starts at its first day (the report says so)
  const days = recordDays(progress, askedDays, ctx.now());
  if (days < askedDays) progress = gatherProgress(ctx, days, warn, true);
  for (const warning of progress.warnings) warn(warning);
  const data = reportData({
    progress,
    now: ctx.now(),
    screening: readAnswers(ctx.paths.data, settings, warn),
    massageLimitMinutes: settings.get("massage.dailyLimitMinutes") as number,
    askedDays,
  });
  if (options.out === "")
    throw new KnotError(t.outNeedsName, {
      hint: t.outNeedsNameHint,
    });
  const text = options.json ? `${safeJson(data, 2)}\n` : reportHtml(data);
  if (options.out === undefined || options.out === "-") {
    ctx.stdout.write(text);
    return ExitCode.ok;
  }
  const asked = resolve(ctx.cwd, options.out);
  let written: Written;
  try {
    written = writeOut(asked, text);
  } catch (error) {
    if (error instanceof KnotError) throw error;
    throw new KnotError(t.notWritten(quote(asked, 200), describeFsError(error)), {
      exitCode: ExitCode.failure,
    });
  }
  // a stream (a pipe, a terminal) has the report itself: nothing is added to it
  if (written.kind === "stream") return ExitCode.ok;
  const what = options.json ? t.asJson : t.html(data.period.weeks, data.sessions);
  proseWriter(ctx.stdout, ctx.env)(t.wrote(written.file, what));
  return ExitCode.ok;
}

type Written = { kind: "file" | "stream"; file: string };

/** Where a path leads: links followed one by one, to a path that may not exist yet. */
function followLinks(path: string): { file: string; stat: Stats | undefined } {
  let file = path;
  for (let hops = 0; hops < 40; hops++) {
    let link: Stats;
    try {
      link = lstatSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { file, stat: undefined };
      throw error;
    }
    if (!link.isSymbolicLink()) return { file, stat: link };
    try {
      // a link to something that exists: its real path (a file is replaced there, never the link)
      return { file: realpathSync(file), stat: statSync(file) };
    } catch {
      file = resolve(dirname(file), readlinkSync(file)); // to nothing yet, or not nameable
    }
  }
  throw Object.assign(new Error("too many links"), { code: "ELOOP" });
}

/**
 * Writes the report where --out says: a file (new, or one already there, through any links to
 * it) is written whole beside it and renamed into place, so it is the old report or the new
 * one, never half; a pipe or a character device (a terminal) is written to as a stream; a
 * folder or anything else is refused in words.
 */
export function writeOut(path: string, text: string): Written {
  let target: { file: string; stat: Stats | undefined };
  try {
    const stat = statSync(path); // follows links: a pipe behind /proc/self/fd has no real path
    if (stat.isFIFO() || stat.isCharacterDevice()) return writeStream(path, stat, text);
    target = followLinks(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    target = followLinks(path);
  }
  const { file, stat } = target;
  if (stat?.isDirectory())
    throw new KnotError(t.folder(quote(file, 200)), {
      hint: t.folderHint(quote(resolve(file, "knot-report.html"), 200)),
    });
  if (stat && !stat.isFile()) throw new KnotError(t.notAFile(quote(file, 200)));
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFresh(temp, text);
    if (stat) chmodSync(temp, stat.mode & 0o777);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return { kind: "file", file };
}

function writeStream(path: string, stat: Stats, text: string): Written {
  // A pipe with nothing reading it would wait for ever: opened without waiting, it fails at
  // once instead (ENXIO). The same open is written through: closing it and opening again
  // would end the reader's input, and the second open would then wait for a reader that left.
  const fd = openSync(path, constants.O_WRONLY | (stat.isFIFO() ? (constants.O_NONBLOCK ?? 0) : 0));
  try {
    writeAll(fd, Buffer.from(text));
  } finally {
    closeSync(fd);
  }
  return { kind: "stream", file: path };
}

/** Writes all of `data`, waiting a moment whenever a pipe's buffer is full (EAGAIN). */
function writeAll(fd: number, data: Buffer): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let at = 0; at < data.length; ) {
    try {
      at += writeSync(fd, data, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}
