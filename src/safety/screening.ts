import { AHEAD_OF_TIME_HOURS, SCREENING_VALID_DAYS } from "../health.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { Area } from "../routine/vocabulary.js";

/**
 * The questions asked before a session starts, and when each is asked again:
 * - the red flags: about now, so before every massage, heat or cold session; before a stretch,
 *   at first use and again after SCREENING_VALID_DAYS;
 * - the neck's red flags: about now, before every session that works the neck;
 * - who should ask a clinician first before cold, heat or self-massage: lasting conditions,
 *   asked again after SCREENING_VALID_DAYS.
 * Only the person answers them: at a terminal, or ahead of time with `knot safety --screen`.
 * `--yes` never does. Without a terminal, a "none of these" about now holds for
 * AHEAD_OF_TIME_HOURS, however it was given (ahead of time, or at an earlier session); at a
 * terminal the lists about now are shown at every session.
 */
export const SCREENS = ["red-flags", "neck", "cold", "heat", "massage"] as const;
export type ScreenId = (typeof SCREENS)[number];

/** What an answer means for the session. */
export type ScreenAnswer = "none" | "applies" | "emergency" | "soon";
const ANSWERS = ["none", "applies", "emergency", "soon", "override", "reset"] as const;

/** Where a list was answered: before a session, ahead of time, or by an earlier knot. */
export type AnsweredVia = "session" | "ahead" | "settings";
const VIAS = ["session", "ahead", "settings"] as const;

/**
 * One dated entry of the screening record: an answer to lists shown together, an override with
 * --force after a list applied, or a reset of every answer (`knot safety --reset`).
 */
export interface ScreeningEvent {
  at: number;
  lists: ScreenId[];
  answer: (typeof ANSWERS)[number];
  via?: AnsweredVia;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const THERAPY_KINDS: readonly string[] = ["massage", "heat", "cold"];

/** Whether a session works the neck: one of its steps, or the routine's own areas. */
export const worksNeck = (timeline: readonly TimelineEntry[], areas: readonly Area[] = []) =>
  areas.includes("neck") || timeline.some((s) => s.area === "neck");

/** The lists a session needs: red flags always, the neck's before neck work, each therapy's own. */
export function screensFor(
  timeline: readonly TimelineEntry[],
  areas: readonly Area[] = [],
): ScreenId[] {
  return SCREENS.filter((id) =>
    id === "red-flags"
      ? true
      : id === "neck"
        ? worksNeck(timeline, areas)
        : timeline.some((s) => s.kind === id),
  );
}

/** Lists about now are asked at every session; the others hold for SCREENING_VALID_DAYS. */
export const isAboutNow = (id: ScreenId, timeline: readonly TimelineEntry[]) =>
  id === "neck" || (id === "red-flags" && timeline.some((s) => THERAPY_KINDS.includes(s.kind)));

/** The latest answer to a list (not an override), unless a reset came after it. */
export function latestAnswer(
  events: readonly ScreeningEvent[],
  id: ScreenId,
  now: number,
): ScreeningEvent | undefined {
  let latest: ScreeningEvent | undefined;
  for (const event of events) {
    if (event.at > now || !event.lists.includes(id) || event.answer === "override") continue;
    if (!latest || event.at >= latest.at) latest = event;
  }
  return latest?.answer === "reset" ? undefined : latest;
}

/** Whether a "none of these" still answers a list for a session starting now. */
function stillHolds(
  answer: ScreeningEvent | undefined,
  aboutNow: boolean,
  atTerminal: boolean,
  now: number,
): boolean {
  if (answer?.answer !== "none") return false;
  if (!aboutNow) return now - answer.at < SCREENING_VALID_DAYS * DAY;
  // About now: asked at every session at a terminal. Without one, a "none" given lately counts
  // whichever way it was given: ahead of time, or at a session at a terminal.
  return !atTerminal && now - answer.at < AHEAD_OF_TIME_HOURS * HOUR;
}

/** The lists a session must ask before it starts, in the order they are shown. */
export function screensDue(input: {
  timeline: readonly TimelineEntry[];
  areas?: readonly Area[];
  events: readonly ScreeningEvent[];
  now: number;
  /** Whether the person is at a terminal to be asked. */
  atTerminal: boolean;
}): ScreenId[] {
  const { timeline, events, now, atTerminal } = input;
  return screensFor(timeline, input.areas).filter(
    (id) => !stillHolds(latestAnswer(events, id, now), isAboutNow(id, timeline), atTerminal, now),
  );
}

/** When a "none of these" to each list stops counting for a session of each kind, for `safety`. */
export function answeredNone(
  events: readonly ScreeningEvent[],
  now: number,
): Record<ScreenId, string | null> {
  return Object.fromEntries(
    SCREENS.map((id) => {
      const answer = latestAnswer(events, id, now);
      const fresh = answer?.answer === "none" && now - answer.at < SCREENING_VALID_DAYS * DAY;
      return [id, fresh ? new Date(answer.at).toISOString() : null];
    }),
  ) as Record<ScreenId, string | null>;
}

/** The lists shown on one screen and answered with one key: the red flags with the neck's. */
export function screenGroups(ids: readonly ScreenId[]): ScreenId[][] {
  const flag = (id: ScreenId) => id === "red-flags" || id === "neck";
  const flags = ids.filter(flag);
  const rest = ids.filter((id) => !flag(id)).map((id) => [id]);
  return flags.length > 0 ? [flags, ...rest] : rest;
}

/**
 * The answers an earlier knot kept in the settings (one date per list, "none applies"), read
 * as answers given ahead of time: how they were given was not kept.
 */
export function settingsAnswers(settings: { internal(key: string): unknown }): ScreeningEvent[] {
  const stored = settings.internal("screening");
  if (typeof stored !== "object" || stored === null) return [];
  return Object.entries(stored).flatMap(([id, when]) => {
    const at = typeof when === "string" ? Date.parse(when) : Number.NaN;
    if (!(SCREENS as readonly string[]).includes(id) || Number.isNaN(at)) return [];
    return [{ at, lists: [id as ScreenId], answer: "none" as const, via: "settings" as const }];
  });
}

/** One record as a line of the screening file. */
export const eventLine = (event: ScreeningEvent): string =>
  JSON.stringify({ ...event, at: new Date(event.at).toISOString() });

/** A line of the screening file, or undefined for one that is not a record (skipped). */
export function parseEventLine(line: string): ScreeningEvent | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const at = typeof value.at === "string" ? Date.parse(value.at) : Number.NaN;
  const { lists, answer, via } = value;
  if (
    Number.isNaN(at) ||
    !Array.isArray(lists) ||
    !lists.every((id) => (SCREENS as readonly unknown[]).includes(id)) ||
    !(ANSWERS as readonly unknown[]).includes(answer) ||
    (via !== undefined && !(VIAS as readonly unknown[]).includes(via))
  ) {
    return undefined;
  }
  return {
    at,
    lists: lists as ScreenId[],
    answer: answer as ScreeningEvent["answer"],
    ...(via ? { via: via as AnsweredVia } : {}),
  };
}
