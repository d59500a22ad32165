import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Where knot keeps preferences (config) and history (data), following each platform's
 * convention: XDG on Linux, Library on macOS, AppData on Windows. Computed here rather than by
 * `conf` so that commands that never touch preferences (`knot list`) need not load it.
 */
export interface KnotPaths {
  config: string;
  data: string;
}

export function knotPaths(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): KnotPaths {
  const name = "knot";
  const home = homedir() || tmpdir();
  if (platform === "darwin") {
    const library = join(home, "Library");
    return {
      config: join(library, "Preferences", name),
      data: join(library, "Application Support", name),
    };
  }
  if (platform === "win32") {
    const appData = env.APPDATA || join(home, "AppData", "Roaming");
    const localAppData = env.LOCALAPPDATA || join(home, "AppData", "Local");
    return { config: join(appData, name, "Config"), data: join(localAppData, name, "Data") };
  }
  return {
    config: join(env.XDG_CONFIG_HOME || join(home, ".config"), name),
    data: join(env.XDG_DATA_HOME || join(home, ".local", "share"), name),
  };
}
