import { type DurationProblem, formatDuration } from "../duration.js";
import type { Finding, Found, Issue, Problem } from "../routine/issue.js";
import { quote } from "../ui/safe.js";
import { localized } from "./locale.js";
import { rulesText } from "./rules.js";

const TEMPO_EXAMPLE = '{"hold": "5s", "rest": "5s"} or a breath {"in": "4s", "out": "4s"}';

/** The words of a routine file's problems, and of the list of them knot prints. */
export const routineText = localized({
  found: {
    null: "null",
    list: "a list",
    object: "an object",
    text: (text: string) => `the text ${quote(text)}`,
    other: (type: string, value: string) => `${type} ${value}`,
  },
  notCategory: (category: string, suggestion: string) =>
    `${category} is not a category.${suggestion}`,
  categories: (list: string) => `Categories: ${list}`,
  notArea: (area: string, suggestion: string) => `${area} is not a body area.${suggestion}`,
  areas: (list: string) => `Areas: ${list}`,
  duration: {
    notANumber: "NaN is not a duration",
    overADay: (text?: string) =>
      `${text === undefined ? "" : `${text} `}is more than a day, which no step can be`,
    notPositive: (value: string) => `${value} is not more than 0 seconds`,
    notWhole: (value: number) => `${value} is not a whole number of seconds`,
    notText:
      'expected a whole number of seconds such as 45, or a string such as "45s", "10m" or "1m30s"',
    tooLong: (text: string) => `${text} is not a duration (too long)`,
    notADuration: (text: string, suggestion?: string) =>
      suggestion === undefined
        ? `${text} is not a duration`
        : `${text} is not a duration; did you mean "${suggestion}"?`,
  },
  didYouMean: (matches: readonly string[]) =>
    ` Did you mean ${matches.map((m) => `"${m}"`).join(" or ")}?`,
  notText: (found: string) => `expected text, found ${found}`,
  notBoolean: (found: string) => `expected true or false, found ${found}`,
  notInteger: (found: string) => `expected a whole number, found ${found}`,
  notList: (found: string) => `expected a list, found ${found}`,
  notSteps: (found: string) => `expected a list of steps, found ${found}`,
  notStep: (found: string) => `expected a step object, found ${found}`,
  notObject: (found: string) => `expected an object, found ${found}`,
  emptyText: "is empty; write some text or leave it out",
  unsafeText:
    "contains a control character, terminal escape sequence or text-direction override; use plain text",
  noSteps: "is empty; a routine needs at least one step",
  missing: "is missing",
  tooLong: (length: number, max: number) => `is ${length} characters long; at most ${max} fit`,
  badId: (value: string) =>
    `${quote(value)} is not a valid id; use lower-case letters, digits and dashes, like "my-stretch"`,
  notOneOf: (found: string, values: readonly string[], hint: string) =>
    `${found} is not one of: ${values.join(", ")}.${hint}`,
  belowMinimum: (value: number, minimum: number) => `${value} is less than ${minimum}`,
  aboveMaximum: (value: number, maximum: number) => `${value} is more than ${maximum}`,
  durationAdvice: '; write seconds (45) or text like "45s", "10m", "1m30s"',
  tooMany: (count: number, max: number) => `has ${count} entries; at most ${max} fit`,
  tooDeep: (max: number) => `repeat groups nest more than ${max} deep; flatten them`,
  nestTooDeep: (max: number) => `repeats and includes nest more than ${max} deep; flatten them`,
  forbiddenKey: (key: string) => `the key ${quote(key)} is not allowed`,
  unknownKey: (key: string, hint: string, allowed: readonly string[]) =>
    `unknown key ${quote(key)}.${hint} Allowed: ${allowed.join(", ")}`,
  tempoWithoutReps: 'a tempo goes with reps: say how many, like "reps": 5',
  repsWithoutTempo: `needs a tempo: ${TEMPO_EXAMPLE}`,
  tempoBoth: "a tempo is a hold and a rest, or a breath in and out, not both",
  tempoEmpty: `is an empty tempo; write ${TEMPO_EXAMPLE}`,
  restWithoutHold: 'a tempo with a rest needs a "hold"',
  breathIncomplete: 'a breath in a tempo needs both "in" and "out"',
  durationDisagrees: (seconds: number, reps: number, cycle: number, total: number) =>
    `is ${formatDuration(seconds)}, but ${reps} repetitions of ${formatDuration(cycle)} last ${formatDuration(total)}; write "${total}s" or leave the duration out`,
  tooManySteps: (max: number) => `expands to more than ${max} steps; use fewer repeats`,
  includeCycle: (cycle: readonly string[]) => `includes itself in a cycle: ${cycle.join(" -> ")}`,
  unknownInclude: (id: string) => `includes ${quote(id)}, which is not a known routine`,
  /** A routine's limits: errors, then warnings. */
  limits: {
    repeatOver: (repeat: number, max: number) =>
      `repeats ${repeat} times; at most ${max} are allowed`,
    stepTooLong: (seconds: number) =>
      `${formatDuration(seconds)} is too long for one step; at most 60 minutes`,
    thermalText: (name: string, what: string, kind: string, on: number, off: number) =>
      `"${name}" is about ${what}, so it must be a ${kind} step ("kind": "${kind}"): only then does knot time it and keep it to the ${kind} rules (at most ${on} minutes on, then at least ${off} off)`,
    massageNoArea: (name: string) =>
      `the massage step "${name}" has no area, and the routine lists none, so it could not be counted against the daily massage limit; give it an "area" (or the routine "areas")`,
    includedMassageNoArea: (name: string) =>
      `the included massage step "${name}" has no area, and this routine lists none, so it could not be counted against the daily massage limit; give this routine "areas"`,
    massageOverCeiling: (area: string, seconds: number, max: number) =>
      `massages the ${area} for ${formatDuration(seconds)}, more than ${max} minutes, the most the daily massage limit per area can ever be`,
    sessionRule: (message: string, rule: string) => `${message} [${rule}]`,
    routineTooLong: (seconds: number) =>
      `the routine lasts ${formatDuration(seconds)}; at most 3 hours are allowed`,
    holdTooLong: (seconds: number) =>
      `a ${formatDuration(seconds)} hold is longer than the 10-30 seconds that stretching guidance suggests`,
    /** Said aloud, a step's words take longer than the step; `room`: the instruction's words that fit, 0 for none. */
    speechTooLong: (seconds: number, words: number, stepSeconds: number, room: number) =>
      `said aloud with its name, it takes about ${formatDuration(seconds)} (${words} words at 150 words a minute), longer than the step's ${formatDuration(stepSeconds)}; ${
        room > 0
          ? `shorten the instruction to at most ${room} words, or put the how-to in a prepare step before it`
          : "shorten the name, or make the step longer"
      }`,
    massageOverDefault: (area: string, seconds: number, defaultMinutes: number) =>
      `massages the ${area} for ${formatDuration(seconds)}, more than knot's default daily limit of ${defaultMinutes} minutes per area (the setting massage.dailyLimitMinutes); before it starts, knot offers to shorten it`,
  },
  /** The routines folder, and routines asked for by name. */
  library: {
    idTaken: (id: string, file: string) =>
      `the id "${id}" is already used by ${file}; give each routine its own id`,
    brokenInclude: (id: string) => `includes "${id}", which has errors (see knot validate)`,
    notChecked: (why: string) => `could not be checked (${why})`,
    noSuchRoutine: (name: string, hint: string) =>
      `There is no routine called ${quote(name)}.${hint}`,
    noSuchRoutineHint: `Run "knot list" to see all routines, or give the path to a routine file.`,
  },
  /** The list of a file's problems. */
  report: {
    warning: "warning: ",
    /** One problem: "  warning: steps[1]: <message>" (the label and path empty when none). */
    issue: (label: string, path: string, message: string) =>
      `  ${label}${path ? `${path}: ` : ""}${message}`,
    more: (count: number) => `  ...and ${count} more`,
    problems: (file: string, errors: number) =>
      `${file} has ${errors === 1 ? "a problem" : `${errors} problems`}:`,
    file: (file: string) => `${file}:`,
  },
});

