import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toJsonSchema } from "../src/routine/schema.js";
import { AREAS, CATEGORIES, POSES, STEP_KINDS } from "../src/routine/vocabulary.js";

describe("routines/schema.json", () => {
  const published = JSON.parse(
    readFileSync(new URL("../routines/schema.json", import.meta.url), "utf8"),
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
