import type { RecordSummary } from "../history/record-types.js";

/**
 * What seems to help this person, right after a session: the pain rating after it against the
 * one just before, averaged per routine and per body area. Short-term relief only, never a
 * claim about what a routine does over weeks; shown only when it rests on enough sessions.
 */
export const HELPS_RULES = { minSessions: 5 } as const;

export interface Relief {
  /** A routine id, or a body area. */
  key: string;
  /** The routine's name (routines only). */
  name?: string;
  /** Sessions rated both before and after. */
  sessions: number;
  /** Average of after minus before, to one decimal: below 0 means less pain right after. */
  change: number;
}

export interface WhatHelps {
  routines: Relief[];
  areas: Relief[];
  /** Rated sessions that fell short of the minimum, per routine and per area (not shown as relief). */
  tooFew: { routines: number; areas: number };
}

function tally(rows: { key: string; name?: string; change: number }[]): {
  shown: Relief[];
  short: number;
} {
  const groups = new Map<string, { name?: string; changes: number[] }>();
  for (const row of rows) {
    const group = groups.get(row.key) ?? { name: row.name, changes: [] };
    group.changes.push(row.change);
    group.name = row.name ?? group.name;
    groups.set(row.key, group);
  }
  const all = [...groups].map(([key, { name, changes }]) => ({
    key,
    ...(name === undefined ? {} : { name }),
    sessions: changes.length,
    change: Math.round((changes.reduce((a, b) => a + b, 0) / changes.length) * 10) / 10,
  }));
  const shown = all
    .filter((r) => r.sessions >= HELPS_RULES.minSessions)
    .sort((a, b) => a.change - b.change || b.sessions - a.sessions);
  return { shown, short: all.length - shown.length };
}

export function whatHelps(records: readonly RecordSummary[]): WhatHelps {
  const rated = records.flatMap((r) =>
    r.ratings.before !== undefined && r.ratings.after !== undefined
      ? [{ r, change: r.ratings.after - r.ratings.before }]
      : [],
  );
  const routines = tally(rated.map(({ r, change }) => ({ key: r.routine, name: r.name, change })));
  const areas = tally(rated.flatMap(({ r, change }) => r.areas.map((key) => ({ key, change }))));
  return {
    routines: routines.shown,
    areas: areas.shown,
    tooFew: { routines: routines.short, areas: areas.short },
  };
}
