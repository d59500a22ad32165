import { type CycleSpec, cycleTimeline } from "../cycle.js";
import { withKindCautions } from "../routine/describe.js";
import type { Area } from "../routine/vocabulary.js";
import { coachText as words } from "../text/coach.js";
import type { Plan } from "./plan.js";

/**
 * A cycle of cold or heat made up on the command line: named by its minutes and rounds, with
 * the guide routine's cautions and always those of the kind, even without a guide routine.
 */
export function cyclePlan(spec: CycleSpec, areas: Area[], guideCautions: readonly string[]): Plan {
  const { kind } = spec;
  return {
    id: `cycle-${kind}`,
    name: words.cycleName(kind, spec.onMinutes, spec.offMinutes, spec.rounds),
    category: kind,
    areas,
    cautions: withKindCautions(guideCautions, [{ kind }]),
    resumable: false,
    timeline: cycleTimeline(spec),
  };
}
