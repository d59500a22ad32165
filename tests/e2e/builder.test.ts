import {
  chmodSync,
  existsSync,
  lstatSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listText } from "../../src/text/library.js";
import { myRoutinesText } from "../../src/text/my-routines.js";
import { promptText } from "../../src/text/prompt.js";
import { stepsText } from "../../src/text/steps.js";
import { stated } from "../guidance.js";
import { tempDir } from "../helpers.js";
import { knotInPty, type PtyRun } from "./pty.js";
import { isolatedEnv, knot } from "./run-knot.js";

const ENTER = "\r";
const ESC = "\u001b";
const DOWN = "\u001b[B";
const down = (n: number) => DOWN.repeat(n);

/** `text` in a pattern, as it is: no character of it special. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `text` as a terminal shows it: wherever it has spaces, a question's wrapping may break the line. */
const wrapped = (text: string) => text.trim().split(/\s+/).map(literal).join("\\s+");
/** knot list's row of a routine: its id, then its name and what follows it in its column. */
const listRow = (id: string, name: string) =>
  new RegExp(`^${literal(listText.cell(id))}\\s+${name}`, "m");

/** Answers a terminal's questions in order: waits for each text after the last, then presses keys. */
function conversation(run: PtyRun) {
  let mark = 0;
  return async (waitFor: string | RegExp, keys?: string) => {
    await run.waitFor(waitFor, { from: mark, timeout: 15_000 });
    // the next question is looked for after this text, even when both came in one write
    const seen = run.output().slice(mark);
    const found =
      typeof waitFor === "string"
        ? { index: seen.indexOf(waitFor), length: waitFor.length }
        : (() => {
            const m = waitFor.exec(seen)!;
            return { index: m.index, length: m[0].length };
          })();
    mark += found.index + found.length;
    if (keys !== undefined) run.press(keys);
  };
}

const envWithHome = () => {
  const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
  const routines = join(env.XDG_CONFIG_HOME!, "knot", "routines");
  return { env, routines };
};

// The menu's order (src/builder/new.ts): a pose, a rest, cold, heat, a routine, then, once
// there are steps: take back, preview, save; last, leave.
const MENU = { pose: 0, rest: 1, cold: 2, heat: 3, include: 4, save: 7 };

