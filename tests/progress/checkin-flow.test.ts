import { describe, expect, it } from "vitest";
import { type CheckAsker, checkinFlow } from "../../src/progress/checkin-flow.js";
import {
  addActivity,
  emptyPsfs,
  markOffered,
  retireActivity,
  weeklyCheckDue,
} from "../../src/progress/psfs.js";

/** Answers the questions in order, writing down what was asked and said. */
function scripted(names: string[], scores: (number | undefined)[]) {
  const asked: string[] = [];
  const said: string[] = [];
  const ask: CheckAsker = {
    name: async (q) => {
      asked.push(q);
      return names.shift() ?? "";
    },
    score: async (q) => {
      asked.push(q);
      return scores.shift();
    },
    say: (line) => void said.push(line),
  };
  return { ask, asked, said };
}

describe("the weekly check as a conversation (fake clock)", () => {
  let t = Date.parse("2026-11-23T09:00:00Z"); // a Monday
  const clock = () => t;

  it("names activities the first time, then rates each; later weeks only rate", async () => {
    const first = scripted(["reversing the car", "lifting the shopping", ""], [3, undefined]);
    const one = await checkinFlow(emptyPsfs(), first.ask, clock);
    expect(first.said[0]).toMatch(/name up to 3 everyday activities/);
    expect(first.asked).toEqual([
      "Activity 1 (Enter when done)",
      "Activity 2 (Enter when done)",
      "Activity 3 (Enter when done)",
      'How well can you do "reversing the car" today',
      'How well can you do "lifting the shopping" today',
    ]);
    expect(one.rated).toBe(1);
    expect(one.store.checks).toEqual([{ at: "2026-11-23T09:00:00.000Z", ratings: { a1: 3 } }]);
    expect(weeklyCheckDue(markOffered(one.store, t), t + 3_600_000)).toBe(false);

    t += 7 * 86_400_000;
    expect(weeklyCheckDue(one.store, t)).toBe(true);
    const retired = retireActivity(one.store, "a2", t);
    if ("problem" in retired) throw new Error(retired.problem);
    const second = scripted([], [5]);
    const two = await checkinFlow(retired.store, second.ask, clock);
    expect(second.asked).toEqual(['How well can you do "reversing the car" today']);
    expect(two.store.checks.at(-1)).toEqual({ at: "2026-11-30T09:00:00.000Z", ratings: { a1: 5 } });
  });

  it("Enter at the first name skips the whole check, saving nothing", async () => {
    const none = scripted([""], []);
    const result = await checkinFlow(emptyPsfs(), none.ask, clock);
    expect(result).toMatchObject({ rated: 0, store: { activities: [], checks: [] } });
    expect(none.said.at(-1)).toMatch(/knot checkin. asks again/);
  });

  it("leaving part way (Esc) keeps the ratings given so far and says so", async () => {
    const esc = new Error("Cancelled.");
    let store = emptyPsfs();
    for (const name of ["reversing the car", "lifting", "sleeping"]) {
      const added = addActivity(store, name, t);
      if ("problem" in added) throw new Error(added.problem);
      store = added.store;
    }
    const given = [4, 7];
    const said: string[] = [];
    const ask: CheckAsker = {
      name: async () => "",
      score: async () => {
        const next = given.shift();
        if (next === undefined) throw esc;
        return next;
      },
      say: (line) => void said.push(line),
    };
    const result = await checkinFlow(store, ask, clock);
    expect(result.left).toBe(esc);
    expect(result.rated).toBe(2);
    expect(result.store.checks.at(-1)!.ratings).toEqual({ a1: 4, a2: 7 });
    expect(said.at(-1)).toMatch(/saved what was given so far \(2 ratings\)/);
  });

  it("leaving while naming keeps the activities named", async () => {
    const names = ["reversing the car"];
    const ask: CheckAsker = {
      name: async () => {
        const next = names.shift();
        if (next === undefined) throw new Error("Cancelled.");
        return next;
      },
      score: async () => undefined,
      say: () => {},
    };
    const result = await checkinFlow(emptyPsfs(), ask, clock);
    expect(result.store.activities.map((a) => a.name)).toEqual(["reversing the car"]);
    expect(result.left).toBeDefined();
  });
});
