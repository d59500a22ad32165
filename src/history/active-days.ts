import { continuesRun, type DayRun, dayNumber } from "./analysis.js";
import { monthOfTime } from "./store.js";

// A month's year and month are sliced out of "2026-01", not split and mapped: a streak walked
// back over decades does it for every month, in code V8 has not optimised yet, where
// split(...).map(Number) costs several times more.

/** The month before "2026-01": "2025-12". */
const monthBefore = (month: string): string => {
  const y = Number(month.slice(0, 4));
  const mo = Number(month.slice(5, 7));
  return mo === 1
    ? `${String(y - 1).padStart(4, "0")}-12`
    : `${month.slice(0, 5)}${String(mo - 1).padStart(2, "0")}`;
};

/** What activeDays reads: the store's months and their days, and its streak cache. */
export interface DaysSource {
  months(): string[];
  activeDayNumbers(month: string): number[];
  keptRun?(top: string, months: readonly string[]): DayRun | undefined;
  keepRun?(top: string, from: string, months: readonly string[], run: DayRun): void;
}

/**
 * The local days on which a session did something, newest first, each once: from the months'
 * days indexes, a month at a time, only as far back as the caller keeps asking (a streak).
 * With `now`, the months before the current one are counted once and kept (the streak cache,
 * MonthIndexes.keptRun): while they stay as they were, their run of days comes whole, as one
 * DayRun, instead of day by day from every month of years.
 */
export function activeDays(
  store: DaysSource,
  /** The earliest day still wanted (see streakOverDays): older months are not opened. */
  reach: { floor: number } = { floor: Number.NEGATIVE_INFINITY },
  now?: number,
): Iterable<number | DayRun> {
  // A plain iterator rather than a generator: a streak of decades asks for tens of thousands
  // of days, and resuming a generator for each costs several times more.
  return {
    [Symbol.iterator]: (): Iterator<number | DayRun> => {
      const months = store.months();
      // The months the cache stands for: up to the newest before the current month.
      let top: string | undefined;
      if (now !== undefined && store.keptRun && store.keepRun) {
        const current = monthOfTime(now);
        top = months.findLast((month) => month < current);
      }
      let m = months.length;
      let month = "";
      let days: number[] = [];
      let i = -1;
      let last: number | undefined;
      // The run from top back, as its days are read (when none was kept): kept once it ends.
      let run: (DayRun & { month: string }) | undefined;
      let counting = false;
      const keep = () => {
        if (!counting || !run) return;
        counting = false;
        const { newest, count, earliest } = run;
        store.keepRun?.(top as string, monthBefore(run.month), months, { newest, count, earliest });
      };
      const done: IteratorResult<number> = { value: undefined, done: true };
      return {
        next: () => {
          for (;;) {
            while (i >= 0) {
              const day = days[i--] as number;
              if (counting) {
                if (!run) run = { newest: day, count: 1, earliest: day, month };
                else if (day === run.earliest) run.month = month;
                else if (continuesRun(run.earliest, day)) {
                  run.count += 1;
                  run.earliest = day;
                  run.month = month;
                } else keep();
              }
              // a local day can straddle two months' files (they are split in UTC)
              if (day === last) continue;
              last = day;
              return { value: day, done: false };
            }
            if (--m < 0) {
              keep(); // the first month: the run ends with the history
              return done;
            }
            month = months[m] as string;
            const end = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) - 1;
            if (dayNumber(end) < reach.floor) {
              // nothing older is within a rest day of the run's earliest day: it ends there
              keep();
              m = -1;
              return done;
            }
            if (month === top) {
              const kept = store.keptRun?.(top, months);
              if (kept) {
                m = -1;
                // its newest day may be the one just given (a local day in two months' files)
                if (kept.newest !== last) return { value: kept, done: false };
                if (kept.count === 1) return done;
                const rest = { ...kept, newest: kept.newest - 1, count: kept.count - 1 };
                return { value: rest, done: false };
              }
              counting = true;
            }
            days = store.activeDayNumbers(month);
            i = days.length - 1;
          }
        },
      };
    },
  };
}
