import { formatDuration, parseDuration } from "../duration.js";
import { didYouMean } from "../suggest.js";
import { hasUnsafe, quote } from "../ui/safe.js";
import type { Issue } from "./issue.js";
import { type Field, type ObjectField, routineField, stepField, stepVariant } from "./schema.js";
import { MAX_NESTING } from "./timeline.js";
import type { Routine, Step, StepItem } from "./vocabulary.js";

export type { Issue };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const describe = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${quote(value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
};

const joinPath = (base: string, key: string | number): string =>
  typeof key === "number" ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/**
 * Checks a parsed JSON value against the routine format and converts it into a `Routine`
 * (durations in seconds). Collects every problem rather than stopping at the first.
 */
export function validateRoutine(value: unknown): { routine?: Routine; issues: Issue[] } {
  const issues: Issue[] = [];
  const error = (path: string, message: string): undefined => {
    issues.push({ severity: "error", path, message });
    return undefined;
  };

  const check = (field: Field, v: unknown, path: string): unknown => {
    switch (field.type) {
      case "string": {
        if (typeof v !== "string") return error(path, `expected text, found ${describe(v)}`);
        if (v.trim() === "") return error(path, "is empty; write some text or leave it out");
        if (hasUnsafe(v, { multiline: field.multiline })) {
          return error(
            path,
            "contains a control character, terminal escape sequence or text-direction override; use plain text",
          );
        }
        // Characters as a person counts them (code points), as the schema does.
        const length = [...v].length;
        if (length > field.maxLength) {
          return error(path, `is ${length} characters long; at most ${field.maxLength} fit`);
        }
        if (field.pattern && !field.pattern.test(v)) {
          return error(
            path,
            `${quote(v)} is not a valid id; use lower-case letters, digits and dashes, like "my-stretch"`,
          );
        }
        return v;
      }
      case "enum": {
        if (typeof v === "string" && field.values.includes(v)) return v;
        const hint = typeof v === "string" ? didYouMean(v, field.values) : "";
        return error(path, `${describe(v)} is not one of: ${field.values.join(", ")}.${hint}`);
      }
      case "boolean":
        if (typeof v !== "boolean")
          return error(path, `expected true or false, found ${describe(v)}`);
        return v;
      case "integer": {
        if (typeof v !== "number" || !Number.isInteger(v)) {
          return error(path, `expected a whole number, found ${describe(v)}`);
        }
        if (v < field.minimum) return error(path, `${v} is less than ${field.minimum}`);
        if (field.maximum !== undefined && v > field.maximum) {
          return error(path, `${v} is more than ${field.maximum}`);
        }
        return v;
      }
      case "duration": {
        const result = parseDuration(v);
        if (!result.ok) {
          // a spelling to suggest says enough; otherwise, how durations are written
          const advice = result.suggestion
            ? ""
            : '; write seconds (45) or text like "45s", "10m", "1m30s"';
          return error(path, `${result.problem}${advice}`);
        }
        return result.seconds;
      }
      case "array": {
        if (!Array.isArray(v)) return error(path, `expected a list, found ${describe(v)}`);
        if (field.maxItems !== undefined && v.length > field.maxItems) {
          return error(path, `has ${v.length} entries; at most ${field.maxItems} fit`);
        }
        return v.map((item, i) => check(field.items, item, joinPath(path, i)));
      }
      case "steps": {
        if (!Array.isArray(v)) return error(path, `expected a list of steps, found ${describe(v)}`);
        if (v.length === 0) return error(path, "is empty; a routine needs at least one step");
        // Checked before descending, so a file nested thousands deep is one clear problem.
        if (path.split(".steps").length - 1 > MAX_NESTING) {
          return error(path, `repeat groups nest more than ${MAX_NESTING} deep; flatten them`);
        }
        return v.map((item, i) => {
          const itemPath = joinPath(path, i);
          if (typeof item !== "object" || item === null || Array.isArray(item)) {
            return error(itemPath, `expected a step object, found ${describe(item)}`);
          }
          const variant = stepVariant(item as Record<string, unknown>);
          const before = issues.length;
          const out = checkObject(variant, item, itemPath);
          if (variant === stepField && issues.length === before) {
            const problem = repsProblem(out);
            if (problem) error(joinPath(itemPath, problem.key), problem.message);
          }
          return out;
        });
      }
      case "object":
        if (typeof v !== "object" || v === null || Array.isArray(v)) {
          return error(path, `expected an object, found ${describe(v)}`);
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
        error(keyPath, `the key ${quote(key)} is not allowed`);
      } else if (!Object.hasOwn(field.properties, key)) {
        error(
          keyPath,
          `unknown key ${quote(key)}.${didYouMean(key, known)} Allowed: ${known.join(", ")}`,
        );
      }
    }
    for (const key of field.required) {
      if (!Object.hasOwn(v, key)) error(joinPath(path, key), "is missing");
    }
    for (const [key, sub] of Object.entries(field.properties)) {
      if (Object.hasOwn(v, key))
        out[key] = check(sub, (v as Record<string, unknown>)[key], joinPath(path, key));
    }
    return out;
  };

  const raw = check(routineField, value, "") as Record<string, unknown> | undefined;
  if (issues.length > 0 || !raw) return { issues };
  return { routine: toRoutine(raw), issues };
}

const TEMPO_EXAMPLE = '{"hold": "5s", "rest": "5s"} or a breath {"in": "4s", "out": "4s"}';

/** How long one repetition lasts at a tempo as written, or undefined when it is incomplete. */
function cycleSeconds(tempo: Record<string, number | undefined>): number | undefined {
  if (tempo.hold !== undefined) return tempo.hold + (tempo.rest ?? 0);
  if (tempo.in !== undefined && tempo.out !== undefined) return tempo.in + tempo.out;
  return undefined;
}

/** What is wrong with a step's reps and tempo together, if anything: the key and the words. */
function repsProblem(step: Record<string, unknown>): { key: string; message: string } | undefined {
  const reps = step.reps as number | undefined;
  const tempo = step.tempo as Record<string, number | undefined> | undefined;
  if (reps === undefined && tempo === undefined) return undefined;
  if (reps === undefined)
    return { key: "tempo", message: 'a tempo goes with reps: say how many, like "reps": 5' };
  if (tempo === undefined) return { key: "reps", message: `needs a tempo: ${TEMPO_EXAMPLE}` };
  const hold = tempo.hold !== undefined || tempo.rest !== undefined;
  const breath = tempo.in !== undefined || tempo.out !== undefined;
  if (hold && breath)
    return {
      key: "tempo",
      message: "a tempo is a hold and a rest, or a breath in and out, not both",
    };
  if (!hold && !breath)
    return { key: "tempo", message: `is an empty tempo; write ${TEMPO_EXAMPLE}` };
  if (hold && tempo.hold === undefined)
    return { key: "tempo", message: 'a tempo with a rest needs a "hold"' };
  const cycle = cycleSeconds(tempo);
  if (cycle === undefined)
    return { key: "tempo", message: 'a breath in a tempo needs both "in" and "out"' };
  const total = reps * cycle;
  const duration = step.duration as number | undefined;
  if (duration !== undefined && duration !== total) {
    return {
      key: "duration",
      message: `is ${formatDuration(duration)}, but ${reps} repetitions of ${formatDuration(cycle)} last ${formatDuration(total)}; write "${total}s" or leave the duration out`,
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
