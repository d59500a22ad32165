import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { knotInPty, RESTORE } from "./pty.js";
import { isolatedEnv, knot, writeScreening } from "./run-knot.js";

/**
 * Fake scheduler programs on the PATH that write down what they were asked to do, so no test
 * touches the real scheduler: systemctl, crontab (keeping its table in a file), launchctl,
 * notify-send (pressing "Start") and a terminal program.
 */
function fakes() {
  const bin = tempDir("knot-fake-bin-");
  const log = join(bin, "calls.log");
  const table = join(bin, "crontab.txt");
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  script("systemctl", 'case "$*" in *is-system-running*) echo running ;; esac');
  script(
    "crontab",
    `if [ "$1" = "-l" ]; then [ -f "${table}" ] && cat "${table}" && exit 0; echo "no crontab for you" >&2; exit 1; fi
if [ "$1" = "-" ]; then cat > "${table}"; fi`,
  );
  script("launchctl", "exit 0");
  script(
    "notify-send",
    'case "$*" in *--help*) echo "  -A, --action=[NAME=]Text..." ;; *--action*) echo start ;; esac',
  );
  script("x-terminal-emulator", "exit 0");
  const calls = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
  return { bin, calls, table };
}

const envWith = (bin: string, extra: Record<string, string> = {}) =>
  isolatedEnv({ PATH: `${bin}:/usr/bin:/bin`, ...extra });

