import { appendFileSync, chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The speech programs knot looks for, on every platform. */
export const SPEECH_PROGRAMS = ["spd-say", "espeak-ng", "espeak", "say"] as const;

/**
 * A folder of stand-ins for every speech program: each writes its name and arguments to
 * `calls.log` beside it and fails, so no test ever starts a real voice (or speech-dispatcher).
 * A test that wants a voice puts its own fakes before this folder on the PATH.
 */
export function fakeSpeechDir(root: string): string {
  const dir = join(root, "no-speech-bin");
  mkdirSync(dir, { recursive: true });
  const log = join(dir, "calls.log");
  appendFileSync(log, "");
  for (const name of SPEECH_PROGRAMS) {
    const file = join(dir, name);
    writeFileSync(
      file,
      `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> '${log}'\necho "${name}: no speech in tests" >&2\nexit 1\n`,
    );
    chmodSync(file, 0o755);
  }
  return dir;
}

/** PATH with `dir` first. */
export const pathWith = (dir: string, path = process.env.PATH ?? ""): string =>
  path ? `${dir}${delimiter}${path}` : dir;
