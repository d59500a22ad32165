import { parseDuration } from "../duration.js";
import { closestMatches } from "../suggest.js";
import { hasUnsafe } from "../ui/safe.js";
import type { Finding, Found, Issue, Problem } from "./issue.js";
import { type Field, type ObjectField, routineField, stepField, stepVariant } from "./schema.js";
import { MAX_NESTING } from "./timeline.js";
import type { Routine, Step, StepItem } from "./vocabulary.js";

export type { Finding, Issue, Problem };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const describe = (value: unknown): Found => {
  if (value === null) return { is: "null" };
  if (Array.isArray(value)) return { is: "list" };
  if (typeof value === "string") return { is: "text", text: value };
  if (typeof value === "object") return { is: "object" };
  return { is: "other", type: typeof value, value: String(value) };
};

const joinPath = (base: string, key: string | number): string =>
  typeof key === "number" ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/**
 * Checks a parsed JSON value against the routine format and converts it into a `Routine`
 * (durations in seconds). Collects every problem rather than stopping at the first, each as a
 * code and its numbers (src/routine/parse.ts has them worded).
 */
export function checkRoutineValue(value: unknown): { routine?: Routine; findings: Finding[] } {
  const issues: Finding[] = [];
  const error = (path: string, problem: Problem): undefined => {
    issues.push({ severity: "error", path, problem });
    return undefined;
  };

  const check = (field: Field, v: unknown, path: string): unknown => {
    switch (field.type) {
      case "string": {
        if (typeof v !== "string") return error(path, { code: "not-text", found: describe(v) });
        if (v.trim() === "") return error(path, { code: "empty-text" });
        if (hasUnsafe(v, { multiline: field.multiline })) {
          return error(path, { code: "unsafe-text" });
        }
        // Characters as a person counts them (code points), as the schema does.
        const length = [...v].length;
        if (length > field.maxLength) {
          return error(path, { code: "too-long", length, max: field.maxLength });
        }
        if (field.pattern && !field.pattern.test(v)) {
          return error(path, { code: "bad-id", value: v });
        }
        return v;
      }
      case "enum": {
        if (typeof v === "string" && field.values.includes(v)) return v;
        const matches = typeof v === "string" ? closestMatches(v, field.values) : [];
        return error(path, {
          code: "not-one-of",
          found: describe(v),
          values: field.values,
          matches,
        });
      }
      case "boolean":
        if (typeof v !== "boolean") return error(path, { code: "not-boolean", found: describe(v) });
        return v;
      case "integer": {
        if (typeof v !== "number" || !Number.isInteger(v)) {
          return error(path, { code: "not-integer", found: describe(v) });
        }
        if (v < field.minimum)
          return error(path, { code: "below-minimum", value: v, minimum: field.minimum });
        if (field.maximum !== undefined && v > field.maximum) {
          return error(path, { code: "above-maximum", value: v, maximum: field.maximum });
        }
        return v;
      }
      case "duration": {
        const result = parseDuration(v);
        if (!result.ok) {
          // a spelling to suggest says enough; otherwise, how durations are written
          const suggested = result.suggestion !== undefined;
          return error(path, { code: "bad-duration", problem: result.problem, suggested });
        }
        return result.seconds;
      }
      case "array": {
        if (!Array.isArray(v)) return error(path, { code: "not-list", found: describe(v) });
        if (field.maxItems !== undefined && v.length > field.maxItems) {
          return error(path, { code: "too-many", count: v.length, max: field.maxItems });
        }
        return v.map((item, i) => check(field.items, item, joinPath(path, i)));
      }
      case "steps": {
        if (!Array.isArray(v)) return error(path, { code: "not-steps", found: describe(v) });
        if (v.length === 0) return error(path, { code: "no-steps" });
        // Checked before descending, so a file nested thousands deep is one clear problem.
        if (path.split(".steps").length - 1 > MAX_NESTING) {
          return error(path, { code: "too-deep", max: MAX_NESTING });
        }
        return v.map((item, i) => {
          const itemPath = joinPath(path, i);
          if (typeof item !== "object" || item === null || Array.isArray(item)) {
            return error(itemPath, { code: "not-step", found: describe(item) });
          }
          const variant = stepVariant(item as Record<string, unknown>);
          const before = issues.length;
          const out = checkObject(variant, item, itemPath);
          if (variant === stepField && issues.length === before) {
            const problem = repsProblem(out);
            if (problem) error(joinPath(itemPath, problem.key), problem.problem);
          }
          return out;
        });
      }
      case "object":
        if (typeof v !== "object" || v === null || Array.isArray(v)) {
          return error(path, { code: "not-object", found: describe(v) });
        }
        return checkObject(field, v, path);
    }
  };

  const checkObject = (field: ObjectField, v: object, path: string) => {
    const out: Record<string, unknown> = {};
    const known = Object.keys(field.properties);
    for (const key of Object.keys(v)) {
      const keyPath = joinPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        error(keyPath, { code: "forbidden-key", key });
      } else if (!Object.hasOwn(field.properties, key)) {
        const matches = closestMatches(key, known);
        error(keyPath, { code: "unknown-key", key, matches, allowed: known });
      }
    }
    for (const key of field.required) {
      if (!Object.hasOwn(v, key)) error(joinPath(path, key), { code: "missing" });
    }
    for (const [key, sub] of Object.entries(field.properties)) {
      if (Object.hasOwn(v, key))
        out[key] = check(sub, (v as Record<string, unknown>)[key], joinPath(path, key));
    }
    return out;
  };

  const raw = check(routineField, value, "") as Record<string, unknown> | undefined;
  if (issues.length > 0 || !raw) return { findings: issues };
  return { routine: toRoutine(raw), findings: issues };
}

