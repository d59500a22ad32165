import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { onPath } from "../on-path.js";
import { type Said, say } from "../text/remind.js";
import type { Desktop } from "./desktop.js";

/**
 * How a reminder reaches the person when knot is not in a terminal: a desktop notification,
 * with a Start button where the notifier has buttons, which opens a terminal running knot.
 * Every way it can fail comes back as a reason and a fix (messages kept as data, worded when
 * shown), never thrown away.
 */

/** How knot is run now: this Node and this knot, as absolute paths. */
export function knotCommand(): string[] {
  const bin = fileURLToPath(new URL("../bin/knot.js", import.meta.url));
  let script = bin;
  try {
    script = realpathSync(bin);
  } catch {
    // the path as it is
  }
  return [process.execPath, script];
}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export type Shown =
  | { shown: true /** Resolves true if Start was pressed. */; chosen: Promise<boolean> }
  | { shown: false; reason: Said; fix: Said };

/** The first line of a program's complaint, without GLib's "(prog:pid): WARNING **: time:" prefix. */
const firstLine = (text: string) =>
  (text.trim().split("\n")[0] ?? "")
    .replace(/^\([\w-]+:\d+\): [\w-]+ \*\*: [\d:.]+: /, "")
    .slice(0, 300);

/**
 * Shows a desktop notification. With `action`, where the notifier supports buttons
 * (notify-send 0.7.10 and later), `chosen` waits up to ten minutes for it.
 */
export async function notify(
  desktop: Desktop,
  title: string,
  body: string,
  action?: string,
  platform: NodeJS.Platform = process.platform,
): Promise<Shown> {
  const env = desktop.env;
  if (platform === "darwin") {
    const r = spawnSync(
      "osascript",
      ["-e", `display notification ${JSON.stringify(body)} with title ${JSON.stringify(title)}`],
      { encoding: "utf8", env, timeout: 20_000 },
    );
    return r.status === 0
      ? { shown: true, chosen: Promise.resolve(false) }
      : {
          shown: false,
          reason: say(
            "osascriptFailed",
            firstLine(r.stderr ?? "") || r.error?.message || say("exitStatus", r.status),
          ),
          fix: say("osascriptFix"),
        };
  }
  if (!onPath("notify-send", env)) {
    return {
      shown: false,
      reason: say("noNotifySend"),
      fix: say("noNotifySendFix"),
    };
  }
  if (!desktop.bus) {
    return {
      shown: false,
      reason: say("noBus"),
      fix: say("noBusFix"),
    };
  }
  const help = spawnSync("notify-send", ["--help"], { encoding: "utf8", env, timeout: 10_000 });
  const helpText = `${help.stdout}${help.stderr}`;
  const buttons = action !== undefined && /--action/.test(helpText);
  const printsId = /--print-id/.test(helpText);
  const args = [
    "--app-name=knot",
    ...(printsId ? ["--print-id"] : []),
    ...(buttons ? [`--action=start=${action}`, "--expire-time=600000"] : []),
    "--",
    title,
    body,
  ];
  return new Promise<Shown>((resolveShown) => {
    const child = spawn("notify-send", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let settled = false;
    let choose: (pressed: boolean) => void = () => {};
    const chosen = new Promise<boolean>((resolve) => {
      choose = resolve;
    });
    const shown = () => {
      if (settled) return;
      settled = true;
      resolveShown({ shown: true, chosen });
    };
    const failed = (reason: string | Said) => {
      if (settled) return;
      settled = true;
      resolveShown({
        shown: false,
        reason: say("notifySendFailed", reason),
        fix:
          typeof reason === "string" && /connect|bus|display/i.test(reason)
            ? say("noServiceFix")
            : say("byHandFix"),
      });
    };
    // while a button waits, notify-send says nothing we can read (its --print-id sits in a
    // pipe's buffer until it exits): still running after a moment, with no complaint, is shown
    const quietWait = buttons ? setTimeout(shown, 3000) : undefined;
    const limit = setTimeout(() => child.kill(), 10 * 60_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      // an id of 0 is notify-send saying it could not: its exit status tells
      if (printsId && /^[1-9]\d*\s*\n/.test(out)) shown();
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(quietWait);
      clearTimeout(limit);
      failed(error.message);
      choose(false);
    });
    child.on("close", (code, signal) => {
      clearTimeout(quietWait);
      clearTimeout(limit);
      if (code === 0 || (settled && signal)) shown();
      else failed(firstLine(err) || (code === null ? `${signal}` : say("exitStatus", code)));
      const lines = out.trim().split("\n");
      choose(lines.includes("start"));
    });
  });
}

/**
 * Opens a terminal window running knot with these arguments; resolves to why it could not,
 * or undefined once it started.
 */
export function openTerminal(
  desktop: Desktop,
  args: string[],
  knot = knotCommand(),
): Promise<Said | undefined> {
  const env = desktop.env;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return Promise.resolve(say("noDisplay", `knot ${args.join(" ")}`));
  }
  const candidates: [string, string[]][] = [
    ...(env.TERMINAL ? [[env.TERMINAL, ["-e", ...knot, ...args]] as [string, string[]]] : []),
    ["x-terminal-emulator", ["-e", ...knot, ...args]],
    ["gnome-terminal", ["--", ...knot, ...args]],
    ["konsole", ["-e", ...knot, ...args]],
    ["xterm", ["-e", ...knot, ...args]],
  ];
  const runnable = (command: string) =>
    command.includes("/") ? isExecutable(command) : onPath(command, env);
  const found = candidates.find(([command]) => runnable(command));
  if (!found) {
    return Promise.resolve(say("noTerminal", `knot ${args.join(" ")}`));
  }
  return new Promise((resolve) => {
    const child = spawn(found[0], found[1], { env, detached: true, stdio: "ignore" });
    child.on("error", (error) => resolve(say("terminalCouldNotStart", found[0], error.message)));
    child.on("spawn", () => {
      // a terminal that cannot open a window exits at once: give it a moment to say so
      const timer = setTimeout(() => {
        child.unref();
        resolve(undefined);
      }, 1500);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve(
          code === 0 ? undefined : say("terminalExited", found[0], code, `knot ${args.join(" ")}`),
        );
      });
    });
  });
}
