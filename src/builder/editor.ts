import { spawnSync } from "node:child_process";
import { onPath as onPathOf } from "../on-path.js";

/** Editors tried, in order, when neither VISUAL nor EDITOR is set: Debian's choice, then two found almost everywhere. */
export const FALLBACK_EDITORS = ["editor", "nano", "vi"] as const;

/**
 * The editor command to open a file with: $VISUAL, then $EDITOR (either may carry arguments,
 * such as "code --wait"), then the first of FALLBACK_EDITORS on the PATH.
 */
export function pickEditor(
  env: NodeJS.ProcessEnv,
  onPath: (name: string) => boolean = (name) => onPathOf(name, env),
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  for (const value of [env.VISUAL, env.EDITOR]) if (value?.trim()) return value.trim();
  if (platform === "win32") return "notepad";
  return FALLBACK_EDITORS.find(onPath);
}

/**
 * Opens `file` in the editor and waits for it to close. The command goes through the shell,
 * as crontab -e and git do, so an EDITOR with arguments works; the file is passed as "$1",
 * never pasted into the command. Returns the editor's exit status (null: it was killed).
 */
export function runEditor(command: string, file: string, env: NodeJS.ProcessEnv): number | null {
  const result =
    process.platform === "win32"
      ? spawnSync(`${command} "${file}"`, { stdio: "inherit", env, shell: true })
      : spawnSync("/bin/sh", ["-c", `${command} "$1"`, "knot-edit", file], {
          stdio: "inherit",
          env,
        });
  if (result.error) throw result.error;
  return result.status;
}
