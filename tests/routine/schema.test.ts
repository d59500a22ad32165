import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { toJsonSchema } from "../../src/routine/schema.js";
import { AREAS, CATEGORIES, POSES, STEP_KINDS } from "../../src/routine/vocabulary.js";

describe("routines/schema.json", () => {
  const published = JSON.parse(
    readFileSync(new URL("../../routines/schema.json", import.meta.url), "utf8"),
  );

  it("is the schema the validator uses (run `npm run schema` after changing the format)", () => {
    expect(published).toEqual(toJsonSchema());
  });

  it("describes the vocabulary and forbids unknown keys", () => {
    expect(published.properties.category.enum).toEqual([...CATEGORIES]);
    expect(published.properties.areas.items.enum).toEqual([...AREAS]);
    expect(published.$defs.step.properties.kind.enum).toEqual([...STEP_KINDS]);
    expect(published.$defs.step.properties.pose.enum).toEqual([...POSES]);
    expect(published.additionalProperties).toBe(false);
    expect(published.$defs.step.additionalProperties).toBe(false);
  });

  it("has a duration pattern that agrees with the parser on examples", () => {
    const pattern = new RegExp(published.$defs.step.properties.duration.oneOf[1].pattern);
    for (const ok of ["45", "45s", "10m", "1m30s", "1h"]) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ["10 mins", "", "m", "30s10m"]) expect(pattern.test(bad), bad).toBe(false);
  });
});

describe("the schema's messages in an editor", () => {
  const published = JSON.parse(
    readFileSync(new URL("../../routines/schema.json", import.meta.url), "utf8"),
  );
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({
    allErrors: true,
    strict: false,
  });
  const check = ajv.compile(published);
  const routine = (steps: unknown[]) => ({ id: "mine", name: "Mine", category: "stretch", steps });
  const problems = (steps: unknown[]) => {
    check(routine(steps));
    return (check.errors ?? []).map((e) => `${e.instancePath} ${e.schemaPath} ${e.message}`);
  };

  it('says how to write a duration where "10 mins" is written', () => {
    const duration = published.$defs.step.properties.duration;
    for (const alternative of duration.oneOf) {
      expect(alternative.patternErrorMessage ?? alternative.errorMessage).toMatch(
        /"45s".*"10m".*"1m30s"/,
      );
    }
    expect(duration.markdownDescription).toContain("10 mins");
    expect(problems([{ name: "Hold", kind: "hold", duration: "10 mins" }]).join("\n")).toMatch(
      /duration/,
    );
  });

  it("reports an include's own problem, never a step's missing kind", () => {
    expect(problems([{ routine: "stretch" }])).toEqual([]);
    const found = problems([{ routine: "stretch", times: 2 }]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join("\n")).toMatch(/include/);
    expect(found.join("\n")).not.toMatch(/kind/);
    // a step without its kind is still told so
    expect(problems([{ name: "Hold", duration: 30 }]).join("\n")).toMatch(/kind/);
  });
});
