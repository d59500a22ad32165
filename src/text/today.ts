import { localized } from "./locale.js";

/** What knot today says: the last 24 hours, the massage allowance, cold and heat, stops. */
export const todayText = localized({
  heading: "Last 24 hours",
  summary: (heading: string, count: number, length: string) =>
    `${heading}: ${count === 0 ? "no sessions" : `${count} session${count === 1 ? "" : "s"}, ${length}`}`,
  /** A session in the last 24 hours: its start, name, and how it ended. */
  session: (time: string, name: string, detail: string) => `  ${time}  ${name} ${detail}`,
  sessionDetail: (ended: string, done: string) => `(${ended}, ${done})`,
  /** How a session ended, by the code its record keeps. */
  ended: (code: string) => code,
  /** A heading with its note beside it. */
  titled: (title: string, note: string) => `${title} ${note}`,
  massage: "Self-massage",
  massageNote: (limit: string, ceiling: string) =>
    `(limit ${limit} per area in 24 hours, never past ${ceiling})`,
  noMassage: "  none in the last 24 hours",
  /** One area's massage today: its name (padded to its column), the bar, the minutes. */
  massageRow: (area: string, bar: string, text: string) => `  ${area} ${bar} ${text}`,
  massageDone: (done: string, limit: string, state: "over" | "reached" | undefined) =>
    `${done} of ${limit}${state === "over" ? ": over the limit, rest this area" : state === "reached" ? ": limit reached" : ""}`,
  cold: "Cold",
  heat: "Heat",
  thermal: (what: string, count: string, last: string, rules: string) =>
    `${what}:${count}${last}${rules}`,
  heatCount: (count: number, max: number) => ` ${count} of ${max} in 24 hours;`,
  packOnSince: (time: string) => ` pack on since ${time} (a session running now).`,
  noneYet: " none in the last 24 hours.",
  lastEnded: (time: string, ago: string) => ` last ended ${time} (${ago}).`,
  noMoreHeat: (when: string) => `No more heat until ${when}`,
  heatFull: (warned: string, max: number) =>
    `${warned}: heat is for up to ${max} times in 24 hours, and nothing overrides that.`,
  notBefore: (when: string) => `Not before ${when}`,
  timeOff: (warned: string) =>
    `${warned}: at least 10 minutes off between any two applications of cold or heat.`,
  waitUntil: (when: string) => `Wait until ${when}`,
  coldAgain: (warned: string) => `${warned}: guidance repeats cold only every 2-4 hours.`,
  anotherFine: "Another is fine now if your skin is back to normal.",
  stopped: "Stopped",
  stop: (label: string, routine: string, until: string, detail: string) =>
    `${label}: ${routine} until ${until} ${detail}`,
  stopDetail: (rose: boolean, at: string) =>
    `(pain ${rose ? "rose by 3 or more" : "was 8 or more"} after it at ${at})`,
  seeDoctor: "See a doctor",
  advice: (label: string, reasons: string) =>
    `${label}: ${reasons}. knot safety lists when to get help.`,
});
