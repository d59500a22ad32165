import { existsSync } from "node:fs";
import { type Said, say } from "../text/remind.js";

/**
 * Finding the person's desktop when a scheduler runs knot: cron and launchd start it with a
 * bare environment, and a session bus or display noted at install time is gone after the next
 * login. So each firing looks them up the way the platform allows: the bus at
 * XDG_RUNTIME_DIR/bus, the systemd user manager's environment, logind's session. And it asks
 * whether now is a good time: not while the screen is locked, the person away, or
 * notifications paused.
 */
export interface Probe {
  env: NodeJS.ProcessEnv;
  uid: number | undefined;
  /** Runs a program briefly; stdout as text; status null when it could not run. */
  run: (
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) => { status: number | null; stdout: string };
  exists: (path: string) => boolean;
  findProgram: (name: string) => boolean;
}

export interface Desktop {
  /** The environment to show notifications and open a terminal with. */
  env: NodeJS.ProcessEnv;
  /** Where the bus was found ("XDG_RUNTIME_DIR/bus", "the user manager"), or undefined. */
  bus?: string;
  display?: string;
  /** logind's session for this user, if it knows one. */
  session?: string;
}

const busPath = (address: string | undefined) =>
  /(?:^|;)unix:path=([^,;]+)/.exec(address ?? "")?.[1];

/** KEY=VALUE lines (systemctl show-environment, loginctl show-session). */
function keyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const i = line.indexOf("=");
    if (i > 0) out.set(line.slice(0, i), line.slice(i + 1).replace(/^\$?'(.*)'$/, "$1"));
  }
  return out;
}

export function findDesktop(probe: Probe): Desktop {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const runtime =
    env.XDG_RUNTIME_DIR || (probe.uid === undefined ? undefined : `/run/user/${probe.uid}`);
  if (runtime && probe.exists(runtime)) env.XDG_RUNTIME_DIR = runtime;
  const out: Desktop = { env };

  // the bus: one that is still there, then the runtime folder's, then the user manager's
  const given = env.DBUS_SESSION_BUS_ADDRESS;
  const givenPath = busPath(given);
  if (
    given &&
    (givenPath === undefined
      ? /^(unix:abstract|tcp:|unix:tmpdir)/.test(given)
      : probe.exists(givenPath))
  ) {
    out.bus = "DBUS_SESSION_BUS_ADDRESS";
  } else if (runtime && probe.exists(`${runtime}/bus`)) {
    env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${runtime}/bus`;
    out.bus = "XDG_RUNTIME_DIR/bus";
  } else {
    delete env.DBUS_SESSION_BUS_ADDRESS;
  }
  let manager = new Map<string, string>();
  if (probe.findProgram("systemctl") && env.XDG_RUNTIME_DIR) {
    const r = probe.run("systemctl", ["--user", "show-environment"], env);
    if (r.status === 0) manager = keyValues(r.stdout);
  }
  if (!out.bus) {
    const address = manager.get("DBUS_SESSION_BUS_ADDRESS");
    const path = busPath(address);
    if (address && (path === undefined || probe.exists(path))) {
      env.DBUS_SESSION_BUS_ADDRESS = address;
      out.bus = "the user manager";
    }
  }
  // the display, for the Start button's terminal
  for (const name of ["DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY"]) {
    if (!env[name] && manager.get(name)) env[name] = manager.get(name);
  }
  const session = logindSession(probe, env);
  if (session) {
    out.session = session.id;
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY && session.values.get("Display")) {
      env.DISPLAY = session.values.get("Display");
    }
  }
  out.display = env.WAYLAND_DISPLAY || env.DISPLAY || undefined;
  return out;
}

/** This user's graphical session in logind: the caller's own, else an active one with a seat. */
function logindSession(
  probe: Probe,
  env: NodeJS.ProcessEnv,
): { id: string; values: Map<string, string> } | undefined {
  if (!probe.findProgram("loginctl")) return undefined;
  const show = (id: string) => {
    const r = probe.run(
      "loginctl",
      [
        "show-session",
        id,
        "-p",
        "Display",
        "-p",
        "Type",
        "-p",
        "Active",
        "-p",
        "LockedHint",
        "-p",
        "IdleHint",
        "-p",
        "Remote",
      ],
      env,
    );
    return r.status === 0 ? keyValues(r.stdout) : undefined;
  };
  const candidates: string[] = [];
  if (env.XDG_SESSION_ID) candidates.push(env.XDG_SESSION_ID);
  const list = probe.run("loginctl", ["list-sessions", "--no-legend"], env);
  if (list.status === 0) {
    for (const line of list.stdout.split("\n")) {
      const [id, uid] = line.trim().split(/\s+/);
      if (id && uid !== undefined && (probe.uid === undefined || Number(uid) === probe.uid)) {
        candidates.push(id);
      }
    }
  }
  let fallback: { id: string; values: Map<string, string> } | undefined;
  for (const id of new Set(candidates)) {
    const values = show(id);
    if (!values) continue;
    const graphical = /^(x11|wayland|mir)$/.test(values.get("Type") ?? "");
    if (graphical && values.get("Active") === "yes") return { id, values };
    if (graphical && !fallback) fallback = { id, values };
  }
  return fallback;
}

/**
 * Why now is not a good time, where the platform can tell: the screen locked or the person
 * away (logind's LockedHint and IdleHint), notifications paused (dunst's pause, GNOME's
 * do-not-disturb). Undefined when nothing says so.
 */
export function notNow(probe: Probe, desktop: Desktop): Said | undefined {
  const env = desktop.env;
  if (desktop.session && probe.findProgram("loginctl")) {
    const r = probe.run(
      "loginctl",
      ["show-session", desktop.session, "-p", "LockedHint", "-p", "IdleHint"],
      env,
    );
    const values = r.status === 0 ? keyValues(r.stdout) : new Map<string, string>();
    if (values.get("LockedHint") === "yes") return say("screenLocked");
    if (values.get("IdleHint") === "yes") return say("away");
  }
  if (!desktop.bus) return undefined;
  if (probe.findProgram("dunstctl")) {
    const r = probe.run("dunstctl", ["is-paused"], env);
    if (r.status === 0 && r.stdout.trim() === "true") return say("pausedDunst");
  }
  if (probe.findProgram("gsettings")) {
    const r = probe.run(
      "gsettings",
      ["get", "org.gnome.desktop.notifications", "show-banners"],
      env,
    );
    if (r.status === 0 && r.stdout.trim() === "false") return say("doNotDisturb");
  }
  return undefined;
}

/** A Probe on the real system. */
export const existsPath = (path: string) => existsSync(path);
