import { describe, expect, it } from "vitest";
import { mergeReminders } from "../../src/remind/reminders-file.js";

const reminder = (id: string, every: number) => ({
  id,
  kind: "every",
  routine: "desk-break",
  every,
  between: ["09:00", "17:30"],
  days: ["mon", "tue", "wed", "thu", "fri"],
  createdAt: "2026-11-01T08:00:00.000Z",
});

describe("two lists of reminders as one (the move from an older settings file)", () => {
  it("keeps one whose id is taken by another under the next free id, and says which", () => {
    const kept = [reminder("r1", 60), reminder("r3", 90)];
    const { merged, renamed } = mergeReminders(kept, [reminder("r1", 30), reminder("r2", 45)]);
    expect(merged).toEqual([...kept, reminder("r4", 30), reminder("r2", 45)]);
    expect(renamed).toEqual([{ from: "r1", to: "r4" }]);
  });

  it("adds nothing twice: the same reminder, or one already kept under its new id", () => {
    const kept = [reminder("r1", 60)];
    expect(mergeReminders(kept, [reminder("r1", 60)])).toEqual({ merged: kept, renamed: [] });
    const once = mergeReminders(kept, [reminder("r1", 30)]).merged;
    // a move stopped after writing the list is made again: the renamed one is found
    expect(mergeReminders(once, [reminder("r1", 30)])).toEqual({ merged: once, renamed: [] });
  });
});
