import { Chalk, type ChalkInstance } from "chalk";

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

/** The one colour map: every command styles text through these names. */
export function createStyle(color: boolean) {
  const c: ChalkInstance = new Chalk({ level: color ? 2 : 0 });
  return {
    heading: c.bold,
    dim: c.dim,
    id: c.cyan,
    ok: c.green,
    warn: c.yellow,
    error: c.red,
    strong: c.bold,
    kind: {
      prepare: c.white,
      hold: c.magenta,
      move: c.green,
      rest: c.blue,
      cold: c.cyanBright,
      heat: c.redBright,
      massage: c.yellow,
    },
  };
}

export type Style = ReturnType<typeof createStyle>;