const t = routineText;

function found(f: Found): string {
  if (f.is === "text") return t.found.text(f.text);
  if (f.is === "other") return t.found.other(f.type, f.value);
  return t.found[f.is];
}

/** Why a value is not a duration, in words. */
export function durationProblem(p: DurationProblem): string {
  const shown = (value: number | string) => (typeof value === "string" ? quote(value) : `${value}`);
  switch (p.code) {
    case "not-a-number":
      return t.duration.notANumber;
    case "over-a-day":
      return t.duration.overADay(p.text === undefined ? undefined : quote(p.text));
    case "not-positive":
      return t.duration.notPositive(shown(p.value));
    case "not-whole":
      return t.duration.notWhole(p.value);
    case "not-text":
      return t.duration.notText;
    case "too-long":
      return t.duration.tooLong(quote(p.text));
    case "not-a-duration":
      return t.duration.notADuration(quote(p.text), p.suggestion);
  }
}

/** ' Did you mean "a" or "b"?', or nothing when nothing is near. */
export function didYouMean(matches: readonly string[]): string {
  return matches.length === 0 ? "" : t.didYouMean(matches);
}

/** A routine file's problem in words. */
export function problemText(p: Problem): string {
  switch (p.code) {
    case "not-text":
      return t.notText(found(p.found));
    case "not-boolean":
      return t.notBoolean(found(p.found));
    case "not-integer":
      return t.notInteger(found(p.found));
    case "not-list":
      return t.notList(found(p.found));
    case "not-steps":
      return t.notSteps(found(p.found));
    case "not-step":
      return t.notStep(found(p.found));
    case "not-object":
      return t.notObject(found(p.found));
    case "empty-text":
      return t.emptyText;
    case "unsafe-text":
      return t.unsafeText;
    case "no-steps":
      return t.noSteps;
    case "missing":
      return t.missing;
    case "too-long":
      return t.tooLong(p.length, p.max);
    case "bad-id":
      return t.badId(p.value);
    case "not-one-of":
      return t.notOneOf(found(p.found), p.values, didYouMean(p.matches));
    case "below-minimum":
      return t.belowMinimum(p.value, p.minimum);
    case "above-maximum":
      return t.aboveMaximum(p.value, p.maximum);
    case "bad-duration":
      return `${durationProblem(p.problem)}${p.suggested ? "" : t.durationAdvice}`;
    case "too-many":
      return t.tooMany(p.count, p.max);
    case "too-deep":
      return t.tooDeep(p.max);
    case "nest-too-deep":
      return t.nestTooDeep(p.max);
    case "forbidden-key":
      return t.forbiddenKey(p.key);
    case "unknown-key":
      return t.unknownKey(p.key, didYouMean(p.matches), p.allowed);
    case "tempo-without-reps":
      return t.tempoWithoutReps;
    case "reps-without-tempo":
      return t.repsWithoutTempo;
    case "tempo-both":
      return t.tempoBoth;
    case "tempo-empty":
      return t.tempoEmpty;
    case "rest-without-hold":
      return t.restWithoutHold;
    case "breath-incomplete":
      return t.breathIncomplete;
    case "duration-disagrees":
      return t.durationDisagrees(p.seconds, p.reps, p.cycle, p.total);
    case "too-many-steps":
      return t.tooManySteps(p.max);
    case "include-cycle":
      return t.includeCycle(p.cycle);
    case "unknown-include":
      return t.unknownInclude(p.id);
    case "repeat-over":
      return t.limits.repeatOver(p.repeat, p.max);
    case "step-too-long":
      return t.limits.stepTooLong(p.seconds);
    case "thermal-text":
      return t.limits.thermalText(
        p.name,
        rulesText.thermalThing[p.what],
        p.kind,
        p.onMinutes,
        p.offMinutes,
      );
    case "massage-no-area":
      return t.limits.massageNoArea(p.name);
    case "included-massage-no-area":
      return t.limits.includedMassageNoArea(p.name);
    case "massage-over-ceiling":
      return t.limits.massageOverCeiling(p.area, p.seconds, p.maxMinutes);
    case "session-rule":
      return t.limits.sessionRule(rulesText.breach(p.breach), p.breach.rule);
    case "routine-too-long":
      return t.limits.routineTooLong(p.seconds);
    case "hold-too-long":
      return t.limits.holdTooLong(p.seconds);
    case "speech-too-long":
      return t.limits.speechTooLong(p.seconds, p.words, p.stepSeconds, p.instruction ? p.room : 0);
    case "massage-over-default":
      return t.limits.massageOverDefault(p.area, p.seconds, p.defaultMinutes);
  }
}

/** Findings with their problems worded, as knot prints and reports them. */
export function issuesOf(findings: readonly Finding[]): Issue[] {
  return findings.map(({ severity, path, problem }) => ({
    severity,
    path,
    message: problemText(problem),
  }));
}
