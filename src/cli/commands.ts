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

/** knot's commands in the order its help lists them, each wired in its own file under src/cli/. */
export const COMMANDS: readonly Register[] = [
  startCommand,
  cycleCommand,
  historyCommand,
  remindCommand,
  statsCommand,
  checkinCommand,
  reportCommand,
  todayCommand,
  safetyCommand,
  listCommand,
  showCommand,
  validateCommand,
  newCommand,
  editCommand,
  rmCommand,
  configCommand,
  completionCommand,
  helpCommand,
];
