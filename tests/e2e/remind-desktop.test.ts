import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPath } from "../../src/session/cues.js";
import { remindText as t } from "../../src/text/remind.js";
import { tempDir } from "../helpers.js";
import { KNOT_BIN, knot, writeScreening } from "./run-knot.js";

/**
 * For real: notify-send into dunst, on an X server of its own (Xvfb) and a private session
 * bus at XDG_RUNTIME_DIR/bus, fired the way cron runs it (a bare environment, no bus address
 * given); and the same firing with no bus at all. Skipped where these programs are missing.
 * Only what this file starts is stopped, by its pid; the real crontab is a fake on the PATH.
 */
const TOOLS = ["Xvfb", "dbus-daemon", "dunst", "dunstctl", "notify-send"];
const ready = process.platform === "linux" && TOOLS.every((t) => onPath(t));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the desk break's notification says, in the language the tests run in. */
const deskBreak = JSON.parse(
  readFileSync(new URL("../../routines/desk-break.json", import.meta.url), "utf8"),
) as { id: string; name: string; summary: string };
const deskBreakBody = t.reminderBody({ ...deskBreak, seconds: 170 } as never);

describe.skipIf(!ready)("a real desktop: dunst under Xvfb on a private bus", () => {
  const runtime = tempDir("knot-rt-");
  chmodSync(runtime, 0o700);
  const bus = `unix:path=${join(runtime, "bus")}`;
  let display = "";
  const started: ChildProcess[] = [];
  let dbusPid: number | undefined;
  const desktopEnv = () => ({ ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: bus });
  const dunstctl = (...args: string[]) =>
    spawnSync("dunstctl", args, { encoding: "utf8", env: desktopEnv() });

  beforeAll(async () => {
    let n = 60;
    while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
    display = `:${n}`;
    started.push(spawn("Xvfb", [display, "-screen", "0", "640x480x24"], { stdio: "ignore" }));
    for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await sleep(100);
    const daemon = spawnSync(
      "dbus-daemon",
      ["--session", `--address=${bus}`, "--fork", "--print-pid"],
      { encoding: "utf8" },
    );
    dbusPid = Number(daemon.stdout.trim()) || undefined;
    started.push(spawn("dunst", [], { env: desktopEnv(), stdio: "ignore" }));
    for (let i = 0; i < 50 && dunstctl("count").status !== 0; i++) await sleep(100);
  }, 20_000);

  afterAll(() => {
    for (const child of started) child.kill();
    if (dbusPid) process.kill(dbusPid);
  });

  /** A home for one profile, fired as cron would: nothing but these variables. */
  function bareHome(xdgRuntime: string) {
    const home = tempDir("knot-real-");
    const bin = tempDir("knot-real-bin-");
    writeFileSync(join(bin, "crontab"), '#!/bin/sh\n[ "$1" = -l ] && exit 1\ncat >/dev/null\n');
    chmodSync(join(bin, "crontab"), 0o755);
    const env = {
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      XDG_RUNTIME_DIR: xdgRuntime,
      PATH: `${bin}:/usr/bin:/bin`,
      KNOT_SCHEDULER: "cron",
      LANG: "C.UTF-8",
      // carried by knot's launcher, as LANG is
      ...(process.env.KNOT_LANG ? { KNOT_LANG: process.env.KNOT_LANG } : {}),
    };
    writeScreening(join(env.XDG_CONFIG_HOME, "knot"), ["red-flags", "neck"], {
      reminders: [
        {
          id: "r1",
          kind: "every",
          routine: "desk-break",
          every: 15,
          between: ["00:00", "23:59"],
          days: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
          createdAt: new Date(Date.now() - 3600_000).toISOString(),
        },
      ],
    });
    return env;
  }

  it("finds the bus at XDG_RUNTIME_DIR/bus and shows the notification in dunst", async () => {
    const env = bareHome(runtime);
    const child = spawn(process.execPath, [KNOT_BIN, "remind", "fire", "r1"], { env });
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    const exited = new Promise<number | null>((r) => child.on("close", r));
    for (let i = 0; i < 100 && !out.includes(t.reminded(deskBreakBody)); i++) await sleep(100);
    expect(out.startsWith(t.reminded(deskBreakBody))).toBe(true);
    expect(dunstctl("count", "displayed").stdout.trim()).toBe("1");
    dunstctl("close-all"); // dismissed without Start: then it is in dunst's history
    expect(dunstctl("history").stdout).toContain(deskBreakBody);
    expect(await exited).toBe(0);
    const [r1] = JSON.parse(knot(["remind", "list", "--json"], { env }).stdout);
    expect(r1.lastFiredAt).toMatch(/^\d{4}-/);
    expect(r1.lastFailure).toBeNull();
  }, 30_000);

  it("Start in dunst opens a terminal running the routine", async () => {
    const env = bareHome(runtime);
    const called = join(env.HOME, "terminal-args");
    const terminal = join(env.HOME, "my-terminal");
    writeFileSync(terminal, `#!/bin/sh\necho "$*" > '${called}'\n`);
    chmodSync(terminal, 0o755);
    const child = spawn(process.execPath, [KNOT_BIN, "remind", "fire", "r1"], {
      env: { ...env, DISPLAY: display, TERMINAL: terminal },
    });
    const exited = new Promise<number | null>((r) => child.on("close", r));
    for (let i = 0; i < 50 && dunstctl("count", "displayed").stdout.trim() !== "1"; i++) {
      await sleep(100);
    }
    dunstctl("action", "0"); // the notification's one action: Start
    expect(await exited).toBe(0);
    expect(readFileSync(called, "utf8")).toMatch(/-e .*knot\.js start desk-break/);
  }, 30_000);

  it("with no bus at all, the failure is recorded and the reminder stays due", () => {
    const env = bareHome(tempDir("knot-no-bus-"));
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status).toBe(1);
    expect(fired.stderr).toContain(t.couldNotReach("r1", t.noBus, t.noBusFix));
    const [r1] = JSON.parse(knot(["remind", "list", "--json"], { env }).stdout);
    expect(r1.lastFiredAt).toBeNull();
    expect(r1.lastFailure.reason).toBe(t.noBus);
    const log = knot(["remind", "log"], { env }).stdout;
    const stamp = /\d{4}-\d\d-\d\d \d\d:\d\d/.exec(log)?.[0] ?? "";
    expect(log).toContain(
      t.logLine(stamp, "r1".padEnd(4), t.outcomes.failed!, `${t.noBus} (${t.noBusFix})`),
    );
  });
});
