import { KnotError } from "./errors.js";
import { LIMITS } from "./routine/limits.js";
import type { RuleBreach } from "./routine/rule-breach.js";
import type { TimelineEntry } from "./routine/timeline.js";
import { isThermal } from "./routine/vocabulary.js";
import { checkSessionRules } from "./safety/rules.js";
import { rulesText } from "./text/rules.js";
import { quote } from "./ui/safe.js";

/** An ad-hoc cold or heat cycle, as people say them: "cold 10, off 15, twice". */
export interface CycleSpec {
  kind: "cold" | "heat";
  onMinutes: number;
  offMinutes: number;
  rounds: number;
}

const words = rulesText.cycle;

/** Reads the short form (`cold-10/off-15 x3`) into the parts it names. */
export function parseShortForm(args: string[]): Partial<CycleSpec> {
  const spec: Partial<CycleSpec> = {};
  const tokens = args.flatMap((a) => a.toLowerCase().split(/[/\s,]+/)).filter(Boolean);
  for (const token of tokens) {
    const thermal = /^(cold|ice|heat|hot)-?(\d+)(?:m|min)?$/.exec(token);
    const off = /^off-?(\d+)(?:m|min)?$/.exec(token);
    const rounds = /^x(\d+)$/.exec(token) ?? /^(\d+)x$/.exec(token);
    if (thermal) {
      const kind = thermal[1] === "heat" || thermal[1] === "hot" ? "heat" : "cold";
      if (spec.kind && spec.kind !== kind) throw new KnotError(words.eitherOr);
      spec.kind = kind;
      spec.onMinutes = Number(thermal[2]);
    } else if (off) {
      spec.offMinutes = Number(off[1]);
    } else if (rounds) {
      spec.rounds = Number(rounds[1]);
    } else if (isThermal(token)) {
      spec.kind = token;
    } else {
      throw new KnotError(words.notPart(quote(token), words.forms));
    }
  }
  return spec;
}

/**
 * Checks a cycle against the session rules (safety/rules.ts). Hard rules always refuse it;
 * guidance rules refuse it unless `force`, and then come back as what --force overrides.
 */
export function checkCycle(spec: CycleSpec, force: boolean): RuleBreach[] {
  if (!Number.isInteger(spec.onMinutes) || spec.onMinutes < 1) {
    throw new KnotError(words.onTime(spec.kind));
  }
  if (!Number.isInteger(spec.offMinutes) || spec.offMinutes < 1 || spec.offMinutes > 240) {
    throw new KnotError(words.offTime);
  }
  if (!Number.isInteger(spec.rounds) || spec.rounds < 1 || spec.rounds > LIMITS.repeat) {
    throw new KnotError(words.rounds(LIMITS.repeat));
  }
  const breaches = checkSessionRules(cycleTimeline(spec));
  const hard = breaches.filter((b) => b.level === "hard");
  if (hard.length > 0) {
    throw new KnotError(words.breaks(rulesText.breach(hard[0]!)), {
      hint: words.hardHint(hard[0]!.rule, words.sources),
    });
  }
  if (breaches.length > 0 && !force) {
    throw new KnotError(words.pastGuidance(rulesText.breach(breaches[0]!)), {
      hint: words.guidanceHint(breaches[0]!.rule, words.sources),
    });
  }
  return breaches;
}

/** The steps of a cycle: the towel reminder, then each round, with a skin check before each new one. */
export function cycleTimeline(spec: CycleSpec): TimelineEntry[] {
  const { kind } = spec;
  const step = words.steps;
  const steps: TimelineEntry[] = [
    { name: step.wrapName(kind), kind: "prepare", seconds: null, instruction: step.wrap(kind) },
  ];
  for (let r = 1; r <= spec.rounds; r++) {
    const round = { index: r, of: spec.rounds };
    if (r > 1) {
      steps.push({
        name: step.checkName,
        kind: "prepare",
        seconds: null,
        round,
        instruction: step.check(kind),
      });
    }
    steps.push({
      name: step.onName(kind),
      kind,
      seconds: spec.onMinutes * 60,
      round,
      instruction: step.on(kind),
    });
    if (r < spec.rounds) {
      steps.push({
        name: step.offName(kind),
        kind: "rest",
        seconds: spec.offMinutes * 60,
        round,
        instruction: step.off,
      });
    }
  }
  return steps;
}
