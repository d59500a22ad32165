import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { BUILT_IN_DIR } from "../../src/package.js";
import { validateRoutine } from "../../src/routine/parse.js";
import { BUILT_IN_IDS } from "../helpers.js";
import { mutate, random } from "../mutate.js";

/**
 * The published schema (routines/schema.json, what editors check files with) and knot's
 * validator must agree on every file, except for the rules a schema cannot state, which are
 * checked when a routine loads and listed in the schema's $comment.
 */
const schema = JSON.parse(readFileSync(join(BUILT_IN_DIR, "schema.json"), "utf8"));
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: false, strict: false });
const schemaAccepts = ajv.compile(schema);
const knotAccepts = (value: unknown) =>
  validateRoutine(value).issues.every((i) => i.severity !== "error");
/** What the validator checks that the schema leaves to load time. */
const LOAD_TIME = /more than a day|nest more than 8 deep|tempo|repetitions of/;

const BUILT_INS = BUILT_IN_IDS;
const base = JSON.parse(readFileSync(join(BUILT_IN_DIR, "stretch.json"), "utf8"));
const withStep = (step: Record<string, unknown>) => ({ ...base, steps: [step] });
const step = (extra: Record<string, unknown>) => withStep({ name: "Hold", kind: "hold", ...extra });

const DURATIONS: unknown[] = [
  30,
  "30",
  "30s",
  " 30s",
  "30s ",
  "30S",
  "1H",
  "1h2M3s",
  "0",
  "0s",
  "00",
  "0h0m",
  "0h0m5s",
  "",
  " ",
  "1.5",
  "1e3",
  "-5",
  "+5",
  "5 s",
  "1m30",
  "30s10m",
  "h",
  "m5",
  0,
  -1,
  1.5,
  86_400,
  86_401,
  "86400",
  "24h",
  "25h",
  "1".repeat(24),
  "1".repeat(25),
  "1".repeat(30),
  "٣٠",
  "３０s",
];
const TEXTS: unknown[] = [
  "Hold",
  " Hold",
  "",
  " ",
  "\t",
  "\n",
  "Hold\tfirm",
  "Hold\nfirm",
  "a\u001b[2J",
  "a\u009bb",
  "a\u202eb",
  "a\u2028b",
  "a\u200fb",
  "a\u200bb",
  "😀".repeat(41),
  "😀".repeat(40),
  "x".repeat(80),
  "x".repeat(81),
  "é".repeat(80),
  42,
  null,
];

describe("the published schema agrees with knot's validator", () => {
  it.each(DURATIONS.map((d) => [JSON.stringify(d), d]))(
    "on the duration %s",
    (_label, duration) => {
      const file = step({ duration });
      const knot = validateRoutine(file);
      const agreed = schemaAccepts(file) === knotAccepts(file);
      if (!agreed) {
        expect(knot.issues.map((i) => i.message).join(" "), "a load-time rule").toMatch(LOAD_TIME);
      }
    },
  );

  it.each(TEXTS.map((t) => [JSON.stringify(t), t]))("on the step name %s", (_label, name) => {
    const file = withStep({ name, kind: "hold", duration: 20 });
    expect(schemaAccepts(file), JSON.stringify(validateRoutine(file).issues)).toBe(
      knotAccepts(file),
    );
  });

  it.each(TEXTS.map((t) => [JSON.stringify(t), t]))(
    "on the instruction %s",
    (_label, instruction) => {
      const file = withStep({ name: "Hold", kind: "hold", duration: 20, instruction });
      if (typeof instruction === "string" && instruction.length > 1000) return;
      expect(schemaAccepts(file), JSON.stringify(validateRoutine(file).issues)).toBe(
        knotAccepts(file),
      );
    },
  );

  it("on repeats, ids, keys and shapes", () => {
    const cases = [
      { ...base, steps: [{ repeat: 20, steps: [{ name: "a", kind: "hold", duration: 1 }] }] },
      { ...base, steps: [{ repeat: 21, steps: [{ name: "a", kind: "hold", duration: 1 }] }] },
      { ...base, steps: [{ repeat: 0, steps: [{ name: "a", kind: "hold", duration: 1 }] }] },
      { ...base, id: "My-Stretch" },
      { ...base, id: "-x" },
      { ...base, id: "x".repeat(41) },
      { ...base, extra: true },
      { ...base, steps: [] },
      { ...base, steps: [{ routine: "heat", name: "x" }] },
      { ...base, steps: [{ repeat: 2, routine: "heat", steps: [] }] },
      { ...base, areas: ["neck", "elbow"] },
      withStep({ name: "a", kind: "hold", duration: 1, pose: "cat" }),
      withStep({ name: "a", kind: "hold", duration: 1, pose: "kat" }),
      withStep({ name: "a", kind: "hold", duration: 1, pose: "" }),
      withStep({ name: "a", kind: "hold", duration: 1, pose: ["cat"] }),
      { ...base, cautions: Array.from({ length: 21 }, () => "c") },
      JSON.parse(
        '{"id":"a","name":"b","category":"stretch","steps":[{"name":"s","kind":"hold","__proto__":{"x":1}}]}',
      ),
      [],
      "routine",
    ];
    for (const file of cases) {
      expect(schemaAccepts(file), JSON.stringify(file).slice(0, 120)).toBe(knotAccepts(file));
    }
  });

  it("on every built-in routine", () => {
    for (const id of BUILT_INS) {
      const file = JSON.parse(readFileSync(join(BUILT_IN_DIR, `${id}.json`), "utf8"));
      expect(schemaAccepts(file), id).toBe(true);
      expect(knotAccepts(file), id).toBe(true);
    }
  });

  it("has a stable $id and names what it leaves to load time", () => {
    expect(schema.$id).toBe("urn:knot:routine-schema:1");
    expect(schema.$comment).toMatch(/included routine must exist[\s\S]*session rules/);
  });

  it("on 1,500 mutations of the built-ins, except for the rules listed as load-time", () => {
    const rand = random(20261124);
    const sources = BUILT_INS.map((id) =>
      JSON.parse(readFileSync(join(BUILT_IN_DIR, `${id}.json`), "utf8")),
    );
    const disagreements: string[] = [];
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const file = mutate(sources[i % sources.length], rand, 0.04);
      const knot = validateRoutine(file);
      const errors = knot.issues.filter((issue) => issue.severity === "error");
      if (errors.length > 0) rejected++;
      if (schemaAccepts(file) === (errors.length === 0)) continue;
      // The only allowed disagreement: the schema accepts, and every error knot finds is a
      // rule the schema says it leaves to load time.
      if (errors.length === 0 || !errors.every((e) => LOAD_TIME.test(e.message))) {
        disagreements.push(
          `mutant ${i}: schema ${schemaAccepts(file) ? "accepts" : "rejects"}, knot says ${
            errors.map((e) => e.message).join("; ") || "ok"
          }\n${JSON.stringify(file).slice(0, 300)}`,
        );
      }
    }
    expect(disagreements.slice(0, 5).join("\n\n")).toBe("");
    // the corpus really exercises both answers
    expect(rejected).toBeGreaterThan(300);
    expect(rejected).toBeLessThan(1450);
  });
});
