import type { ChalkInstance } from "chalk";

/**
 * Whether to colour a stream: never with NO_COLOR (any non-empty value) or --no-color, always
 * with FORCE_COLOR (unless it is "0" or "false"), otherwise only on a terminal that is not dumb.
 */
export function wantsColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  flag?: boolean,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

type Paint = (text: string) => string;
const KINDS = ["prepare", "hold", "move", "rest", "cold", "heat", "massage"] as const;

/**
 * The one colour map: every command styles text through these names. Without a chalk instance
 * (colour off) every style is plain text, and chalk need not even be loaded.
 */
export function createStyle(chalk?: ChalkInstance) {
  const pick = (paint: (c: ChalkInstance) => Paint): Paint => (chalk ? paint(chalk) : String);
  const kindColors: Record<(typeof KINDS)[number], Paint> = {
    prepare: pick((c) => c.white),
    hold: pick((c) => c.magenta),
    move: pick((c) => c.green),
    rest: pick((c) => c.blue),
    cold: pick((c) => c.cyanBright),
    heat: pick((c) => c.redBright),
    massage: pick((c) => c.yellow),
  };
  return {
    heading: pick((c) => c.bold),
    dim: pick((c) => c.dim),
    id: pick((c) => c.cyan),
    ok: pick((c) => c.green),
    warn: pick((c) => c.yellow),
    error: pick((c) => c.red),
    strong: pick((c) => c.bold),
    inverse: pick((c) => c.inverse),
    kind: kindColors,
  };
}

export type Style = ReturnType<typeof createStyle>;

/** Loads chalk only when some stream will be coloured. */
export async function loadChalk(color: boolean): Promise<ChalkInstance | undefined> {
  if (!color) return undefined;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 2 });
}