describe("knot remind, with the system's scheduler", () => {
  it("systemd: writes and enables a named timer, lists it, and removes everything", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin);
    const set = knot(["remind", "every", "1h", "--between", "09:00-17:30", "--days", "mon-fri"], {
      env,
    });
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toMatch(
      /Reminder r1: desk-break every 1h, 09:00-17:30, mon-fri\. Next: .*09:00/,
    );
    expect(set.stdout).toMatch(
      /systemd user timer knot-remind-r1\.timer \(systemctl --user list-timers\)/,
    );
    const units = join(env.XDG_CONFIG_HOME!, "systemd", "user");
    expect(readdirSync(units).sort()).toEqual(["knot-remind-r1.service", "knot-remind-r1.timer"]);
    expect(readFileSync(join(units, "knot-remind-r1.service"), "utf8")).toMatch(
      /ExecStart=.*knot\.js remind fire r1\nEnvironment="XDG_CONFIG_HOME=/,
    );
    expect(calls()).toContain("systemctl --user enable --now knot-remind-r1.timer");
    knot(["remind", "every", "45m", "--routine", "stretch", "--days", "daily"], { env });
    // settings back to their defaults keep the reminders (their timers stay installed)
    expect(knot(["config", "reset"], { env }).status).toBe(0);
    const listed = JSON.parse(knot(["remind", "list", "--json"], { env }).stdout);
    expect(listed.map((r: { id: string; routine: string }) => `${r.id} ${r.routine}`)).toEqual([
      "r1 desk-break",
      "r2 stretch",
    ]);
    expect(listed[1].next).toMatch(/^\d{4}-/);
    expect(knot(["remind", "off", "r1"], { env }).stdout).toMatch(/Reminder r1 stopped/);
    expect(readdirSync(units)).toEqual(["knot-remind-r2.service", "knot-remind-r2.timer"]);
    // a stray unit knot made (its settings lost) goes too with --all
    writeFileSync(join(units, "knot-remind-r7.timer"), "[Timer]\n");
    expect(knot(["remind", "off", "--all"], { env }).status).toBe(0);
    expect(readdirSync(units)).toEqual([]);
    expect(calls()).toEqual(
      expect.arrayContaining([
        "systemctl --user disable --now knot-remind-r1.timer",
        "systemctl --user disable --now knot-remind-r2.timer",
        "systemctl --user disable --now knot-remind-r7.timer",
      ]),
    );
    expect(calls().at(-1)).toBe("systemctl --user daemon-reload");
    expect(knot(["remind", "list"], { env }).stdout).toMatch(/No reminders/);
    const settings = JSON.parse(
      readFileSync(join(env.XDG_CONFIG_HOME!, "knot", "config.json"), "utf8"),
    );
    expect(settings.reminders).toBeUndefined();
  });

  it("cron: adds marked lines, keeps the person's own, removes only knot's", () => {
    const { bin, table } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "cron" });
    writeFileSync(table, "15 3 * * * /usr/local/bin/backup\n");
    expect(knot(["remind", "every", "90m"], { env }).status).toBe(0);
    const lines = readFileSync(table, "utf8").trim().split("\n");
    expect(lines[0]).toBe("15 3 * * * /usr/local/bin/backup");
    expect(lines.slice(1).map((l) => l.split(" ").slice(0, 5).join(" "))).toEqual([
      "0 9,12,15 * * 1,2,3,4,5",
      "30 10,13,16 * * 1,2,3,4,5",
    ]);
    expect(lines[1]).toMatch(/knot\.js remind fire r1 # knot-remind r1$/);
    expect(knot(["remind", "off", "--all"], { env }).status).toBe(0);
    expect(readFileSync(table, "utf8")).toBe("15 3 * * * /usr/local/bin/backup\n");
  });

  it("launchd: a named agent in ~/Library/LaunchAgents, loaded and unloaded", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "launchd" });
    expect(knot(["remind", "every", "2h"], { env }).stdout).toMatch(
      /launchd agent org\.knot\.remind\.r1/,
    );
    const agents = join(env.HOME!, "Library", "LaunchAgents");
    expect(readdirSync(agents)).toEqual(["org.knot.remind.r1.plist"]);
    expect(
      calls().some((c) => /^launchctl bootstrap gui\/\d+ .*org\.knot\.remind\.r1\.plist$/.test(c)),
    ).toBe(true);
    knot(["remind", "off", "--all"], { env });
    expect(readdirSync(agents)).toEqual([]);
    expect(calls().some((c) => /^launchctl bootout gui\/\d+\/org\.knot\.remind\.r1$/.test(c))).toBe(
      true,
    );
  });

  it("cold: one reminder for when cold is advisable again, after today's last application", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin);
    const coldAgo = (minutes: number) => {
      const start = new Date(Date.now() - (minutes + 10) * 60_000).toISOString();
      const end = new Date(Date.now() - minutes * 60_000).toISOString();
      return JSON.stringify({
        v: 1,
        id: `cold-${minutes}`,
        routine: "cold-cycle",
        name: "Cold pack cycle",
        category: "cold",
        areas: ["upper-back"],
        sides: [],
        startedAt: start,
        endedAt: end,
        plannedSeconds: 600,
        doneSeconds: 600,
        ended: "completed",
        ratings: {},
        steps: [
          {
            name: "Cold pack on",
            kind: "cold",
            planned: 600,
            done: 600,
            outcome: "done",
            at: start,
          },
        ],
        stoppedAt: 0,
      });
    };
    expect(knot(["remind", "cold"], { env }).stderr).toMatch(/No cold session since yesterday/);
    const file = join(env.HOME!, "cold.jsonl");
    writeFileSync(file, `${coldAgo(30)}\n`);
    expect(knot(["history", "--import", file], { env }).status).toBe(0);
    const set = knot(["remind", "cold"], { env });
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/Reminder r1: cold-cycle once, at .*\. Next: /);
    const [reminder] = JSON.parse(knot(["remind", "list", "--json"], { env }).stdout);
    const due = Date.parse(reminder.at) - Date.now();
    expect(due).toBeGreaterThan(85 * 60_000); // 2 hours after the end, 30 minutes ago
    expect(due).toBeLessThan(91 * 60_000);
    expect(calls()).toContain("systemctl --user enable --now knot-remind-r1.timer");
    // fired before its time (a clock change), it stays quiet: cold only 2 hours after the last
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(/quiet/);
  });

  it("with no scheduler, the reminder is kept for --here and says so", () => {
    const env = isolatedEnv({ PATH: tempDir("knot-empty-bin-") });
    const result = knot(["remind", "every", "1h"], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/kept for knot remind --here/);
  });

  it("fire: reminds through a notification whose Start button opens the routine", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin);
    knot(["remind", "every", "15m", "--between", "00:00-23:59", "--days", "daily"], { env });
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status, fired.stderr).toBe(0);
    expect(fired.stdout).toMatch(
      /reminded: Desk break: about 3 minutes of seated stretches, without leaving the chair\. Run: knot start desk-break/,
    );
    const notify = calls().find((c) => c.startsWith("notify-send --app-name=knot --action"));
    expect(notify).toMatch(/--action=start=Start .*-- Desk break Desk break: about 3 minutes/);
    expect(
      calls().some((c) => /^x-terminal-emulator -e .*knot\.js start desk-break$/.test(c)),
    ).toBe(true);
    // fired once for this slot: asked again at once, it stays quiet
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(/quiet: already reminded/);
    // a timer whose reminder is gone from the settings tidies itself away when it fires
    const units = join(env.XDG_CONFIG_HOME!, "systemd", "user");
    writeFileSync(join(units, "knot-remind-r5.timer"), "[Timer]\n");
    writeFileSync(join(units, "knot-remind-r5.service"), "[Service]\n");
    expect(knot(["remind", "fire", "r5"], { env }).status).toBe(0);
    expect(readdirSync(units).filter((f) => f.includes("r5"))).toEqual([]);
    expect(calls()).toContain("systemctl --user disable --now knot-remind-r5.timer");
  });
});

