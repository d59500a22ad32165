import { describe, expect, it } from "vitest";
import { RED_FLAGS } from "../../src/health.js";
import { healthText, stopAdvice, stopAdviceLines } from "../../src/text/health.js";
import { safetyText } from "../../src/text/safety.js";

const { screenLines, emergencyAdvice: EMERGENCY_ADVICE } = safetyText;

const redFlagAdvice = safetyText.advice;
const redFlagLines = safetyText.adviceLines;

import { stated } from "../guidance.js";

describe("the emergency words, said one way everywhere", () => {
  it("name the emergency number the guidance gives", () => {
    const [number] = stated(/Emergency: call (\d+) \(or your local emergency number\)/);
    expect(healthText.emergencyCall).toContain(`call ${number} or your local emergency number`);
  });

  it("x (stop: it hurts), the questions before a session and the getting-worse advice share them", () => {
    expect(stopAdvice()).toContain(healthText.emergencyHeading);
    expect(stopAdvice()).toContain(healthText.soonHeading);
    expect(screenLines(["red-flags"])).toContain(healthText.emergencyHeading);
    expect(screenLines(["red-flags"])).toContain(healthText.soonHeading);
    expect(redFlagLines([]).join("\n")).toContain(healthText.emergencyHeading);
    expect(EMERGENCY_ADVICE).toContain(healthText.emergencyNow);
    expect(healthText.emergencyNow).toContain(healthText.emergencyCall);
  });

  it("the advice after x says which part each line is, so callers never read its words", () => {
    const lines = stopAdviceLines();
    const headings = lines.filter((l) => l.heading);
    expect(headings.map((l) => [l.part, l.text])).toEqual([
      ["emergency", healthText.emergencyHeading],
      ["soon", healthText.soonHeading],
    ]);
    const flags = (part: string) =>
      lines.filter((l) => l.part === part && !l.heading && l.text.trim() !== "").length;
    expect(lines.filter((l) => l.urgent).map((l) => l.text)).toEqual([healthText.emergencyHeading]);
    expect(flags("emergency")).toBe(RED_FLAGS.emergency.length);
    expect(flags("soon")).toBe(RED_FLAGS.soon.length);
    // the rest comes first and the source last
    expect(lines[0]!.part).toBe("rest");
    expect(lines.at(-1)!.part).toBe("source");
  });

  it("the getting-worse advice gives its parts as data, and the lines are made of them", () => {
    const reasons = [{ rule: "very-high" as const, rating: 9 }];
    const advice = redFlagAdvice(reasons);
    expect(advice.emergencyHeading).toContain(healthText.emergencyHeading);
    // the red flags as the text layer gives them, one item a line
    const flags = safetyText.health.redFlags;
    expect(advice.emergency).toEqual(flags.emergency);
    expect(advice.soon).toEqual(flags.soon);
    const item = safetyText.item;
    expect(redFlagLines(reasons)).toEqual([
      advice.heading,
      ...advice.reasons.map(item),
      advice.emergencyHeading,
      ...advice.emergency.map(item),
      advice.soonHeading,
      ...advice.soon.map(item),
    ]);
  });
});
