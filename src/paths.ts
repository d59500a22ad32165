import { isAbsolute, join } from "node:path";
import { ExitCode, KnotError } from "./errors.js";
import { filesText } from "./text/files.js";

/**
 * Where knot keeps preferences (config) and history (data), following each platform's
 * convention: XDG on Linux, Library on macOS, AppData on Windows. Computed here rather than by
 * `conf` so that commands that never touch preferences (`knot list`) need not load it.
 *
 * As the XDG Base Directory spec says, an XDG_* variable holding a relative path is ignored
 * (one would make the history depend on the folder knot is run from). HOME must be an absolute
 * path when it is needed: an empty or relative one is an environment error (exit 1) saying
 * what to set, never a quiet fall back to a shared folder such as /tmp. The error comes only
 * when a command uses the folders, so `knot --help` works anywhere.
 */
export interface KnotPaths {
  readonly config: string;
  readonly data: string;
}

/** An XDG_* value the spec allows: set and absolute. */
const xdg = (value: string | undefined): string | undefined =>
  value && isAbsolute(value) ? value : undefined;

function homeOf(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  // HOME set (even to ""): that is the person's word; unset: the system's account database.
  // node:os only when asked: most starts have HOME, and loading it costs each of them
  const home =
    env.HOME !== undefined && platform !== "win32"
      ? env.HOME
      : process.getBuiltinModule("node:os").homedir();
  if (home && isAbsolute(home)) return home;
  const what = home ? filesText.homeRelative(JSON.stringify(home)) : filesText.homeEmpty;
  throw new KnotError(filesText.noHome(what), {
    exitCode: ExitCode.failure,
    hint:
      platform === "linux" || platform === "freebsd" || platform === "openbsd"
        ? filesText.noHomeHintUnix
        : filesText.noHomeHint,
  });
}

/**
 * A folder worked out when first asked and then kept: a command asks for its data folder dozens
 * of times. An error (no usable HOME) is not kept; it comes each time the folder is asked.
 */
function kept(make: () => string): () => string {
  let path: string | undefined;
  return () => (path ??= make());
}

export function knotPaths(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): KnotPaths {
  const name = "knot";
  const home = () => homeOf(env, platform);
  let config: () => string;
  let data: () => string;
  if (platform === "darwin") {
    config = kept(() => join(home(), "Library", "Preferences", name));
    data = kept(() => join(home(), "Library", "Application Support", name));
  } else if (platform === "win32") {
    config = kept(() =>
      join(xdg(env.APPDATA) ?? join(home(), "AppData", "Roaming"), name, "Config"),
    );
    data = kept(() =>
      join(xdg(env.LOCALAPPDATA) ?? join(home(), "AppData", "Local"), name, "Data"),
    );
  } else {
    config = kept(() => join(xdg(env.XDG_CONFIG_HOME) ?? join(home(), ".config"), name));
    data = kept(() => join(xdg(env.XDG_DATA_HOME) ?? join(home(), ".local", "share"), name));
  }
  return {
    get config() {
      return config();
    },
    get data() {
      return data();
    },
  };
}
