import type { Command } from "commander";
import { localized } from "../text/locale.js";

const WORDS = localized({
  yes: "start without asking to start (needed when there is no terminal); it answers no safety question",
  leadIn: 'seconds of "Get ready" first (setting: leadIn)',
  plain: "no redrawing: one line per step (for logs and screen readers)",
  events: 'write every event as a JSON line to a file, or "-" for stdout',
  dryRun: "print the steps with the time each would start, and exit",
  sound: "ring the terminal bell (setting: sound)",
  noSound: "no bell",
  voice: "speak the cues (setting: voice)",
  noVoice: "no spoken cues",
  notify: "desktop notifications (setting: notify)",
  noNotify: "no desktop notifications",
  noCheckin: "do not ask how bad the pain is (setting: checkin)",
  skinChecked: "for this run, none of the questions asked before every cold or heat applies",
  force: "go past guidance (rounds, spacing, daily limits, see a doctor first); never a hard limit",
});

/** The options of every command that coaches a session (knot start, knot cycle). */
export const coachOptions = (cmd: Command): Command =>
  cmd
    .option("-y, --yes", WORDS.yes)
    .option("--lead-in <seconds>", WORDS.leadIn)
    .option("--plain", WORDS.plain)
    .option("--events <file>", WORDS.events)
    .option("--dry-run", WORDS.dryRun)
    .option("--sound", WORDS.sound)
    .option("--no-sound", WORDS.noSound)
    .option("--voice", WORDS.voice)
    .option("--no-voice", WORDS.noVoice)
    .option("--notify", WORDS.notify)
    .option("--no-notify", WORDS.noNotify)
    .option("--no-checkin", WORDS.noCheckin)
    .option("--skin-checked", WORDS.skinChecked)
    .option("--force", WORDS.force);
