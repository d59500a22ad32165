import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { BUILT_IN_DIR } from "../../src/package.js";
import { CATALOGUE, poseNamed } from "../../src/poses/catalogue.js";
import { frameCount, shapesOf } from "../../src/poses/figure.js";
import { validateRoutine } from "../../src/routine/parse.js";
import { expandTimeline } from "../../src/routine/timeline.js";
import { POSES } from "../../src/routine/vocabulary.js";
import { POSE_WORDS, writtenCaption } from "../../src/text/poses.js";
import { BUILT_IN_IDS, routineJson, testContext } from "../helpers.js";

type RawItem = { name?: string; pose?: string; steps?: RawItem[]; routine?: string };
const stepsOf = (items: RawItem[]): RawItem[] =>
  items.flatMap((item) => (item.steps ? stepsOf(item.steps) : item.routine ? [] : [item]));

describe("the pose catalogue", () => {
  it("draws every pose a routine may name, and no other", () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...POSES].sort());
  });

  it.each(POSES.map((name) => [name]))("%s has a caption and points for every stroke", (name) => {
    const pose = CATALOGUE[name];
    expect(POSE_WORDS[name].name.length).toBeGreaterThan(2);
    expect(POSE_WORDS[name].how.length).toBeGreaterThan(10);
    for (let frame = 0; frame < frameCount(pose); frame++) {
      const shapes = shapesOf(pose, frame);
      expect(shapes.segments.length).toBeGreaterThan(3);
      for (const s of shapes.segments)
        expect([...s.from, ...s.to].every(Number.isFinite)).toBe(true);
    }
  });

  it("gives each pose its own caption", () => {
    expect(Object.keys(POSE_WORDS).sort()).toEqual([...POSES].sort());
    const titles = POSES.map((name) => writtenCaption(name));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("finds poses by name only", () => {
    expect(poseNamed("cat")).toBe(CATALOGUE.cat);
    expect(poseNamed("toString")).toBeUndefined();
    expect(poseNamed("__proto__")).toBeUndefined();
  });

  it.each(BUILT_IN_IDS.map((id) => [id]))("every step of the built-in %s names a pose", (id) => {
    const file = JSON.parse(readFileSync(join(BUILT_IN_DIR, `${id}.json`), "utf8"));
    for (const step of stepsOf(file.steps)) {
      expect(POSES, `${id}: ${step.name}`).toContain(step.pose);
    }
  });
});

describe("poses in routines", () => {
  it("carry into the timeline, for both sides of a sided step", () => {
    const { routine } = validateRoutine(
      routineJson({
        steps: [
          { name: "Knee to chest", kind: "hold", duration: 20, sides: true, pose: "knee-to-chest" },
          { name: "Breathe", kind: "rest", duration: 10 },
        ],
      }),
    );
    const { timeline } = expandTimeline(routine!, () => undefined);
    expect(timeline.map((e) => [e.side, e.pose])).toEqual([
      ["left", "knee-to-chest"],
      ["right", "knee-to-chest"],
      [undefined, undefined],
    ]);
  });

  it("are in show --json, on the steps and on the timeline", async () => {
    const { ctx, stdout } = testContext();
    expect(await run(["show", "stretch", "--json"], ctx)).toBe(0);
    const data = JSON.parse(stdout.text());
    const knee = data.timeline.filter((t: { name: string }) => t.name === "Knee to chest");
    expect(knee.map((t: { pose: string; side: string }) => `${t.side} ${t.pose}`)).toEqual([
      "left knee-to-chest",
      "right knee-to-chest",
      "left knee-to-chest",
      "right knee-to-chest",
    ]);
    expect(data.steps[0]).toMatchObject({ name: "Get settled", pose: "rest" });
  });
});
