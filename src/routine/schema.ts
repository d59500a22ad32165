import { DURATION_TEXT_PATTERN, MAX_DURATION_SECONDS, MAX_DURATION_TEXT } from "../duration.js";
import { THERMAL_RULES } from "../health.js";
import { safeTextPattern } from "../ui/safe.js";
import { LIMITS } from "./limits.js";
import { AREAS, CATEGORIES, POSES, STEP_KINDS } from "./vocabulary.js";

/**
 * The one description of the routine format. `validate.ts` checks files against it and
 * `toJsonSchema` turns it into the published `routines/schema.json`, so the two cannot disagree.
 */
export type Field =
  | {
      type: "string";
      description: string;
      maxLength: number;
      multiline?: boolean;
      pattern?: RegExp;
    }
  | { type: "enum"; description: string; values: readonly string[] }
  | { type: "boolean"; description: string }
  | { type: "integer"; description: string; minimum: number; maximum?: number }
  | { type: "duration"; description: string }
  | { type: "array"; description: string; items: Field; minItems?: number; maxItems?: number }
  | ObjectField
  | { type: "steps"; description: string };

export interface ObjectField {
  type: "object";
  description: string;
  properties: Record<string, Field>;
  required: readonly string[];
}

const text = (description: string, maxLength: number, multiline = false): Field => ({
  type: "string",
  description,
  maxLength,
  multiline,
});

const area: Field = { type: "enum", description: "A body area.", values: AREAS };

/** Step lists may hold steps, repeat groups and includes, nested; see `stepVariant`. */
const steps: Field = {
  type: "steps",
  description: "Steps, repeat groups and includes, run in order.",
};

/** The most repetitions a step may count. */
export const MAX_REPS = 30;

export const stepField: ObjectField = {
  type: "object",
  description: "One step of a routine.",
  required: ["name", "kind"],
  properties: {
    name: text("What the step is called, shown large on screen.", 80),
    instruction: text("How to do it, in a sentence or two.", 1000, true),
    kind: { type: "enum", description: "What sort of step this is.", values: STEP_KINDS },
    duration: {
      type: "duration",
      description: 'Seconds, or "45s", "10m", "1m30s". Leave it out to wait for Enter.',
    },
    sides: {
      type: "boolean",
      description: "Run the step once for the left side and once for the right.",
    },
    area,
    pose: {
      type: "enum",
      description: "The figure drawn beside the step (see docs/poses).",
      values: POSES,
    },
    reps: {
      type: "integer",
      description:
        "Repetitions inside the step, counted on screen and by voice; needs a tempo, and the step then lasts reps × the tempo.",
      minimum: 2,
      maximum: MAX_REPS,
    },
    tempo: {
      type: "object",
      description:
        'The pace of one repetition: "hold" and "rest" (a rest may be left out), or a breath "in" and "out".',
      required: [],
      properties: {
        hold: { type: "duration", description: "How long each repetition is held." },
        rest: { type: "duration", description: "The rest after each hold." },
        in: { type: "duration", description: "A breath in." },
        out: { type: "duration", description: "A breath out." },
      },
    },
  },
};

export const repeatField: ObjectField = {
  type: "object",
  description: "A group of steps run several times.",
  required: ["repeat", "steps"],
  properties: {
    repeat: {
      type: "integer",
      description: "How many times to run the steps.",
      minimum: 1,
      maximum: LIMITS.repeat,
    },
    steps: { ...steps, description: "The steps to repeat." },
  },
};

export const includeField: ObjectField = {
  type: "object",
  description: "Runs all the steps of another routine here.",
  required: ["routine"],
  properties: {
    routine: text("The id of the routine to include.", 40),
  },
};

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const routineField: ObjectField = {
  type: "object",
  description: "A knot routine.",
  required: ["id", "name", "category", "steps"],
  properties: {
    $schema: text("Where the JSON Schema for this file is.", 500),
    id: {
      type: "string",
      description: "Short name used on the command line: lower-case letters, digits and dashes.",
      maxLength: 40,
      pattern: ID_PATTERN,
    },
    name: text("The routine's name.", 80),
    summary: text("One line for `knot list`.", 120),
    description: text("A paragraph for `knot show`.", 2000, true),
    category: { type: "enum", description: "The routine's main kind.", values: CATEGORIES },
    areas: { type: "array", description: "Body areas it works on.", items: area, maxItems: 7 },
    cautions: {
      type: "array",
      description: "Safety notes shown before it starts.",
      items: text("A caution.", 500, true),
      maxItems: 20,
    },
    sources: {
      type: "array",
      description: "Where its guidance comes from.",
      items: text("A source.", 300),
      maxItems: 20,
    },
    steps: { ...steps, description: "What the routine does, in order." },
  },
};

/** Which of the three step-list variants an object is meant to be. */
export function stepVariant(value: Record<string, unknown>): ObjectField {
  if (Object.hasOwn(value, "repeat")) return repeatField;
  if (Object.hasOwn(value, "routine")) return includeField;
  return stepField;
}

