import { addDays, startOfDay } from "../history/analysis.js";

/**
 * A reminder as kept in the settings: either a repeating one ("every 1h between 09:00 and
 * 17:30 on weekdays, for desk-break") or a single one at a time (cold again, once the rules
 * allow it). Times are local wall-clock times, as a person sets them.
 */
export interface Reminder {
  /** Short and stable: r1, r2, ... (names the scheduler's unit: knot-remind-r1). */
  id: string;
  kind: "every" | "once";
  /** The routine the reminder is for. */
  routine: string;
  /** Minutes between reminders (every). */
  every?: number;
  /** From and to, "HH:MM", local time (every). */
  between?: [string, string];
  /** Days it runs on (every). */
  days?: Day[];
  /** When it is due, ISO (once). */
  at?: string;
  createdAt: string;
}

export const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Day = (typeof DAYS)[number];

export const REMINDER_LIMITS = { minEvery: 15, maxEvery: 8 * 60, maxReminders: 20 } as const;
export const DEFAULT_BETWEEN: [string, string] = ["09:00", "17:30"];
export const DEFAULT_DAYS: Day[] = ["mon", "tue", "wed", "thu", "fri"];

/** "1h", "45m", "1h30m", "90" (minutes): minutes between reminders, or undefined. */
export function readEvery(text: string): number | undefined {
  const m = /^\s*(?:(\d{1,2})\s*h)?\s*(?:(\d{1,3})\s*m?)?\s*$/i.exec(text);
  const minutes = m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : Number.NaN;
  if (
    !Number.isInteger(minutes) ||
    minutes < REMINDER_LIMITS.minEvery ||
    minutes > REMINDER_LIMITS.maxEvery
  ) {
    return undefined;
  }
  return minutes;
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (clock: string) => {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** "09:00-17:30": from and to, local time, from before to; or undefined. */
export function readBetween(text: string): [string, string] | undefined {
  const parts = text.split("-").map((p) => p.trim());
  const pad = (clock: string) => clock.padStart(5, "0");
  if (parts.length === 2 && parts.every((p) => CLOCK.test(p))) {
    const [from, to] = parts.map(pad) as [string, string];
    if (minutesOf(from) < minutesOf(to)) return [from, to];
  }
  return undefined;
}

/** "mon-fri", "mon,wed,fri", "weekdays", "weekend", "daily"; or undefined. */
export function readDays(text: string): Day[] | undefined {
  const word = text.trim().toLowerCase();
  if (word === "daily" || word === "every-day" || word === "all") return [...DAYS];
  if (word === "weekdays") return [...DEFAULT_DAYS];
  if (word === "weekend" || word === "weekends") return ["sun", "sat"];
  const out = new Set<Day>();
  let first: number | undefined;
  for (const part of word.split(",")) {
    const [a, b] = part.split("-").map((p) => p.trim().slice(0, 3)) as [string, string?];
    const from = DAYS.indexOf(a as Day);
    const to = b === undefined ? from : DAYS.indexOf(b as Day);
    if (from < 0 || to < 0) {
      return undefined;
    }
    first ??= from;
    for (let i = from; ; i = (i + 1) % 7) {
      out.add(DAYS[i]!);
      if (i === to) break;
    }
  }
  // in week order from the first day given: sat-mon is sat,sun,mon
  const start = first ?? 0;
  return [...DAYS.slice(start), ...DAYS.slice(0, start)].filter((d) => out.has(d));
}

/** The times (ms) a reminder is due on the local day starting at `dayStart`, in order. */
export function slotsOn(reminder: Reminder, dayStart: number): number[] {
  if (reminder.kind === "once") {
    const at = Date.parse(reminder.at ?? "");
    return at >= dayStart && at < addDays(dayStart, 1) ? [at] : [];
  }
  const day = DAYS[new Date(dayStart).getDay()]!;
  if (!(reminder.days ?? DEFAULT_DAYS).includes(day)) return [];
  const [from, to] = (reminder.between ?? DEFAULT_BETWEEN).map(minutesOf) as [number, number];
  const every = reminder.every ?? 60;
  const out: number[] = [];
  for (let m = from; m <= to; m += every) {
    const d = new Date(dayStart);
    d.setHours(Math.floor(m / 60), m % 60, 0, 0);
    out.push(d.getTime());
  }
  return out;
}

/** The latest time the reminder was due at or before `now` (looking back a week), if any. */
export function lastSlot(reminder: Reminder, now: number): number | undefined {
  for (let back = 0; back <= 7; back++) {
    const day = addDays(now, -back);
    const due = slotsOn(reminder, day).filter((t) => t <= now);
    if (due.length > 0) return due.at(-1);
  }
  return undefined;
}

/** The next time the reminder is due after `now` (looking ahead a week), if any. */
export function nextSlot(reminder: Reminder, now: number): number | undefined {
  for (let ahead = 0; ahead <= 7; ahead++) {
    const next = slotsOn(reminder, addDays(now, ahead)).find((t) => t > now);
    if (next !== undefined) return next;
  }
  return undefined;
}

/** Whether `now` is inside the reminder's hours and days. */
export function inHours(reminder: Reminder, now: number): boolean {
  if (reminder.kind === "once") return true;
  const slots = slotsOn(reminder, startOfDay(now));
  if (slots.length === 0) return false;
  const [, to] = (reminder.between ?? DEFAULT_BETWEEN).map(minutesOf) as [number, number];
  const end = new Date(startOfDay(now));
  end.setHours(Math.floor(to / 60), to % 60, 0, 0);
  // the end minute is inside: 09:00-17:30 runs until 17:30:59
  return now >= slots[0]! && now < end.getTime() + 60_000;
}

/** Checks a reminder read from the settings file: every field, every limit. */
export function isReminder(value: unknown): value is Reminder {
  const r = value as Partial<Reminder> | null;
  if (typeof r !== "object" || r === null || Array.isArray(r)) return false;
  if (typeof r.id !== "string" || !/^r\d{1,4}$/.test(r.id)) return false;
  if (typeof r.routine !== "string" || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(r.routine)) return false;
  if (typeof r.createdAt !== "string" || Number.isNaN(Date.parse(r.createdAt))) return false;
  if (r.kind === "once") return typeof r.at === "string" && !Number.isNaN(Date.parse(r.at));
  if (r.kind !== "every") return false;
  return (
    Number.isInteger(r.every) &&
    r.every! >= REMINDER_LIMITS.minEvery &&
    r.every! <= REMINDER_LIMITS.maxEvery &&
    Array.isArray(r.between) &&
    r.between.length === 2 &&
    r.between.every((c) => typeof c === "string" && CLOCK.test(c)) &&
    minutesOf(r.between[0]) < minutesOf(r.between[1]) &&
    Array.isArray(r.days) &&
    r.days.length > 0 &&
    r.days.every((d) => DAYS.includes(d as Day))
  );
}
