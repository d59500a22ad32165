import { readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { checkpointDir } from "./checkpoint.js";
import { isAlive, lockHistory, staleLock } from "./lock.js";
import { removeLeftovers } from "./migrate.js";

type Alive = (pid: number, started: string | undefined) => boolean;

/**
 * What a knot that died while writing the history leaves behind, finished or cleaned by the
 * next one to start: a lock whose owner is gone, the partial copy of a move into months
 * (`history.moving-<pid>`), and checkpoints it had claimed to recover but had not recovered
 * (given back, so they are recovered now). One listing of the data folder when there is
 * nothing to do; with something to do, it is done under the history's lock, and left for
 * the next start if another knot is writing.
 */
export function tidyLeftovers(dataDir: string, alive: Alive = isAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  const moving = names.some((n) => /^history\.moving-\d+$/.test(n));
  const strays = names.filter((n) => /^history\.lock\.stale-\d+$/.test(n));
  const lockLeft = names.includes("history.lock") && staleLock(dataDir, alive);
  const claimed = claimedByTheDead(dataDir, alive);
  if (!moving && !lockLeft && strays.length === 0 && claimed.length === 0) return [];
  const lock = lockHistory(dataDir, {
    what: "tidying after a knot that stopped",
    waitMs: 0,
    alive,
  });
  if (!lock) return [];
  const done: string[] = [];
  try {
    if (lockLeft) done.push("history.lock");
    done.push(...removeLeftovers(dataDir));
    for (const name of strays) {
      rmSync(join(dataDir, name), { force: true });
      done.push(name);
    }
    for (const file of claimed) {
      try {
        renameSync(file, file.replace(/\.recovering-\d+$/, ""));
        done.push(file);
      } catch {
        // recovered by another knot meanwhile
      }
    }
  } finally {
    lock.release();
  }
  return done;
}

function claimedByTheDead(dataDir: string, alive: Alive): string[] {
  const dir = checkpointDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, pid: /\.json\.recovering-(\d+)$/.exec(name)?.[1] }))
    .filter(
      ({ pid }) =>
        pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid), undefined),
    )
    .map(({ name }) => join(dir, name));
}