type Json = { [key: string]: unknown };

/** The schema's stable identity; it changes only with the format. */
export const SCHEMA_ID = "urn:knot:routine-schema:1";

/**
 * What a schema cannot state, checked when a routine loads (knot validate): the published
 * schema and the validator agree on everything else.
 */
export const LOAD_TIME_RULES = [
  "Checked when a routine loads, not by this schema:",
  "an included routine must exist and not include itself;",
  "each routine's id is its own;",
  "a duration is at most a day, a step other than cold or heat at most 60 minutes, a routine at most 3 hours and 2000 steps;",
  "repeats and includes nest at most 8 deep;",
  "reps and a tempo go together: hold (and rest) or in and out, and a duration written beside them is reps × the tempo;",
  `the cold and heat session rules (${THERMAL_RULES.maxApplicationSeconds / 60} minutes an application, a check before each, ${THERMAL_RULES.minOffSeconds / 60} minutes off, ${THERMAL_RULES.maxColdRounds} rounds of cold, heat ${THERMAL_RULES.maxHeatPerDay} times a day);`,
  "a step about ice, a cold pack, a heat pack or hot water is a cold or heat step (a prepare step may mention one for up to a minute);",
  "a massage step has an area, its own or the routine's, and no area gets more than 30 minutes of massage;",
  "a file is UTF-8 JSON of at most 256 KiB.",
];

/** How to write a duration, as an editor shows it beside a value that is not one. */
export const DURATION_HELP =
  'A duration is a whole number of seconds (45) or text such as "45s", "10m", "1m30s" or "1h": digits each followed by h, m or s, no spaces or words.';
const DURATION_HELP_MARKDOWN =
  'Seconds (`45`) or text: `"45s"`, `"10m"`, `"1m30s"`, `"1h"`. Not `"10 mins"`: digits each followed by `h`, `m` or `s`.';

/** The published JSON Schema (draft 2020-12) of the routine format. */
export function toJsonSchema(): Json {
  const convert = (field: Field): Json => {
    switch (field.type) {
      case "string":
        // Lengths count characters (code points), as the validator does.
        return {
          type: "string",
          description: field.description,
          minLength: 1,
          maxLength: field.maxLength,
          pattern: field.pattern ? field.pattern.source : safeTextPattern(field.multiline ?? false),
          patternErrorMessage: field.pattern
            ? field.description
            : "Text without control characters (and on one line, unless it is an instruction, description or caution).",
        };
      case "enum":
        return { description: field.description, enum: [...field.values] };
      case "boolean":
        return { type: "boolean", description: field.description };
      case "integer":
        return {
          type: "integer",
          description: field.description,
          minimum: field.minimum,
          ...(field.maximum === undefined ? {} : { maximum: field.maximum }),
        };
      case "duration":
        // An editor (VS Code) shows the failing alternative's message: each says how to write
        // a duration, so "10 mins" is answered with the forms that work.
        return {
          description: field.description,
          markdownDescription: `${field.description}\n\n${DURATION_HELP_MARKDOWN}`,
          oneOf: [
            {
              type: "integer",
              exclusiveMinimum: 0,
              maximum: MAX_DURATION_SECONDS,
              errorMessage: DURATION_HELP,
            },
            {
              type: "string",
              maxLength: MAX_DURATION_TEXT,
              pattern: DURATION_TEXT_PATTERN,
              patternErrorMessage: DURATION_HELP,
            },
          ],
        };
      case "array":
        return {
          type: "array",
          description: field.description,
          items: convert(field.items),
          ...(field.minItems ? { minItems: field.minItems } : {}),
          ...(field.maxItems ? { maxItems: field.maxItems } : {}),
        };
      case "steps":
        return {
          type: "array",
          description: field.description,
          minItems: 1,
          items: { $ref: "#/$defs/stepItem" },
        };
      case "object":
        return {
          type: "object",
          description: field.description,
          additionalProperties: false,
          required: [...field.required],
          properties: Object.fromEntries(
            Object.entries(field.properties).map(([key, value]) => [key, convert(value)]),
          ),
        };
    }
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "knot routine",
    $comment: LOAD_TIME_RULES.join(" "),
    ...convert(routineField),
    $defs: {
      step: convert(stepField),
      repeat: convert(repeatField),
      include: convert(includeField),
      // As knot reads a step list (stepVariant): an object with "repeat" is a repeat group,
      // else one with "routine" an include, else a step. Said as if/then rather than oneOf,
      // an editor reports an include's own problem, not a step's missing "kind".
      stepItem: {
        if: { type: "object", required: ["repeat"] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
        then: { $ref: "#/$defs/repeat" },
        else: {
          if: { type: "object", required: ["routine"] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
          then: { $ref: "#/$defs/include" },
          else: { $ref: "#/$defs/step" },
        },
      },
    },
  };
}