/** How long one repetition lasts at a tempo as written, or undefined when it is incomplete. */
function cycleSeconds(tempo: Record<string, number | undefined>): number | undefined {
  if (tempo.hold !== undefined) return tempo.hold + (tempo.rest ?? 0);
  if (tempo.in !== undefined && tempo.out !== undefined) return tempo.in + tempo.out;
  return undefined;
}

/** What is wrong with a step's reps and tempo together, if anything: the key and the problem. */
function repsProblem(step: Record<string, unknown>): { key: string; problem: Problem } | undefined {
  const reps = step.reps as number | undefined;
  const tempo = step.tempo as Record<string, number | undefined> | undefined;
  if (reps === undefined && tempo === undefined) return undefined;
  if (reps === undefined) return { key: "tempo", problem: { code: "tempo-without-reps" } };
  if (tempo === undefined) return { key: "reps", problem: { code: "reps-without-tempo" } };
  const hold = tempo.hold !== undefined || tempo.rest !== undefined;
  const breath = tempo.in !== undefined || tempo.out !== undefined;
  if (hold && breath) return { key: "tempo", problem: { code: "tempo-both" } };
  if (!hold && !breath) return { key: "tempo", problem: { code: "tempo-empty" } };
  if (hold && tempo.hold === undefined)
    return { key: "tempo", problem: { code: "rest-without-hold" } };
  const cycle = cycleSeconds(tempo);
  if (cycle === undefined) return { key: "tempo", problem: { code: "breath-incomplete" } };
  const total = reps * cycle;
  const duration = step.duration as number | undefined;
  if (duration !== undefined && duration !== total) {
    return {
      key: "duration",
      problem: { code: "duration-disagrees", seconds: duration, reps, cycle, total },
    };
  }
  return undefined;
}

function toStepItems(raw: unknown[]): StepItem[] {
  return raw.map((item) => {
    const r = item as Record<string, unknown>;
    if ("repeat" in r)
      return { repeat: r.repeat as number, steps: toStepItems(r.steps as unknown[]) };
    if ("routine" in r) return { routine: r.routine as string };
    const tempo = r.tempo as Record<string, number | undefined> | undefined;
    // With reps, the step lasts reps × the tempo (validated to agree with a duration written).
    const paced = r.reps !== undefined && tempo ? (r.reps as number) * cycleSeconds(tempo)! : null;
    const step: Step = {
      name: r.name as string,
      kind: r.kind as Step["kind"],
      seconds: (r.duration as number | undefined) ?? paced,
      sides: (r.sides as boolean | undefined) ?? false,
    };
    if (r.reps !== undefined && tempo) {
      step.reps = r.reps as number;
      step.tempo =
        tempo.hold !== undefined
          ? { hold: tempo.hold, rest: tempo.rest ?? 0 }
          : { in: tempo.in!, out: tempo.out! };
    }
    if (r.instruction !== undefined) step.instruction = r.instruction as string;
    if (r.area !== undefined) step.area = r.area as Step["area"];
    if (r.pose !== undefined) step.pose = r.pose as Step["pose"];
    return step;
  });
}

function toRoutine(raw: Record<string, unknown>): Routine {
  return {
    id: raw.id as string,
    name: raw.name as string,
    summary: (raw.summary as string | undefined) ?? "",
    description: (raw.description as string | undefined) ?? "",
    category: raw.category as Routine["category"],
    areas: (raw.areas as Routine["areas"] | undefined) ?? [],
    cautions: (raw.cautions as string[] | undefined) ?? [],
    sources: (raw.sources as string[] | undefined) ?? [],
    steps: toStepItems(raw.steps as unknown[]),
  };
}
