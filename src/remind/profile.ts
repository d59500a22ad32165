import { join } from "node:path";
import { shortHash } from "../hash.js";

/**
 * Which knot a scheduler entry belongs to. Two profiles (different settings folders) share
 * one crontab and one launchd and systemd user: every entry carries a short hash of the
 * settings folder beside the reminder's id, so one profile never replaces or removes another's.
 */
export const profileOf = (configDir: string): string => shortHash(configDir, 6);

/** Where knot keeps its reminder files in the data folder. */
export const remindFiles = (dataDir: string) => ({
  lock: join(dataDir, "reminders.lock"),
  state: join(dataDir, "reminders.json"),
  launcher: join(dataDir, "remind-launcher.sh"),
  /** What the entries' runs print (knot's own small log, instead of cron's mail). */
  output: join(dataDir, "remind-output.log"),
  /** One line a firing: when, which, what happened and why. */
  log: join(dataDir, "remind-log.jsonl"),
});
