import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logFiring, readLog } from "../../src/remind/log.js";
import { remindFiles } from "../../src/remind/profile.js";
import { readRemindState } from "../../src/remind/state.js";
import { readReminderSettings } from "../../src/remind/store.js";
import { reasonsSaid, remindText, said, say } from "../../src/text/remind.js";
import { reasonText, trendText } from "../../src/text/trend.js";
import { bundleForChild, tempDir } from "../helpers.js";

/** A state file as knot writes it: r1 kept as messages, r2 as an older knot kept it (words). */
function seedState(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    remindFiles(dataDir).state,
    JSON.stringify({
      v: 2,
      lastId: 3,
      reminders: {
        r1: {
          failure: {
            at: 1,
            reason: say("notifySendFailed", say("exitStatus", 3)),
            fix: say("byHandFix"),
          },
          waiting: { since: 2, why: say("screenLocked") },
        },
        r2: { failure: { at: 1, reason: "words an older knot kept", fix: "and its fix" } },
        // neither words nor a message: not kept
        r3: { failure: { at: 1, reason: { say: 5 }, fix: "x" }, waiting: { since: 2, why: [] } },
      },
    }),
  );
}

describe("what a reminder keeps of what happened", () => {
  it("keeps messages' ids and values, worded when shown; older words are shown as they are", () => {
    const data = tempDir();
    seedState(data);
    const { reminders } = readRemindState(data);
    expect(reminders.r1?.failure).toEqual({
      at: 1,
      reason: { say: "notifySendFailed", with: [{ say: "exitStatus", with: [3] }] },
      fix: { say: "byHandFix" },
    });
    expect(said(reminders.r1!.failure!.reason)).toBe(
      remindText.notifySendFailed(remindText.exitStatus(3)),
    );
    expect(said(reminders.r1!.waiting!.why)).toBe(remindText.screenLocked);
    expect(said(reminders.r2!.failure!.reason)).toBe("words an older knot kept");
    expect(said(reminders.r2!.failure!.fix)).toBe("and its fix");
    expect(reminders.r3?.failure).toBeUndefined();
    expect(reminders.r3?.waiting).toBeUndefined();
    // a message of a nested table, and one this knot does not know (a newer knot's)
    expect(said({ say: "quietWhy.snoozed" })).toBe(remindText.quietWhy.snoozed);
    expect(said({ say: "no-such-message" })).toBe("no-such-message");
  });

  it("the log keeps why as a message too, and reads older lines that hold words", () => {
    const data = tempDir();
    logFiring(data, {
      at: "2026-11-30T10:00:00.000Z",
      id: "r1",
      outcome: "quiet",
      why: say("entryRemoved"),
    });
    logFiring(data, {
      at: "2026-11-30T10:05:00.000Z",
      id: "r1",
      outcome: "quiet",
      why: "not due yet",
    });
    const [kept, older] = readLog(data);
    expect(said(kept!.why!)).toBe(remindText.entryRemoved);
    expect(said(older!.why!)).toBe("not due yet");
  });

  it("shows what was kept in the language knot speaks when it is shown", () => {
    const data = tempDir();
    seedState(data);
    const dir = tempDir();
    const state = bundleForChild("remind/state.ts", dir);
    const text = bundleForChild("text/remind.ts", dir);
    const shown = (lang: string | undefined) => {
      const env = { ...process.env };
      delete env.KNOT_LANG;
      if (lang) env.KNOT_LANG = lang;
      const out = execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { readRemindState } = await import(${JSON.stringify(state)});
           const { said } = await import(${JSON.stringify(text)});
           const { reminders } = readRemindState(${JSON.stringify(data)});
           console.log(JSON.stringify([said(reminders.r1.failure.reason), said(reminders.r2.failure.reason)]));`,
        ],
        { env, encoding: "utf8" },
      );
      return JSON.parse(out) as [string, string];
    };
    const english = shown(undefined);
    const pseudo = shown("pseudo");
    expect(english[0]).toMatch(/^[^\u27e6]*$/);
    expect(pseudo[0]).toMatch(/^\u27e6.*\u27e7$/);
    expect(pseudo[0].replace(/\u27e6|(?: ?\u00b7+)*\u27e7/g, "")).toBe(english[0]);
    // words an older knot kept are shown as they are, in any language
    expect(english[1]).toBe("words an older knot kept");
    expect(pseudo[1]).toBe("words an older knot kept");
  });
});

describe("what a reminder keeps of the settings and of the advice", () => {
  it("a settings problem is a message's id and values, worded when shown", () => {
    const config = tempDir();
    writeFileSync(join(config, "config.json"), JSON.stringify({ leadIn: "soon" }));
    const { problem } = readReminderSettings(config);
    const path = join(config, "config.json");
    expect(problem).toEqual(say("settingsBadValues", "leadIn", path, 1));
    expect(said(problem!)).toBe(remindText.settingsBadValues("leadIn", path, 1));
    // logged as it is kept, and read back the same
    const data = tempDir();
    logFiring(data, { at: "2026-11-30T10:00:00.000Z", id: "r1", outcome: "problem", why: problem });
    expect(said(readLog(data)[0]!.why!)).toBe(said(problem!));
  });

  it("the reasons for the advice are logged as their rules' messages and figures", () => {
    const reasons = [
      { rule: "very-high" as const, rating: 9 },
      "words an older knot kept",
      { rule: "not-releasing" as const, areas: ["neck" as const, "mid-back" as const] },
    ];
    const why = reasonsSaid(reasons);
    expect(JSON.stringify(why)).not.toContain("out of 10");
    const data = tempDir();
    logFiring(data, { at: "2026-11-30T10:00:00.000Z", id: "r1", outcome: "advised", why });
    expect(said(readLog(data)[0]!.why!)).toBe(
      remindText.reasonList(
        trendText.veryHigh(9),
        "words an older knot kept",
        trendText.notReleasing("neck, mid-back"),
      ),
    );
    // seven reasons (every rule, both kinds of not releasing) are read back as they were kept
    const all = reasonsSaid([
      { rule: "rising", days: 4, from: 3, to: 6 },
      { rule: "worse-after", days: 2 },
      { rule: "stays-high", rating: 7 },
      { rule: "very-high", rating: 9 },
      { rule: "stopped", stops: 2 },
      { rule: "not-releasing", areas: ["neck"] },
      { rule: "not-releasing", areas: ["mid-back"], unrated: true },
    ]);
    logFiring(data, { at: "2026-11-30T10:01:00.000Z", id: "r1", outcome: "advised", why: all });
    expect(readLog(data)[1]!.why).toEqual(all);
    // a why knot cannot word is left out; the firing stays in the log
    appendFileSync(
      remindFiles(data).log,
      `${JSON.stringify({ at: "2026-11-30T10:02:00.000Z", id: "r1", outcome: "quiet", why: { say: 5 } })}\n`,
    );
    expect(readLog(data)[2]).toEqual({
      at: "2026-11-30T10:02:00.000Z",
      id: "r1",
      outcome: "quiet",
    });
    // in English, as the advice has always been said: the reasons one after the other
    if (!process.env.KNOT_LANG) {
      expect(said(why)).toBe(reasons.map(reasonText).join("; "));
    }
  });
});
