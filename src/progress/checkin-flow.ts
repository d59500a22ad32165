import {
  activeActivities,
  addActivity,
  PSFS,
  type PsfsProblem,
  type PsfsStore,
  recordCheck,
} from "./psfs.js";

/**
 * The weekly activity check as a conversation, apart from any terminal: the first time the
 * person names up to three activities, then rates each. Questions come through `ask`, so a
 * test answers them with a fake clock and no terminal.
 */
export interface CheckAsker {
  /** A name, or "" to stop naming. */
  name(question: string): Promise<string>;
  /** 0-10, or undefined to skip this one. */
  score(question: string): Promise<number | undefined>;
  say(line: string): void;
}

export const CHECKIN_WORDS = {
  intro: `The weekly activity check: name up to ${PSFS.maxActivities} everyday activities your back or neck makes hard (such as "turning my head to reverse the car"), then rate each every week. Enter alone skips, Esc leaves the check.`,
  again:
    "The weekly activity check: how well can you do each today? Enter skips one, Esc leaves the check.",
  name: (n: number) => `Activity ${n} (Enter when done)`,
  rate: (name: string) => `How well can you do "${name}" today`,
  none: "No activities named: nothing to rate. `knot checkin` asks again any time.",
  saved: (rated: number) =>
    rated === 0 ? "Nothing rated this time." : `Saved: ${rated} rating${rated === 1 ? "" : "s"}.`,
  left: (rated: number, named: number) => {
    const kept = [
      named > 0 ? `${named} new activit${named === 1 ? "y" : "ies"}` : "",
      rated > 0 ? `${rated} rating${rated === 1 ? "" : "s"}` : "",
    ].filter(Boolean);
    return kept.length === 0
      ? "Left the check: nothing saved."
      : `Left the check: saved what was given so far (${kept.join(" and ")}).`;
  },
} as const;

export function problemWords(p: PsfsProblem): string {
  switch (p.problem) {
    case "full":
      return `There are already ${p.max} activities: retire one first (knot checkin --retire ID).`;
    case "empty-name":
      return "An activity needs a name.";
    case "long-name":
      return `A name of at most ${p.max} characters, please.`;
    case "unknown":
      return `No activity with the id ${p.id} (knot checkin --list shows them).`;
    case "retired":
      return `The activity ${p.id} is retired: its ratings are kept, and it is not rated any more.`;
    case "rating":
      return `A rating for ${p.id} is a whole number from ${PSFS.min} to ${PSFS.max}, not ${p.value}.`;
  }
}

/**
 * The check from start to end. Leaving it part way (Esc, Ctrl-C: `ask` throws) keeps what was
 * given so far: the activities named and the ratings made are in the store returned, with
 * `left` holding why it ended early, for the caller to save and then end as it would.
 */
export async function checkinFlow(
  store: PsfsStore,
  ask: CheckAsker,
  now: () => number,
): Promise<{ store: PsfsStore; rated: number; left?: unknown }> {
  const named = activeActivities(store).length;
  const ratings: Record<string, number> = {};
  const record = (): PsfsStore => {
    const recorded = recordCheck(store, ratings, now());
    if ("problem" in recorded) throw new Error(problemWords(recorded)); // the scores are 0-10 already
    return recorded.store;
  };
  try {
    if (activeActivities(store).length === 0) {
      ask.say(CHECKIN_WORDS.intro);
      while (activeActivities(store).length < PSFS.maxActivities) {
        const name = await ask.name(CHECKIN_WORDS.name(activeActivities(store).length + 1));
        if (name.trim() === "") break;
        const added = addActivity(store, name, now());
        if ("problem" in added) ask.say(problemWords(added));
        else store = added.store;
      }
      if (activeActivities(store).length === 0) {
        ask.say(CHECKIN_WORDS.none);
        return { store, rated: 0 };
      }
    } else ask.say(CHECKIN_WORDS.again);
    for (const activity of activeActivities(store)) {
      const score = await ask.score(CHECKIN_WORDS.rate(activity.name));
      if (score !== undefined) ratings[activity.id] = score;
    }
  } catch (left) {
    const rated = Object.keys(ratings).length;
    ask.say(CHECKIN_WORDS.left(rated, Math.max(0, activeActivities(store).length - named)));
    return { store: record(), rated, left };
  }
  ask.say(CHECKIN_WORDS.saved(Object.keys(ratings).length));
  return { store: record(), rated: Object.keys(ratings).length };
}
