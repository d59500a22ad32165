import { coach } from "../coach/coach.js";
import { cyclePlan } from "../coach/cycle-plan.js";
import type { CoachFlags } from "../coach/options.js";
import { parseWholeNumber } from "../coach/whole-number.js";
import { type Context, println } from "../context.js";
import { type CycleSpec, checkCycle, parseShortForm } from "../cycle.js";
import { KnotError } from "../errors.js";
import { LIMITS } from "../routine/limits.js";
import { AREAS, type Area } from "../routine/vocabulary.js";
import { closestMatches } from "../suggest.js";
import { didYouMean, routineText } from "../text/routine.js";
import { rulesText } from "../text/rules.js";
import { canAsk, choose } from "../ui/prompt.js";
import { quote } from "../ui/safe.js";
import { readUserSettings } from "./settings.js";
import { openLibrary } from "./shared.js";

export interface CycleOptions extends CoachFlags {
  cold?: string | boolean;
  heat?: string | boolean;
  off?: string;
  rounds?: string;
  force?: boolean;
  area?: string;
}

/**
 * The body area the pack goes on: --area, or asked at a terminal (the record keeps it, so
 * stats and the per-area rules see where cold and heat were used, and the neck's questions
 * are asked for the neck). Without either, none is recorded.
 */
async function areaOf(options: CycleOptions, kind: "cold" | "heat", ctx: Context): Promise<Area[]> {
  if (options.area !== undefined) {
    if ((AREAS as readonly string[]).includes(options.area)) return [options.area as Area];
    throw new KnotError(
      routineText.notArea(quote(options.area), didYouMean(closestMatches(options.area, AREAS))),
      { hint: routineText.areas(AREAS.join(", ")) },
    );
  }
  if (!canAsk(ctx) || options.yes) return [];
  const area = await choose(
    ctx,
    rulesText.cycle.where(kind),
    AREAS.map((a) => ({ name: rulesText.cycle.area(a), value: a })),
  );
  return [area];
}

export async function cycle(words: string[], options: CycleOptions, ctx: Context): Promise<number> {
  const short = parseShortForm(words);
  if (options.cold !== undefined && options.heat !== undefined) {
    throw new KnotError(rulesText.cycle.bothFlags);
  }
  const flagKind =
    options.heat !== undefined ? "heat" : options.cold !== undefined ? "cold" : undefined;
  if (flagKind && short.kind && flagKind !== short.kind) {
    throw new KnotError(rulesText.cycle.flagDisagrees(short.kind, flagKind));
  }
  const kind = flagKind ?? short.kind ?? "cold";
  const config = await readUserSettings(ctx);
  const minutesFlag = kind === "cold" ? options.cold : options.heat;
  const minutes = (flag: string, raw: string) => parseWholeNumber(flag, raw, 1, 1000);
  const spec: CycleSpec = {
    kind,
    onMinutes:
      typeof minutesFlag === "string"
        ? minutes(`--${kind}`, minutesFlag)
        : (short.onMinutes ?? (kind === "cold" ? (config.get("cold.minutes") as number) : 15)),
    offMinutes:
      options.off !== undefined
        ? minutes("--off", options.off)
        : (short.offMinutes ?? (config.get("cold.offMinutes") as number)),
    rounds:
      options.rounds !== undefined
        ? parseWholeNumber("--rounds", options.rounds, 1, LIMITS.repeat)
        : (short.rounds ?? (kind === "cold" ? (config.get("cold.rounds") as number) : 1)),
  };
  const overridden = checkCycle(spec, Boolean(options.force));
  for (const breach of overridden) {
    println(ctx.stderr, ctx.errStyle.warn(rulesText.cycle.overriding(rulesText.breach(breach))));
  }

  const areas = await areaOf(options, kind, ctx);
  const guide = openLibrary(ctx).find(kind === "cold" ? "cold-cycle" : "heat");
  return coach(ctx, cyclePlan(spec, areas, guide?.routine.cautions ?? []), options, config);
}
