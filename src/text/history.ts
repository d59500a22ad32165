import { localized } from "./locale.js";

/** What knot history's table says (dates, names and figures stay data in its cells). */
export const historyText = localized({
  headers: ["DATE", "ROUTINE", "DONE", "ENDED", "PAIN BEFORE → AFTER"],
  /** A routine's name in its column, as the record keeps it: data. */
  name: (name: string) => name,
  /** How a session ended, by the code its record keeps (completed, interrupted, quit...). */
  ended: (code: string) => code,
  stoppedForPain: "stopped: pain",
  since: (time: string) => `since ${time}`,
  of: (routine: string) => `of ${routine}`,
  noneMatching: (filters: readonly string[]) => `No sessions ${filters.join(" ")}.`,
  noneYet: "No sessions yet. Start one with: knot start stretch",
});
