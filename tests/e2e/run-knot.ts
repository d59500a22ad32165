import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fakeSpeechDir, pathWith } from "../setup/fake-speech.js";
import { checkPseudo } from "./pseudo.js";

export const KNOT_BIN = fileURLToPath(new URL("../../bin/knot.js", import.meta.url));

if (!existsSync(fileURLToPath(new URL("../../dist/main.js", import.meta.url)))) {
  throw new Error("knot is not built: run `npm run build` (npm test does this first)");
}

/**
 * A fresh home for one run: config and data folders that nothing else uses. The person has
 * just answered the red-flag questions and the neck's (none applies), ahead of time, unless
 * `screened` says otherwise: tests of the screening itself pass []. At a terminal, knot still
 * shows the red flags before a massage, heat or cold session, and before neck work.
 * Speech programs that fail come first on the PATH (see fakeSpeechDir), unless `extra` gives
 * a PATH of its own.
 */
export function isolatedEnv(
  extra: Record<string, string> = {},
  screened: readonly string[] = ["red-flags", "neck"],
): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "knot-e2e-"));
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...rest } = process.env;
  if (screened.length > 0) writeScreening(join(home, "config", "knot"), screened);
  return {
    ...rest,
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    PATH: pathWith(fakeSpeechDir(home), rest.PATH),
    ...extra,
  };
}

/**
 * Writes a settings file in which the person said none of these lists applies, just now, and
 * chose no voice (so knot does not ask about it at the first session), unless `settings` says.
 */
export function writeScreening(configDir: string, lists: readonly string[], settings = {}): void {
  mkdirSync(configDir, { recursive: true });
  const at = new Date().toISOString();
  const screening = Object.fromEntries(lists.map((id) => [id, at]));
  writeFileSync(
    join(configDir, "config.json"),
    JSON.stringify({ voice: false, ...settings, screening }),
  );
}

export interface KnotResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `knot` binary to completion, as a user's shell would (no TTY). */
export function knot(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeout?: number } = {},
): KnotResult {
  const env = options.env ?? isolatedEnv();
  const result = spawnSync(process.execPath, [KNOT_BIN, ...args], {
    env,
    cwd: options.cwd,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: options.timeout ?? 20_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  checkPseudo(args, () => result, env.KNOT_LANG);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A one-minute session of one step, finished `msAgo` before `now`, as knot records it: the
 * step's kind and area (a massage, a cold pack) come from `step`.
 */
export function minuteRecord(now: number, id: string, msAgo: number, step: object) {
  const iso = (ago: number) => new Date(now - ago).toISOString();
  return {
    v: 1,
    id,
    routine: id,
    name: id,
    category: "mixed",
    areas: ["upper-back"],
    sides: [],
    startedAt: iso(msAgo),
    endedAt: iso(msAgo - 60_000),
    plannedSeconds: 60,
    doneSeconds: 60,
    ended: "completed",
    ratings: {},
    steps: [{ name: "s", planned: 60, done: 60, outcome: "done", at: iso(msAgo), ...step }],
    stoppedAt: 0,
  };
}
