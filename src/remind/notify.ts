import { spawn, spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Context, warnTo } from "../context.js";
import { onPath } from "../session/cues.js";

/**
 * How a reminder reaches the person when knot is not in a terminal: a desktop notification,
 * with a Start button where the notifier has buttons, which opens a terminal running knot.
 */

/** How the scheduled `knot` is run: this Node and this knot, as absolute paths. */
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

/**
 * Sends a desktop notification. With `action`, where the notifier supports buttons
 * (notify-send 0.7.10 and later), waits up to ten minutes for it and resolves true if pressed.
 */
export async function notify(
  ctx: Context,
  title: string,
  body: string,
  action?: string,
): Promise<boolean> {
  if (process.platform === "darwin") {
    spawnSync("osascript", [
      "-e",
      `display notification ${JSON.stringify(body)} with title ${JSON.stringify(title)}`,
    ]);
    return false;
  }
  if (!onPath("notify-send", ctx.env)) {
    warnTo(ctx)("notify-send was not found: install libnotify-bin for reminders on the desktop.");
    return false;
  }
  const help = spawnSync("notify-send", ["--help"], { encoding: "utf8", env: ctx.env });
  const buttons = action !== undefined && /--action/.test(`${help.stdout}${help.stderr}`);
  const args = [
    "--app-name=knot",
    ...(buttons ? [`--action=start=${action}`, "--expire-time=600000"] : []),
    "--",
    title,
    body,
  ];
  return new Promise((resolve) => {
    const child = spawn("notify-send", args, { env: ctx.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill(), 10 * 60_000);
    child.on("error", () => resolve(false));
    child.on("close", () => {
      clearTimeout(timer);
      resolve(out.trim() === "start");
    });
  });
}

/** Opens a terminal window running knot with these arguments. */
export function openTerminal(ctx: Context, args: string[]): void {
  const knot = knotCommand();
  const candidates: [string, string[]][] = [
    ...(ctx.env.TERMINAL
      ? [[ctx.env.TERMINAL, ["-e", ...knot, ...args]] as [string, string[]]]
      : []),
    ["x-terminal-emulator", ["-e", ...knot, ...args]],
    ["gnome-terminal", ["--", ...knot, ...args]],
    ["konsole", ["-e", ...knot, ...args]],
    ["xterm", ["-e", ...knot, ...args]],
  ];
  const found = candidates.find(([command]) => onPath(command, ctx.env));
  if (!found) {
    warnTo(ctx)(`No terminal program found to start it in: run knot ${args.join(" ")}`);
    return;
  }
  spawn(found[0], found[1], { env: ctx.env, detached: true, stdio: "ignore" }).unref();
}