describe("knot remind --here, in a terminal", () => {
  it("shows the next one, reminds when due; Enter starts, s snoozes, q quits", {
    timeout: 60_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
    const config = join(env.XDG_CONFIG_HOME!, "knot");
    mkdirSync(config, { recursive: true });
    const now = Date.now();
    const soon = (s: number) => new Date(now + s * 1000).toISOString();
    const reminders = [
      { id: "r1", kind: "once", routine: "desk-break", at: soon(3), createdAt: soon(-60) },
      { id: "r2", kind: "once", routine: "stretch", at: soon(600), createdAt: soon(-60) },
    ];
    writeScreening(config, ["red-flags"], {
      notify: false,
      voice: false,
      leadIn: 0,
      checkin: false,
      reminders,
    });
    const run = knotInPty(["remind", "--here"], { env });
    await run.waitFor(/next: desk-break at \d\d:\d\d/);
    await run.waitFor("Desk break is due", { timeout: 15_000 });
    expect(run.output()).toContain("\u0007"); // the bell
    await run.waitFor("Enter starts it here, s snoozes 10 minutes, q quits.");
    let mark = run.output().length;
    run.press("\r");
    // desk-break works the neck: its red flags come first, one key
    await run.waitFor("Do any of these apply to you now?", { from: mark });
    run.press("\r");
    await run.waitFor(/Sit tall|SIT TALL/, { from: mark });
    run.press("q"); // ends the routine early, back to the reminders
    await run.waitFor(/next: stretch at/, { from: mark, timeout: 15_000 });
    // the one that fired is done with: a once-reminder is removed after it reminds
    const settings = JSON.parse(readFileSync(join(config, "config.json"), "utf8"));
    expect(settings.reminders.map((r: { id: string }) => r.id)).toEqual(["r2"]);
    mark = run.output().length;
    run.press("q");
    await run.waitFor("Reminders here stopped.", { from: mark });
    const exit = await run.exited;
    expect(exit.exitCode).toBe(0);
    expect(run.output().slice(mark)).toContain(RESTORE.cursorShown);
  });

  it("s snoozes a due reminder for 10 minutes; SIGTERM ends it cleanly", {
    timeout: 30_000,
  }, async () => {
    const env = isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
    const config = join(env.XDG_CONFIG_HOME!, "knot");
    const now = Date.now();
    writeScreening(config, ["red-flags"], {
      notify: false,
      reminders: [
        {
          id: "r1",
          kind: "once",
          routine: "desk-break",
          at: new Date(now + 2000).toISOString(),
          createdAt: new Date(now - 60_000).toISOString(),
        },
      ],
    });
    const run = knotInPty(["remind", "--here"], { env });
    await run.waitFor("Desk break is due", { timeout: 15_000 });
    run.press("s");
    await run.waitFor(/Snoozed until \d\d:\d\d\./);
    const state = JSON.parse(
      readFileSync(join(env.XDG_DATA_HOME!, "knot", "reminders.json"), "utf8"),
    );
    expect(state.r1.snoozedUntil - now).toBeGreaterThan(9 * 60_000);
    await run.waitFor(/next: desk-break at \d\d:\d\d/);
    // a signal ends it like q, with its exit code and the terminal given back
    const mark = run.output().length;
    run.signal("SIGTERM");
    expect((await run.exited).exitCode).toBe(143);
    expect(run.output().slice(mark)).toContain(RESTORE.cursorShown);
  });

  it("without a terminal it says so", () => {
    const result = knot(["remind", "--here"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/keeps reminders in a terminal, and there is none here/);
  });
});
