import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { delimiter, dirname } from "node:path";
import { remindText } from "../text/remind.js";
import { remindFiles } from "./profile.js";

/**
 * The small launcher every scheduler entry runs (in knot's data folder): it finds Node and
 * knot when it runs, so a Node upgrade by a version manager, or knot run once through npx,
 * does not leave entries pointing at paths that are gone; and it sends the run's output to
 * knot's own log, so cron mails nothing. All the folders it needs are in the script, each
 * quoted for sh, so no scheduler entry holds more than the launcher's path and an id.
 */
export interface LauncherSetup {
  /** Node and knot's script when the entry was written: tried first while they still run. */
  node: string;
  knot: string;
  /** Settings and data folders this profile uses, and where the person's PATH looked. */
  env: NodeJS.ProcessEnv;
  dataDir: string;
}

/** A word for sh: single quotes hold any byte but the quote itself. */
export const shWord = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;

const CARRIED = [
  "HOME",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "XDG_RUNTIME_DIR",
  "LANG",
  "TZ",
  // the language knot words its reminders in
  "KNOT_LANG",
];

/** An echo of a message in knot's words around a shell variable's value (where it looked). */
const say = (message: (was: string) => string, variable: string) => {
  const [before = "", after = ""] = message("\0").split("\0");
  return `echo ${shWord(before)}"${variable}"${shWord(after)}`;
};

export function launcherScript(setup: LauncherSetup): string {
  const files = remindFiles(setup.dataDir);
  const exports = CARRIED.flatMap((name) => {
    const value = setup.env[name];
    return value ? [`${name}=${shWord(value)}; export ${name}`] : [];
  });
  const pathDirs = (setup.env.PATH ?? "")
    .split(delimiter)
    .filter((d) => d.startsWith("/") && !d.includes(":"));
  const extra = [dirname(setup.node), ...pathDirs, "/usr/local/bin", "/opt/homebrew/bin"];
  return `#!/bin/sh
# knot's reminder launcher, written by knot remind (knot remind repair writes it again).
# The scheduler runs: remind-launcher.sh ID. It finds Node and knot when it runs, so an
# upgrade does not break reminders, and keeps their output in knot's own log.
${exports.join("\n")}
PATH="$PATH:"${shWord([...new Set(extra)].join(":"))}; export PATH
setup_node=${shWord(setup.node)}
setup_knot=${shWord(setup.knot)}
out=${shWord(files.output)}

runs() { [ -n "$1" ] && [ -x "$1" ] && "$1" -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' >/dev/null 2>&1; }
is_knot() { [ -f "$1" ] && head -c 300 "$1" 2>/dev/null | grep -q node; }
find_node() {
  runs "$setup_node" && { echo "$setup_node"; return 0; }
  # a version manager's newest Node, then the PATH's, then the usual places
  found=""
  for n in "$HOME"/.nvm/versions/node/*/bin/node "$HOME"/.local/share/fnm/node-versions/*/installation/bin/node; do
    runs "$n" && found="$n"
  done
  for n in "$HOME"/.volta/bin/node "$HOME"/.asdf/shims/node; do
    [ -z "$found" ] && runs "$n" && found="$n"
  done
  [ -n "$found" ] && { echo "$found"; return 0; }
  for n in "$(command -v node 2>/dev/null)" /usr/local/bin/node /opt/homebrew/bin/node /usr/bin/node; do
    runs "$n" && { echo "$n"; return 0; }
  done
  return 1
}
find_knot() {
  case "$setup_knot" in */_npx/*) ;; *) is_knot "$setup_knot" && { echo "$setup_knot"; return 0; } ;; esac
  k="$(command -v knot 2>/dev/null)"; is_knot "$k" && { echo "$k"; return 0; }
  d="$(dirname "$1")"
  for k in "$d/../lib/node_modules/knot-coach/bin/knot.js" "$d/node_modules/knot-coach/bin/knot.js"; do is_knot "$k" && { echo "$k"; return 0; }; done
  is_knot "$setup_knot" && { echo "$setup_knot"; return 0; }
  return 1
}

case "$1" in
  --check)
    node="$(find_node)" || { ${say(remindText.launcherNoNodeCheck, "$setup_node")}; exit 127; }
    knot="$(find_knot "$node")" || { ${say(remindText.launcherNoKnotCheck, "$setup_knot")}; exit 127; }
    echo "node=$node"; echo "knot=$knot"; exit 0 ;;
  r[0-9]*) ;;
  *) echo "usage: remind-launcher.sh ID" >&2; exit 2 ;;
esac
if [ -f "$out" ] && [ "$(wc -c < "$out")" -gt 65536 ]; then mv -f "$out" "$out.1"; fi
exec >>"$out" 2>&1
echo "--- $(date '+%Y-%m-%d %H:%M:%S') remind fire $1"
node="$(find_node)" || { ${say(remindText.launcherNoNode, "$setup_node")}; exit 127; }
knot="$(find_knot "$node")" || { ${say(remindText.launcherNoKnot, "$setup_knot")}; exit 127; }
exec "$node" "$knot" remind fire "$1"
`;
}

/** Writes the launcher (atomically, executable); returns its path. */
export function writeLauncher(setup: LauncherSetup): string {
  const file = remindFiles(setup.dataDir).launcher;
  mkdirSync(dirname(file), { recursive: true });
  const text = launcherScript(setup);
  let current: string | undefined;
  try {
    current = readFileSync(file, "utf8");
  } catch {
    // not there yet
  }
  if (current !== text) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text, { mode: 0o755 });
    chmodSync(tmp, 0o755);
    renameSync(tmp, file);
  }
  return file;
}
