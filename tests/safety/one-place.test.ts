import { describe, expect, it } from "vitest";
import { THERMAL_RULES as FACTS } from "../../src/health.js";
import { LIMITS } from "../../src/routine/limits.js";
import { isThermal as kindIsThermal, STEP_KINDS } from "../../src/routine/vocabulary.js";
import { isThermal, THERMAL_RULES } from "../../src/safety/rules.js";
import { stated } from "../guidance.js";

describe("each cold and heat rule in one place", () => {
  it("the rules and the step kinds share one isThermal and one set of figures", () => {
    expect(isThermal).toBe(kindIsThermal);
    expect(THERMAL_RULES).toBe(FACTS);
    expect(STEP_KINDS.filter(isThermal)).toEqual(["cold", "heat"]);
  });

  it("a routine file's limit on cold or heat is the session rule's own figure", () => {
    const [minutes] = stated(/\*\*(\d+) min per application:\*\*/);
    expect(FACTS.maxApplicationSeconds).toBe(minutes! * 60);
    expect(LIMITS.thermalSeconds).toBe(FACTS.maxApplicationSeconds);
  });
});
