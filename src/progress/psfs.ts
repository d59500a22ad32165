import { cleanText } from "../builder/clean-text.js";
import { startOfDay } from "../history/analysis.js";

/**
 * The Patient-Specific Functional Scale (Stratford et al. 1995): up to three activities the
 * person names, each rated 0 (unable) to 10 (as before the problem), about once a week. Pure:
 * every change returns a new store, and the clock is handed in.
 */
export const PSFS = {
  maxActivities: 3,
  maxNameLength: 80,
  min: 0,
  max: 10,
  scale: "0 unable to do it, 10 able to do it as before the problem",
} as const;

export interface Activity {
  /** Stable: a rename keeps it, so the ratings stay with the activity. */
  id: string;
  name: string;
  added: string;
  /** Earlier names, oldest first, with when each was replaced. */
  renamed?: { name: string; until: string }[];
  /** When it was retired: kept, with its ratings, and no longer asked. */
  retired?: string;
}

export interface PsfsCheck {
  at: string;
  /** Rating by activity id. */
  ratings: Record<string, number>;
}

export interface PsfsStore {
  v: 1;
  activities: Activity[];
  checks: PsfsCheck[];
  /** When the weekly check was last offered after a session (taken or skipped). */
  offered?: string;
}

export const emptyPsfs = (): PsfsStore => ({ v: 1, activities: [], checks: [] });

export const activeActivities = (store: PsfsStore): Activity[] =>
  store.activities.filter((a) => !a.retired);

export type PsfsProblem =
  | { problem: "full"; max: number }
  | { problem: "empty-name" }
  | { problem: "long-name"; max: number }
  | { problem: "unknown"; id: string }
  | { problem: "retired"; id: string }
  | { problem: "rating"; id: string; value: string };

export type PsfsResult = { store: PsfsStore } | PsfsProblem;

/**
 * A name as kept, cleaned as routine names are: escape sequences and control characters
 * removed, spaces collapsed, ends trimmed; empty or too long is refused rather than cut.
 */
function cleanName(raw: string): { name: string } | PsfsProblem {
  const cleaned = cleanText(raw, PSFS.maxNameLength);
  if (cleaned.ok) return { name: cleaned.text };
  return cleaned.reason === "empty"
    ? { problem: "empty-name" }
    : { problem: "long-name", max: PSFS.maxNameLength };
}

export function addActivity(store: PsfsStore, rawName: string, now: number): PsfsResult {
  if (activeActivities(store).length >= PSFS.maxActivities)
    return { problem: "full", max: PSFS.maxActivities };
  const cleaned = cleanName(rawName);
  if ("problem" in cleaned) return cleaned;
  const { name } = cleaned;
  const next = Math.max(0, ...store.activities.map((a) => Number(a.id.slice(1)) || 0)) + 1;
  const activity: Activity = { id: `a${next}`, name, added: new Date(now).toISOString() };
  return { store: { ...store, activities: [...store.activities, activity] } };
}

function findActive(store: PsfsStore, id: string): Activity | PsfsProblem {
  const activity = store.activities.find((a) => a.id === id);
  if (!activity) return { problem: "unknown", id };
  if (activity.retired) return { problem: "retired", id };
  return activity;
}

export function renameActivity(
  store: PsfsStore,
  id: string,
  rawName: string,
  now: number,
): PsfsResult {
  const found = findActive(store, id);
  if ("problem" in found) return found;
  const cleaned = cleanName(rawName);
  if ("problem" in cleaned) return cleaned;
  const { name } = cleaned;
  const renamed = [
    ...(found.renamed ?? []),
    { name: found.name, until: new Date(now).toISOString() },
  ];
  return {
    store: {
      ...store,
      activities: store.activities.map((a) => (a.id === id ? { ...a, name, renamed } : a)),
    },
  };
}

export function retireActivity(store: PsfsStore, id: string, now: number): PsfsResult {
  const found = findActive(store, id);
  if ("problem" in found) return found;
  const retired = new Date(now).toISOString();
  return {
    store: {
      ...store,
      activities: store.activities.map((a) => (a.id === id ? { ...a, retired } : a)),
    },
  };
}

/**
 * Records ratings: a whole number 0-10 for some of the active activities (skipped ones left
 * out). A check is one a day: ratings given again the same day go into that day's check,
 * replacing those activities' earlier ratings and keeping the others.
 */
export function recordCheck(
  store: PsfsStore,
  ratings: Record<string, number>,
  now: number,
): PsfsResult {
  for (const [id, value] of Object.entries(ratings)) {
    const found = findActive(store, id);
    if ("problem" in found) return found;
    if (!Number.isInteger(value) || value < PSFS.min || value > PSFS.max)
      return { problem: "rating", id, value: String(value) };
  }
  if (Object.keys(ratings).length === 0) return { store };
  const today = startOfDay(now);
  const sameDay = store.checks.filter((c) => startOfDay(Date.parse(c.at)) === today);
  const others = store.checks.filter((c) => !sameDay.includes(c));
  const kept = Object.assign({}, ...sameDay.map((c) => c.ratings)) as Record<string, number>;
  const check = { at: new Date(now).toISOString(), ratings: { ...kept, ...ratings } };
  return { store: { ...store, checks: [...others, check] } };
}

/** Each activity's latest rating among `checks` (in their order). */
export const latestRatings = (checks: readonly PsfsCheck[]): Record<string, number> =>
  Object.assign({}, ...checks.map((c) => c.ratings));

const DAY = 24 * 60 * 60 * 1000;

/** The Monday (local midnight) of the week holding `ms`. */
export function weekStart(ms: number): number {
  const day = startOfDay(ms);
  const weekday = (new Date(day).getDay() + 6) % 7; // Monday 0
  const d = new Date(day);
  d.setDate(d.getDate() - weekday);
  return d.getTime();
}

/**
 * Whether to offer the weekly check after a session: not yet offered or done this week (so
 * only after the week's first session), and never more than once a week.
 */
export function weeklyCheckDue(store: PsfsStore, now: number): boolean {
  const week = weekStart(now);
  const last = Math.max(
    store.offered ? Date.parse(store.offered) : Number.NEGATIVE_INFINITY,
    ...store.checks.map((c) => Date.parse(c.at)),
  );
  return !(last >= week && last <= now + DAY);
}

export const markOffered = (store: PsfsStore, now: number): PsfsStore => ({
  ...store,
  offered: new Date(now).toISOString(),
});

/**
 * One average a week, over each activity's latest rating in that week (an activity rated
 * again later in the week counts once, with its newer rating), timed at the week's last
 * check: what the change over weeks compares.
 */
export function checkAverages(store: PsfsStore): { at: number; average: number }[] {
  const byWeek = new Map<number, { at: number; checks: PsfsCheck[] }>();
  const dated = store.checks
    .map((check) => ({ check, at: Date.parse(check.at) }))
    .filter((c) => !Number.isNaN(c.at))
    .sort((a, b) => a.at - b.at);
  for (const { check, at } of dated) {
    const week = weekStart(at);
    const seen = byWeek.get(week) ?? { at, checks: [] };
    seen.at = at;
    seen.checks.push(check);
    byWeek.set(week, seen);
  }
  return [...byWeek.values()].flatMap(({ at, checks }) => {
    const values = Object.values(latestRatings(checks));
    if (values.length === 0) return [];
    return [{ at, average: values.reduce((a, b) => a + b, 0) / values.length }];
  });
}
