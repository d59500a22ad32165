import type { Context } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { proseWriter } from "../output.js";
import { checkinFlow, problemWords } from "../progress/checkin-flow.js";
import {
  activeActivities,
  addActivity,
  checkAverages,
  type PsfsResult,
  type PsfsStore,
  recordCheck,
  renameActivity,
  retireActivity,
} from "../progress/psfs.js";
import { psfsFile, readPsfs, writePsfs } from "../progress/psfs-store.js";
import { terminalAsker } from "../progress/weekly.js";
import { checkinText as t } from "../text/checkin.js";
import { canAsk } from "../ui/prompt.js";
import { safeText } from "../ui/safe.js";
import { printJson } from "./shared.js";

export interface CheckinOptions {
  add?: string[];
  rename?: string;
  to?: string;
  retire?: string;
  rate?: string;
  list?: boolean;
  json?: boolean;
  plain?: boolean;
}

function read(ctx: Context): PsfsStore {
  try {
    return readPsfs(ctx.paths.data);
  } catch (error) {
    throw new KnotError((error as Error).message, {
      exitCode: ExitCode.failure,
      hint: t.unreadableHint(psfsFile(ctx.paths.data)),
    });
  }
}

const settle = (result: PsfsResult): PsfsStore => {
  if ("problem" in result) throw new KnotError(problemWords(result));
  return result.store;
};

/** "a1=6,a2=4" as ratings by id (checked against the store by recordCheck); each id once. */
export function parseRatings(text: string): Record<string, number> {
  if (text.trim() === "") throw new KnotError(t.rateTakes);
  const ratings: Record<string, number> = {};
  for (const part of text.split(",")) {
    const m = /^\s*(a\d+)\s*=\s*(\d{1,2})\s*$/.exec(part);
    if (!m) throw new KnotError(t.rateNot(JSON.stringify(part)));
    if (ratings[m[1]!] !== undefined) throw new KnotError(t.rateTwice(m[1]!));
    ratings[m[1]!] = Number(m[2]);
  }
  return ratings;
}

/** The activities and every check, as `--json` and `--list` show them. */
export function checkinView(store: PsfsStore) {
  return {
    activities: store.activities,
    checks: store.checks,
    averages: checkAverages(store).map((c) => ({
      at: new Date(c.at).toISOString(),
      average: Math.round(c.average * 10) / 10,
    })),
  };
}

export async function checkin(options: CheckinOptions, ctx: Context): Promise<number> {
  let store = read(ctx);
  const now = ctx.now();
  const changes =
    options.add?.length || options.rename || options.retire || options.rate !== undefined;
  if (options.to !== undefined && !options.rename) throw new KnotError(t.toWithoutRename);
  for (const name of options.add ?? []) store = settle(addActivity(store, name, now));
  if (options.rename) {
    if (options.to === undefined) throw new KnotError(t.renameWithoutTo);
    store = settle(renameActivity(store, options.rename, options.to, now));
  }
  if (options.retire) store = settle(retireActivity(store, options.retire, now));
  if (options.rate !== undefined)
    store = settle(recordCheck(store, parseRatings(options.rate), now));
  if (changes) writePsfs(ctx.paths.data, store);

  if (!changes && !options.list && !options.json) {
    if (!canAsk(ctx))
      throw new KnotError(t.atTerminal, {
        hint: t.atTerminalHint,
      });
    const result = await checkinFlow(store, terminalAsker(ctx, Boolean(options.plain)), ctx.now);
    writePsfs(ctx.paths.data, result.store);
    store = result.store;
    // left part way (Esc, Ctrl-C): what was given is saved and said; end as the question did
    if (result.left instanceof KnotError) return result.left.exitCode;
    if (result.left) throw result.left;
  }
  if (options.json) {
    printJson(ctx, checkinView(store));
    return ExitCode.ok;
  }
  if (options.list || changes) {
    const s = ctx.style;
    const active = activeActivities(store);
    if (store.activities.length === 0) proseWriter(ctx.stdout, ctx.env)(s.dim(t.noActivities));
    for (const a of store.activities) {
      const last = [...store.checks].reverse().find((c) => c.ratings[a.id] !== undefined);
      const latest = last ? t.latest(last.ratings[a.id]!, last.at.slice(0, 10)) : t.notRated;
      const state = a.retired ? ` ${s.dim(t.retired(a.retired.slice(0, 10)))}` : "";
      proseWriter(ctx.stdout, ctx.env)(t.row(s.id(a.id), safeText(a.name), state, s.dim(latest)));
    }
    if (active.length > 0 && options.list)
      proseWriter(ctx.stdout, ctx.env)(s.dim(t.checks(store.checks.length)));
  }
  return ExitCode.ok;
}
