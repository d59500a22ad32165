import { tmpdir } from "node:os";
import { join } from "node:path";
import { remindText } from "../text/remind.js";
import { withLock } from "./lock.js";
import { check, legacyOurs, type SchedulerContext, uidOf } from "./scheduler-context.js";

/** The id a crontab line of this profile's is for, if it is one. */
export function cronId(line: string, ctx: SchedulerContext): string | undefined {
  const m = / # knot-remind (?:([0-9a-f]{6}) )?(r\d+)(?: retry)?$/.exec(line);
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1] === ctx.profile ? m[2] : undefined;
  return legacyOurs(line, ctx) ? m[2] : undefined;
}

/**
 * The person's crontab, as bytes: each line is kept as a latin1 string, which maps every
 * byte to one character and back, so lines knot did not write (any encoding, blank lines,
 * comments) are written back exactly.
 */
interface Crontab {
  lines: string[];
  /** Whether there was one at all. */
  exists: boolean;
}

export function readCrontab(ctx: SchedulerContext): Crontab {
  const result = ctx.run("crontab", ["-l"]);
  if (result.error) check(result, remindText.readCrontab);
  // "no crontab for you" is an empty one
  if (result.status !== 0) return { lines: [], exists: false };
  const bytes = Buffer.isBuffer(result.stdout) ? result.stdout : Buffer.from(result.stdout, "utf8");
  const text = bytes.toString("latin1");
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  return { lines: text === "" ? [] : lines, exists: true };
}

/** A user-wide lock: profiles share the crontab. */
const crontabLock = (ctx: SchedulerContext) =>
  join(tmpdir(), `knot-crontab-${uidOf(ctx) ?? "user"}.lock`);

/**
 * Changes the crontab: keeps the lines `keep` says (as they were, byte for byte) and adds
 * knot's `add` lines (text, written as UTF-8). Nothing is written when nothing changes.
 */
export function editCrontab(
  ctx: SchedulerContext,
  keep: (line: string) => boolean,
  add: readonly string[] = [],
): void {
  withLock(crontabLock(ctx), () => {
    const table = readCrontab(ctx);
    const kept = table.lines.filter(keep);
    if (kept.length === table.lines.length && add.length === 0) return;
    const lines = [...kept, ...add.map((l) => Buffer.from(l, "utf8").toString("latin1"))];
    if (table.exists && lines.join("\n") === table.lines.join("\n")) return;
    const bytes = Buffer.from(lines.length > 0 ? `${lines.join("\n")}\n` : "", "latin1");
    check(ctx.run("crontab", ["-"], bytes), remindText.writeCrontab);
  });
}
