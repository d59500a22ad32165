import { KnotError } from "./errors.js";
import { THERMAL_RULES } from "./health.js";
import { LIMITS } from "./routine/limits.js";
import type { TimelineEntry } from "./routine/timeline.js";
import { isThermal } from "./routine/vocabulary.js";
import { checkSessionRules } from "./safety/rules.js";
import { quote } from "./ui/safe.js";

/** An ad-hoc cold or heat cycle, as people say them: "cold 10, off 15, twice". */
export interface CycleSpec {
  kind: "cold" | "heat";
  onMinutes: number;
  offMinutes: number;
  rounds: number;
}

const FORMS = 'Write it like "cold-10/off-15", "cold-10/off-15/x3" or "heat-15".';

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
      if (spec.kind && spec.kind !== kind)
        throw new KnotError("A cycle is either cold or heat, not both.");
      spec.kind = kind;
      spec.onMinutes = Number(thermal[2]);
    } else if (off) {
      spec.offMinutes = Number(off[1]);
    } else if (rounds) {
      spec.rounds = Number(rounds[1]);
    } else if (isThermal(token)) {
      spec.kind = token;
    } else {
      throw new KnotError(`${quote(token)} is not part of a cycle. ${FORMS}`);
    }
  }
  return spec;
}

/**
 * Checks a cycle against the session rules (safety/rules.ts). Hard rules always refuse it;
 * guidance rules refuse it unless `force`, and then come back as what --force overrides.
 */
export function checkCycle(spec: CycleSpec, force: boolean): string[] {
  const what = spec.kind === "cold" ? "Cold" : "Heat";
  if (!Number.isInteger(spec.onMinutes) || spec.onMinutes < 1) {
    throw new KnotError(`${what} time must be a whole number of minutes, 1 or more.`);
  }
  if (!Number.isInteger(spec.offMinutes) || spec.offMinutes < 1 || spec.offMinutes > 240) {
    throw new KnotError("Time off must be a whole number of minutes from 1 to 240.");
  }
  if (!Number.isInteger(spec.rounds) || spec.rounds < 1 || spec.rounds > LIMITS.repeat) {
    throw new KnotError(`Rounds must be a whole number from 1 to ${LIMITS.repeat}.`);
  }
  const breaches = checkSessionRules(cycleTimeline(spec));
  const hard = breaches.filter((b) => b.level === "hard");
  if (hard.length > 0) {
    throw new KnotError(`This cycle breaks a safety rule: ${hard[0]!.message}.`, {
      hint: `Rule: ${hard[0]!.rule}. ${THERMAL_SOURCES} Nothing overrides this rule, not even --force.`,
    });
  }
  const guidance = breaches.map((b) => b.message);
  if (guidance.length > 0 && !force) {
    throw new KnotError(`This cycle goes past the guidance: ${guidance[0]}.`, {
      hint: `Rule: ${breaches[0]!.rule}. ${THERMAL_SOURCES} If a clinician has advised it, add --force to override this guidance.`,
    });
  }
  return guidance;
}

const THERMAL_SOURCES = `(MPFT NHS and Mayo: cold or heat 10-${THERMAL_RULES.maxApplicationSeconds / 60} minutes at a time, heat up to ${THERMAL_RULES.maxHeatPerDay} times a day; Bleakley et al. 2006: 10 on, 10 off, 10 on.)`;

/** The steps of a cycle: the towel reminder, then each round, with a skin check before each new one. */
export function cycleTimeline(spec: CycleSpec): TimelineEntry[] {
  const cold = spec.kind === "cold";
  const steps: TimelineEntry[] = [
    {
      name: cold ? "Wrap the cold pack" : "Set up the heat",
      kind: "prepare",
      seconds: null,
      instruction: cold
        ? "Wrap the pack in a damp towel; never put ice on bare skin. Check the skin looks and feels normal first."
        : "Set the pad to low, or use a hot-water bottle filled hot but not boiling, and wrap it in a cover or towel.",
    },
  ];
  for (let r = 1; r <= spec.rounds; r++) {
    const round = { index: r, of: spec.rounds };
    if (r > 1) {
      steps.push({
        name: "Check your skin",
        kind: "prepare",
        seconds: null,
        round,
        instruction: `Look at and feel the skin where the ${cold ? "pack" : "heat"} goes: carry on only if it looks and feels normal again, not very red, not still ${cold ? "cold" : "hot"}. knot asks about the skin, one key each.`,
      });
    }
    steps.push({
      name: cold ? "Cold pack on" : "Heat on",
      kind: spec.kind,
      seconds: spec.onMinutes * 60,
      round,
      instruction: cold
        ? "Rest the wrapped pack on the sore spot. Take it off early if the skin goes numb or it hurts."
        : "Rest the wrapped heat on the tight area. Take it off at once if it feels too hot. Do not fall asleep with it on.",
    });
    if (r < spec.rounds) {
      steps.push({
        name: cold ? "Pack off" : "Heat off",
        kind: "rest",
        seconds: spec.offMinutes * 60,
        round,
        instruction: "Take it off and let the skin return to normal. Move about gently if you can.",
      });
    }
  }
  return steps;
}