describe("knot new at a terminal", () => {
  it("builds a routine with keys (two stretches, a rest, a built-in) that validates, lists, shows and runs", async () => {
    const { env, routines } = envWithHome();
    const run = knotInPty(["new", "Physio exercises"], { env, cols: 100, rows: 40 });
    const say = conversation(run);
    // a held stretch: knee to chest, the first pose, at its defaults
    await say("Step 1: add", ENTER);
    // the pose's figure and words under the list, for the pose the cursor is on
    await say(/Which pose\?[\s\S]*[\u2800-\u28ff][\s\S]*Knee to chest: on your back/, ENTER);
    await say("Hold for how long?", `20${ENTER}`);
    await say("How many times?", ENTER);
    await say("On each side", ENTER);
    await say("Your own instruction?", ENTER);
    await say("Added step 1: Knee to chest, 2 × 20s each side.");
    // a movement with the person's own words: cat, the fourth pose
    await say("Step 2: add", ENTER);
    await say("Which pose?", `${down(3)}${ENTER}`);
    await say("Each breath in, and each out: how long?", `5${ENTER}`); // paced by the breath
    await say("How many times?", `6${ENTER}`);
    await say("On each side", ENTER);
    await say("Your own instruction?", `Slowly, with my breath, as the physio showed me${ENTER}`);
    await say("Added step 2:");
    await say("Step 3: add", `${down(MENU.rest)}${ENTER}`);
    await say("Rest for how long?", `15${ENTER}`);
    await say("Added step 3:");
    await say("Step 4: add", `${down(MENU.include)}${ENTER}`);
    await say("Which routine?", `${down(1)}${ENTER}`); // desk-break, after cold-cycle
    await say("Added step 4:");
    await say("Step 5: add", `${down(MENU.save)}${ENTER}`);
    // the preview, as knot show, headed as a draft (not by the file it is shown from)
    await say(/Physio exercises \(physio-exercises, [\w-]+, draft, not saved yet\)/);
    await say("Desk break (routine desk-break):");
    await say("Save it as", ENTER);
    await say("Saved physio-exercises.");
    expect((await run.exited).exitCode).toBe(0);

    const file = join(routines, "physio-exercises.json");
    expect(knot(["validate", file], { env }).status).toBe(0);
    expect(knot(["list"], { env }).stdout).toMatch(
      listRow("physio-exercises", literal(listText.cell("Physio exercises") + listText.custom)),
    );
    const shown = knot(["show", "physio-exercises"], { env });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain("Slowly, with my breath, as the physio showed me");
    // the repeated stretch's line of the outline: its times and name, then its hold each side
    const { outline } = stepsText;
    expect(shown.stdout).toMatch(
      new RegExp(
        `${literal(outline.repeatOne(2, "Knee to chest"))}\\s+${literal(outline.duration(stepsText.duration(20, true), ""))}`,
      ),
    );
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.steps[1]).toMatchObject({ pose: "cat", reps: 6, tempo: { in: 5, out: 5 } });
    const dry = knot(["start", "physio-exercises", "--dry-run"], { env });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Knee to chest/);
    expect(dry.stdout).toMatch(/Rest/);
  }, 60_000);

  it("refuses cold past its floor with the reason, and writes a hold past guidance into the cautions", async () => {
    const [holdHigh] = stated(/Each stretch is held \d+-(\d+) s/);
    const [never] = stated(/Each time: \d+-\d+ min on, never\s+more than (\d+) min/);
    const { env, routines } = envWithHome();
    const run = knotInPty(["new", "Long holds"], { env, cols: 100, rows: 40 });
    const say = conversation(run);
    await say("Step 1: add", ENTER);
    await say("Which pose?", ENTER);
    await say("Hold for how long?", `${holdHigh! + 15}${ENTER}`);
    await say("longer than the 10-30 seconds"); // said at once, and kept as a caution
    await say("How many times?", ENTER);
    await say("On each side", ENTER);
    await say("Your own instruction?", ENTER);
    await say("Added step 1:");
    await say("Step 2: add", `${down(MENU.cold)}${ENTER}`);
    await say("Minutes of cold?", `${never! + 1}${ENTER}`);
    await say(`at most ${never}m at a time`); // refused, and asked again
    await say("Minutes of cold?", `10${ENTER}`);
    await say("Added step 2:");
    await say("Step 3: add", `${down(MENU.save)}${ENTER}`);
    await say("Save it as", ENTER);
    await say("Saved long-holds.");
    expect((await run.exited).exitCode).toBe(0);
    const saved = JSON.parse(readFileSync(join(routines, "long-holds.json"), "utf8"));
    expect(saved.cautions.join("\n")).toContain(`held for ${holdHigh! + 15}s`);
    const cold = saved.steps.find((s: { kind: string }) => s.kind === "cold");
    expect(cold.duration).toBe(600);
    expect(knot(["validate", join(routines, "long-holds.json")], { env }).status).toBe(0);
  }, 60_000);

  it("shows the poses in words only for someone who asked for plain text, and Esc leaves", async () => {
    const { env, routines } = envWithHome();
    expect(knot(["config", "set", "display", "plain"], { env }).status).toBe(0);
    const run = knotInPty(["new", "Words only"], { env, cols: 100, rows: 40 });
    const say = conversation(run);
    await say("Step 1: add", ENTER);
    await say("Knee to chest: on your back", ESC);
    // Esc in a step's questions goes back to the steps; at the steps, with none, it leaves
    await say("Back to the steps");
    await say("Step 1: add", ESC);
    await say("Nothing saved.");
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).not.toMatch(/[\u2800-\u28ff]/);
    expect(existsSync(join(routines, "words-only.json"))).toBe(false);
  }, 60_000);

  it("never overwrites a routine with the same id without asking", async () => {
    const { env, routines } = envWithHome();
    expect(knot(["new", "Physio", "--from", "desk-break"], { env }).status).toBe(0);
    const before = readFileSync(join(routines, "physio.json"), "utf8");
    const run = knotInPty(["new", "Physio"], { env, cols: 100, rows: 40 });
    const say = conversation(run);
    await say("There is already your routine physio", ENTER); // the first answer: a new id
    await say("Step 1: add", `${down(MENU.rest)}${ENTER}`);
    await say("Rest for how long?", ENTER);
    await say("Step 2: add", `${down(MENU.save)}${ENTER}`);
    await say("Save it as", ENTER);
    await say("Saved physio-2.");
    expect((await run.exited).exitCode).toBe(0);
    expect(readFileSync(join(routines, "physio.json"), "utf8")).toBe(before);
    expect(existsSync(join(routines, "physio-2.json"))).toBe(true);
    // Esc at that question leaves without saving, as leaving the builder does
    const esc = knotInPty(["new", "Physio"], { env, cols: 100, rows: 40 });
    await conversation(esc)("There is already your routine physio", ESC);
    expect((await esc.exited).exitCode).toBe(3);
    expect(esc.output()).toContain("Nothing saved.");
    expect(readFileSync(join(routines, "physio.json"), "utf8")).toBe(before);
    // and without a terminal, a copy onto a taken id is refused, naming the flags
    const again = knot(["new", "Physio", "--from", "stretch"], { env });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--id physio-3.*--replace/s);
    expect(readFileSync(join(routines, "physio.json"), "utf8")).toBe(before);
  }, 60_000);
});

