import { checkinText } from "../text/checkin.js";
import { activeActivities, addActivity, PSFS, type PsfsStore, recordCheck } from "./psfs.js";

const CHECKIN_WORDS = checkinText.flow;
export const problemWords = checkinText.problem;

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
