import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_DIR } from "../src/package.js";
import { loadLibrary } from "../src/routine/library.js";
import { LIMITS } from "../src/routine/limits.js";
import type { TimelineEntry } from "../src/routine/timeline.js";
import { expectSaid } from "./guidance.js";
import { BUILT_IN_IDS, tempDir } from "./helpers.js";

// The built-in routines must stay inside knot's guidance, docs/health-guidance.md: each
// number below is one the guidance states.
const library = loadLibrary({ userDir: join(tempDir(), "none") });
const get = (id: string) => {
  const entry = library.find(id);
  if (!entry) throw new Error(`built-in ${id} missing: ${JSON.stringify(library.broken)}`);
  return entry;
};
const seconds = (timeline: TimelineEntry[], kind: string) =>
  timeline.filter((t) => t.kind === kind).reduce((sum, t) => sum + (t.seconds ?? 0), 0);

describe("built-in routines", () => {
  it("all load without errors or warnings", () => {
    expect(library.broken).toEqual([]);
    expect(library.entries.map((e) => e.routine.id)).toEqual([
      "cold-cycle",
      "desk-break",
      "fingertips",
      "full-session",
      "heat",
      "stretch",
      "tennis-ball",
    ]);
    for (const entry of library.entries) expect(entry.warnings, entry.routine.id).toEqual([]);
    expect(BUILT_IN_DIR).toMatch(/routines[\\/]$/);
  });

  it.each(BUILT_IN_IDS)("%s has a summary, description, cautions and sources", (id) => {
    const { routine } = get(id);
    expect(routine.summary.length).toBeGreaterThan(10);
    expect(routine.description.length).toBeGreaterThan(40);
    expect(routine.cautions.length).toBeGreaterThan(0);
    expect(routine.sources.length).toBeGreaterThan(0);
  });

  it("stretch lasts 5-10 minutes, holds 10-30 s, each sided stretch done on both sides", () => {
    expectSaid(/A whole stretching routine takes 5-10 minutes\. Each stretch is held 10-30 s/);
    expectSaid(/`stretch`: 5-10 minutes .*holds of 10-30 s, each sided stretch on both sides/);
    const { timeline, totalSeconds } = get("stretch");
    expect(totalSeconds).toBeGreaterThanOrEqual(5 * 60);
    expect(totalSeconds).toBeLessThanOrEqual(10 * 60);
    for (const hold of timeline.filter((t) => t.kind === "hold")) {
      expect(hold.seconds).toBeGreaterThanOrEqual(10);
      expect(hold.seconds).toBeLessThanOrEqual(LIMITS.holdSeconds);
    }
    const sided = timeline.filter((t) => t.side);
    expect(sided.filter((t) => t.side === "left")).toHaveLength(sided.length / 2);
    expect(timeline.some((t) => t.seconds === null)).toBe(false); // no keyboard needed
  });

  it("desk-break: 2-3 minutes on a chair, holds of 10-30 s, both sides alike, no keyboard", () => {
    expectSaid(/`desk-break` is about 2-3 minutes on a chair, made only of the seated rows above/);
    expectSaid(/Each stretch is held 10-30 s/);
    const { timeline, totalSeconds, routine } = get("desk-break");
    expect(totalSeconds).toBeGreaterThanOrEqual(2 * 60);
    expect(totalSeconds).toBeLessThanOrEqual(3 * 60);
    for (const hold of timeline.filter((t) => t.kind === "hold")) {
      expect(hold.seconds).toBeGreaterThanOrEqual(10);
      expect(hold.seconds).toBeLessThanOrEqual(30);
    }
    const sided = timeline.filter((t) => t.side);
    expect(sided.filter((t) => t.side === "left")).toHaveLength(sided.length / 2);
    expect(timeline.some((t) => t.seconds === null)).toBe(false);
    // the stretches of the seated rows of the guidance, and nothing that needs the floor
    expectSaid(
      /seated rows above \(shoulder rolls, seated twist, cross-body shoulder, chest opener, neck side tilt\): nothing that needs the floor/,
    );
    const names = new Set(timeline.map((t) => t.name));
    for (const name of [
      "Shoulder rolls",
      "Seated twist",
      "Cross-body shoulder",
      "Chest opener",
      "Neck side tilt",
    ]) {
      expect(names.has(name), name).toBe(true);
    }
    const text = [routine.description, ...timeline.map((t) => t.instruction ?? "")].join(" ");
    expect(text).not.toMatch(/\b(lie|lying|kneel|all fours|mat)\b/i);
  });

  it("cold-cycle is 10 on / 15 off / 10 on, 2 rounds, with a skin check before each round", () => {
    expectSaid(
      /`cold-cycle`: 10 min on, 15 min off, 10 min on \(2 rounds\), a damp towel, a skin check/,
    );
    expectSaid(/a default of 2 rounds.*and a skin check before each new round/);
    expectSaid(/Wrap the pack in a damp towel/);
    expectSaid(/evidence that cold helps back pain is weak/);
    expectSaid(/Ask a clinician first\*\* \(shown before the first cold session\): Raynaud's/);
    const { timeline, routine } = get("cold-cycle");
    const cold = timeline.filter((t) => t.kind === "cold");
    expect(cold.map((t) => t.seconds)).toEqual([600, 600]);
    // 15 minutes off between the rounds; after the last, the pack is off and the session ends
    const between = timeline.slice(timeline.indexOf(cold[0]!) + 1, timeline.indexOf(cold[1]!));
    expect(between.filter((t) => t.kind === "rest").map((t) => t.seconds)).toEqual([900]);
    expect(timeline.at(-1)?.kind).toBe("rest");
    cold.forEach((step) => {
      const before = timeline[timeline.indexOf(step) - 1];
      expect(before?.name).toMatch(/skin/i);
      expect(before?.seconds).toBeNull();
    });
    expect(timeline[0]?.instruction).toMatch(/damp towel/);
    expect(routine.description).toMatch(/weak/);
    expect(routine.cautions.join(" ")).toMatch(/Raynaud/);
  });

  it("heat is 10-20 minutes", () => {
    expectSaid(/Heat for 10-20 min at a time/);
    expectSaid(/Never fall asleep with heat on/);
    const heat = seconds(get("heat").timeline, "heat");
    expect(heat).toBeGreaterThanOrEqual(10 * 60);
    expect(heat).toBeLessThanOrEqual(20 * 60);
    expect(get("heat").routine.cautions.join(" ")).toMatch(/fall asleep/);
  });

  it("tennis-ball gives each area 30 s to 2 min and keeps off the spine", () => {
    expectSaid(/The dose is 30 s-2 min per area per session/);
    expectSaid(/Keep the ball about 2-3 cm to the side of the spine, never on the spine itself/);
    const { timeline, routine } = get("tennis-ball");
    const byArea = new Map<string, number>();
    for (const t of timeline.filter((t) => t.kind === "massage")) {
      byArea.set(t.area ?? "?", (byArea.get(t.area ?? "?") ?? 0) + (t.seconds ?? 0));
    }
    for (const [area, total] of byArea) {
      expect(area).not.toBe("?");
      expect(total).toBeGreaterThanOrEqual(30);
      expect(total).toBeLessThanOrEqual(120);
    }
    expect(routine.cautions.join(" ")).toMatch(/spine/);
  });

  it("fingertips runs press-and-roll, grasp-and-hold, then rubbing and kneading", () => {
    expectSaid(
      /press and roll the fingertips .*grasp and pull the muscle, hold .*circular rubbing and kneading/,
    );
    const names = get("fingertips").timeline.map((t) => t.name);
    expect(names.indexOf("Press and roll")).toBeLessThan(names.indexOf("Grasp and hold"));
    expect(names.indexOf("Grasp and hold")).toBeLessThan(names.indexOf("Circular rubbing"));
    expect(names.at(-1)).toBe("Kneading");
  });

  it("full-session is heat, then tennis ball, then stretch", () => {
    expectSaid(/`full-session`: heat, then tennis ball, then stretch/);
    const full = get("full-session");
    const parts = ["heat", "tennis-ball", "stretch"].map((id) => get(id));
    expect(full.timeline).toEqual(parts.flatMap((p) => p.timeline));
  });
});