describe("knot new's limits and ways back", () => {
  it("Esc in a step's questions loses nothing; a value past the routine's length is refused as it is given; Esc at the steps asks once", async () => {
    const [hours] = stated(/a whole routine may last at most (\d+) hours/);
    const { env, routines } = envWithHome();
    const run = knotInPty(["new", "Way back"], { env, cols: 100, rows: 40 });
    const say = conversation(run);
    await say("Step 1: add", `${down(MENU.rest)}${ENTER}`);
    await say("Rest for how long?", ENTER);
    await say("Added step 1: Rest, 30s.");
    await say("Step 2: add", ENTER);
    await say("Which pose?", ENTER);
    await say("Hold for how long?", ESC);
    await say("Back to the steps");
    await say("Step 2: add", ENTER); // the rest is still there
    await say("Which pose?", ENTER);
    await say("Hold for how long?", `10m${ENTER}`);
    await say("How many times?", `20${ENTER}`);
    await say(`at most ${hours} hours`); // refused at once, and asked again
    await say("How many times?", `2${ENTER}`);
    await say("On each side", ESC);
    await say("Back to the steps");
    await say("Step 2: add", ESC);
    await say("Leave without saving?", "n");
    await say("Step 2: add", ESC);
    await say("Leave without saving?", "y");
    await say("Nothing saved.");
    expect((await run.exited).exitCode).toBe(3);
    expect(existsSync(join(routines, "way-back.json"))).toBe(false);
  }, 60_000);

  it("says a second pack needs its time off before asking its minutes, and offers the rest", async () => {
    const [off] = stated(/\*\*10 min off:\*\* at least (\d+) minutes off/);
    const { env, routines } = envWithHome();
    const run = knotInPty(["new", "Two packs"], { env, cols: 100, rows: 40 });
    const say = conversation(run);
    await say("Step 1: add", `${down(MENU.cold)}${ENTER}`);
    await say("Minutes of cold?", `10${ENTER}`);
    await say("Added step 1: Cold pack, 10m");
    await say("Step 2: add", `${down(MENU.cold)}${ENTER}`);
    await say(`needs at least ${off}m off after the last cold or heat`);
    await say("What now?", ENTER); // the rest first
    await say(`Added step 2: Rest, ${off}m.`);
    await say("Minutes of cold?", `10${ENTER}`);
    await say("Added step 3: Cold pack, 10m");
    await say("Step 4: add", `${down(MENU.save)}${ENTER}`);
    await say("Save it as", ENTER);
    await say("Saved two-packs.");
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).not.toMatch(/\[time-off\]/);
    expect(knot(["validate", join(routines, "two-packs.json")], { env }).status).toBe(0);
  }, 60_000);

  it("in a small terminal, shows the pose list and its question without the figure", async () => {
    const { env } = envWithHome();
    const run = knotInPty(["new", "Small"], { env, cols: 45, rows: 20 });
    const say = conversation(run);
    await say("Step 1: add", ENTER);
    await say("Which pose?");
    await say("Knee to chest", ESC);
    await say("Step 1: add", ESC);
    expect((await run.exited).exitCode).toBe(3);
    expect(run.output()).not.toMatch(/[\u2800-\u28ff]/);
  }, 60_000);

  it("refuses the ids of knot's own files, and makes ids from names in any script", () => {
    const { env, routines } = envWithHome();
    expect(knot(["list"], { env }).status).toBe(0);
    const schema = join(routines, "schema.json");
    const before = existsSync(schema) ? readFileSync(schema, "utf8") : undefined;
    for (const args of [["--replace"], []]) {
      const result = knot(["new", "Schema", "--from", "stretch", "--id", "schema", ...args], {
        env,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/schema\.json/);
      expect(result.stderr).not.toMatch(/your routine schema/);
    }
    expect(existsSync(schema) ? readFileSync(schema, "utf8") : undefined).toBe(before);
    const first = knot(["new", "背中のストレッチ", "--from", "stretch"], { env });
    const second = knot(["new", "首のストレッチ", "--from", "stretch"], { env });
    expect([first.status, second.status]).toEqual([0, 0]);
    const ids = [first.stdout, second.stdout].map((out) => /as (routine-[0-9a-f]+)/.exec(out)?.[1]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("knot list keeps each routine on one line, cutting a long name with …", async () => {
    const { env } = envWithHome();
    const name = "A very long name for the stretches my physiotherapist gave me after the fall";
    expect(knot(["new", name, "--from", "stretch", "--id", "long"], { env }).status).toBe(0);
    const run = knotInPty(["list"], { env, cols: 80, rows: 40 });
    expect((await run.exited).exitCode).toBe(0);
    const row = run
      .output()
      .split(/\r?\n/)
      .find((line) => line.startsWith(`${listText.cell("long")} `));
    expect(row).toContain("…");
    expect(row).toContain(listText.custom.trim());
    expect([...row!].length).toBeLessThanOrEqual(80);
  }, 60_000);
});

describe("knot new, edit and rm without questions", () => {
  it("knot new without a terminal says which flags to use; --from copies", () => {
    const { env, routines } = envWithHome();
    const bare = knot(["new", "Mine"], { env });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/--from/);
    const hostile = knot(["new", "../../\u001b]0;owned\u0007evil", "--from", "stretch"], { env });
    expect(hostile.status).toBe(0);
    expect(hostile.stdout).not.toContain("\u001b");
    const saved = JSON.parse(readFileSync(join(routines, "evil.json"), "utf8"));
    expect(saved).toMatchObject({ id: "evil", name: "../../evil" });
    expect(knot(["new", "x".repeat(200), "--from", "stretch"], { env }).status).toBe(2);
  });

  it("knot rm removes your own routine after asking, never a built-in", () => {
    const { env, routines } = envWithHome();
    knot(["new", "Mine", "--from", "stretch"], { env });
    const builtIn = knot(["rm", "stretch", "--yes"], { env });
    expect(builtIn.status).toBe(2);
    expect(builtIn.stderr).toMatch(/built into knot, so it cannot be removed/);
    const unasked = knot(["rm", "mine"], { env });
    expect(unasked.status).toBe(2);
    expect(unasked.stderr).toMatch(/--yes/);
    expect(existsSync(join(routines, "mine.json"))).toBe(true);
    expect(knot(["rm", "mine", "--yes"], { env }).status).toBe(0);
    expect(existsSync(join(routines, "mine.json"))).toBe(false);
  });

  it("knot rm --yes still says which routines include the one removed", () => {
    const { env, routines } = envWithHome();
    knot(["new", "Mine", "--from", "stretch"], { env });
    knot(["new", "Both", "--from", "full-session"], { env });
    writeFileSync(
      join(routines, "both.json"),
      readFileSync(join(routines, "both.json"), "utf8").replace(
        '"routine": "stretch"',
        '"routine": "mine"',
      ),
    );
    const result = knot(["rm", "mine", "--yes"], { env });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/both includes it and will stop working/);
  });

  it("knot rm asks at a terminal, naming what the removal changes", async () => {
    const { env, routines } = envWithHome();
    knot(["new", "Mine", "--from", "stretch"], { env });
    knot(["new", "Both", "--from", "full-session"], { env });
    writeFileSync(
      join(routines, "both.json"),
      readFileSync(join(routines, "both.json"), "utf8").replace(
        '"routine": "stretch"',
        '"routine": "mine"',
      ),
    );
    const no = knotInPty(["rm", "mine"], { env });
    // the question's end, after the path: what the removal breaks, and its keys
    const path = join(routines, "mine.json");
    const question = `${myRoutinesText.removeQuestion(path, "", myRoutinesText.breaks("both", 1))} ${promptText.yesNo.no}`;
    const end = question.slice(question.indexOf(path) + path.length);
    await conversation(no)(new RegExp(wrapped(end)), "n");
    expect((await no.exited).exitCode).toBe(3);
    expect(no.output()).toContain(myRoutinesText.nothingRemoved);
    expect(existsSync(join(routines, "mine.json"))).toBe(true);

    // Esc is a no too
    const esc = knotInPty(["rm", "mine"], { env });
    await conversation(esc)(promptText.yesNo.no, ESC);
    expect((await esc.exited).exitCode).toBe(3);
    expect(existsSync(join(routines, "mine.json"))).toBe(true);

    // your copy of a built-in: removing it brings the built-in back
    knot(["new", "Stretch", "--from", "desk-break", "--replace"], { env });
    const yes = knotInPty(["rm", "stretch"], { env });
    await conversation(yes)(/built-in\s+stretch\s+comes\s+back[\s\S]*\[y\/N\]/, "y");
    expect((await yes.exited).exitCode).toBe(0);
    expect(knot(["show", "stretch"], { env }).stdout).toContain("built-in");
  }, 60_000);
});

/** An editor that writes an invalid routine the first time it runs, a valid one after. */
function scriptedEditor(behaviour: "invalid-then-valid" | "always-invalid"): string {
  const dir = tempDir("knot-editor-");
  const script = join(dir, "edit.sh");
  const count = join(dir, "count");
  const second =
    behaviour === "always-invalid"
      ? `sed -i 's/"duration": "20 parsecs"/"duration": "30 parsecs"/' "$1"`
      : `sed -i 's/"duration": "20 parsecs"/"duration": "25s"/' "$1"`;
  writeFileSync(
    script,
    `#!/bin/sh
n=$(cat '${count}' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '${count}'
if [ "$n" = 1 ]; then sed -i 's/"duration": "20s"/"duration": "20 parsecs"/' "$1"; else ${second}; fi
`,
  );
  chmodSync(script, 0o755);
  return script;
}

describe("knot edit with an editor", () => {
  it("saves your file where it is, and without a terminal keeps a draft with problems", () => {
    const { env, routines } = envWithHome();
    knot(["new", "Mine", "--from", "stretch"], { env });
    // a file named otherwise than its id stays that file
    const file = join(routines, "my-file.json");
    writeFileSync(file, readFileSync(join(routines, "mine.json")));
    knot(["rm", "mine", "--yes"], { env });
    const fixed = knot(["edit", "mine"], {
      env: { ...env, EDITOR: scriptedEditor("invalid-then-valid") },
    });
    expect(fixed.status).toBe(3); // the first save has a problem, and no terminal to ask in
    expect(fixed.stderr).toContain('"20 parsecs" is not a duration');
    expect(readFileSync(file, "utf8")).not.toContain("parsecs");
    const valid = knot(["edit", "mine"], {
      env: { ...env, EDITOR: `sed -i 's/"duration": "20s"/"duration": "25s"/'` },
    });
    expect(valid.status).toBe(0);
    expect(readFileSync(file, "utf8")).toContain('"duration": "25s"');
    expect(existsSync(join(routines, "mine.json"))).toBe(false);

    // a routine kept elsewhere and linked into the folder is saved where it lives, the link kept
    const elsewhere = join(tempDir("knot-dotfiles-"), "mine.json");
    renameSync(file, elsewhere);
    symlinkSync(elsewhere, file);
    const linked = knot(["edit", "mine"], {
      env: { ...env, EDITOR: `sed -i 's/"duration": "25s"/"duration": "15s"/'` },
    });
    expect(linked.status).toBe(0);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(elsewhere, "utf8")).toContain('"duration": "15s"');
  });

  it("shows the problems, edits again, and keeps the valid second save (a built-in becomes your copy)", async () => {
    const { env, routines } = envWithHome();
    const run = knotInPty(["edit", "stretch"], {
      env: { ...env, EDITOR: scriptedEditor("invalid-then-valid"), VISUAL: "" },
      cols: 100,
      rows: 40,
    });
    const say = conversation(run);
    await say('"20 parsecs" is not a duration');
    await say("What now?", ENTER); // edit again
    await say("Saved stretch");
    expect((await run.exited).exitCode).toBe(0);
    const copy = readFileSync(join(routines, "stretch.json"), "utf8");
    expect(copy).toContain('"duration": "25s"');
    expect(knot(["list"], { env }).stdout).toMatch(
      listRow("stretch", `.*${literal(listText.replacesBuiltIn)}`),
    );
    expect(knot(["validate", join(routines, "stretch.json")], { env }).status).toBe(0);
  }, 60_000);

  it("with a discard, the routine is unchanged and the draft is kept where it says", async () => {
    const { env, routines } = envWithHome();
    knot(["new", "Mine", "--from", "stretch"], { env });
    const before = readFileSync(join(routines, "mine.json"), "utf8");
    const run = knotInPty(["edit", "mine"], {
      env: { ...env, EDITOR: scriptedEditor("always-invalid"), VISUAL: "" },
      cols: 100,
      rows: 40,
    });
    const say = conversation(run);
    await say("What now?", ENTER); // edit again: still invalid
    await say("What now?", ESC); // Esc: a discard
    await say("mine is unchanged");
    expect((await run.exited).exitCode).toBe(3);
    expect(readFileSync(join(routines, "mine.json"), "utf8")).toBe(before);
    const draft = join(env.XDG_DATA_HOME!, "knot", "drafts", "mine.json");
    expect(run.output().replace(/\s+/g, "")).toContain(draft.replace(/\s+/g, ""));
    expect(readFileSync(draft, "utf8")).toContain("30 parsecs");

    // the next edit offers to carry on from the draft; fixed there, it is kept
    const fix = join(tempDir("knot-editor-"), "fix.sh");
    writeFileSync(fix, `#!/bin/sh\nsed -i 's/"duration": "30 parsecs"/"duration": "25s"/' "$1"\n`);
    chmodSync(fix, 0o755);
    const next = knotInPty(["edit", "mine"], {
      env: { ...env, EDITOR: fix, VISUAL: "" },
      cols: 100,
      rows: 40,
    });
    const answer = conversation(next);
    // when it was left, written as knot writes every date and time
    await answer(/on \d{4}-\d{2}-\d{2} \d{2}:\d{2}\. Carry on from it\?/, ENTER);
    await answer("Saved mine");
    expect((await next.exited).exitCode).toBe(0);
    expect(readFileSync(join(routines, "mine.json"), "utf8")).toContain('"duration": "25s"');
    expect(existsSync(draft)).toBe(false);
  }, 60_000);
});
