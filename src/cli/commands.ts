import { checkinCommand } from "./checkin.js";
import { completionCommand } from "./completion.js";
import { configCommand } from "./config.js";
import { cycleCommand } from "./cycle.js";
import { editCommand } from "./edit.js";
import { helpCommand } from "./help.js";
import { historyCommand } from "./history.js";
import { listCommand } from "./list.js";
import { newCommand } from "./new.js";
import { remindCommand } from "./remind.js";
import { reportCommand } from "./report.js";
import { rmCommand } from "./rm.js";
import { safetyCommand } from "./safety.js";
import { showCommand } from "./show.js";
import { startCommand } from "./start.js";
import { statsCommand } from "./stats.js";
import { todayCommand } from "./today.js";
import { validateCommand } from "./validate.js";
import type { Register } from "./wiring.js";

/**
 * knot's commands by name, in the order its help lists them, each wired in its own file under
 * src/cli/ (knot completion wires the hidden __complete too).
 */
export const COMMANDS: Readonly<Record<string, Register>> = {
  start: startCommand,
  cycle: cycleCommand,
  history: historyCommand,
  remind: remindCommand,
  stats: statsCommand,
  checkin: checkinCommand,
  report: reportCommand,
  today: todayCommand,
  safety: safetyCommand,
  list: listCommand,
  show: showCommand,
  validate: validateCommand,
  new: newCommand,
  edit: editCommand,
  rm: rmCommand,
  config: configCommand,
  completion: completionCommand,
  help: helpCommand,
};

/** The commands that read the whole program: help lists it, completion describes it. */
export const WHOLE_PROGRAM = new Set(["help", "completion"]);
