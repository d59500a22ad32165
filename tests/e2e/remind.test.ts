import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { helpWords } from "../../src/cli/help.js";
import { nextSlot } from "../../src/remind/model.js";
import { profileOf, remindFiles } from "../../src/remind/profile.js";
import { cliText } from "../../src/text/cli.js";
import { remindText } from "../../src/text/remind.js";
import { didYouMean } from "../../src/text/routine.js";
import { settingsText } from "../../src/text/settings.js";
import { tempDir } from "../helpers.js";
import { PSEUDO_ACTIVE, unmarkedLines } from "./pseudo.js";
import { knotInPty, RESTORE } from "./pty.js";
import { isolatedEnv, KNOT_BIN, knot, writeScreening } from "./run-knot.js";

/** The start of a line knot words, up to where `\0` stands for what varies (in any language). */
const opens = (worded: string) =>
  new RegExp(`^${worded.slice(0, worded.indexOf("\0")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** The start of a help page: its usage line, up to `start`, in any language. */
const usage = (start: string) => opens(`${cliText.titles["Usage:"]} ${cliText.term(`${start}\0`)}`);

/** What the desk break's notification says, in the language the tests run in. */
const deskBreak = JSON.parse(
  readFileSync(new URL("../../routines/desk-break.json", import.meta.url), "utf8"),
) as { id: string; name: string; summary: string };
const deskBreakBody = remindText.reminderBody({ ...deskBreak, seconds: 170 } as never);

/**
 * Fake programs on the PATH that write down what they were asked to do (and fail on demand),
 * so no test touches the real scheduler or desktop: systemctl, crontab (keeping its table in
 * a file, as bytes), launchctl, loginctl, dunstctl, notify-send (pressing "Start") and a
 * terminal program. FAKE_* files in the fake folder switch their answers.
 */
function fakes() {
  const bin = tempDir("knot-fake-bin-");
  const log = join(bin, "calls.log");
  const table = join(bin, "crontab.txt");
  const flag = (name: string) => join(bin, name);
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  script(
    "systemctl",
    `[ -f "${flag("FAKE_SYSTEMCTL_FAIL")}" ] && case "$*" in *enable*) echo "Failed to enable unit: Access denied" >&2; exit 1 ;; esac
case "$*" in *is-system-running*) echo running ;; *show-environment*) [ -f "${flag("FAKE_MANAGER_ENV")}" ] && cat "${flag("FAKE_MANAGER_ENV")}" && exit 0; exit 1 ;; esac`,
  );
  script(
    "crontab",
    `if [ "$1" = "-l" ]; then [ -f "${table}" ] && cat "${table}" && exit 0; echo "no crontab for you" >&2; exit 1; fi
if [ "$1" = "-" ]; then cat > "${table}"; fi`,
  );
  script("launchctl", "exit 0");
  script("systemd-run", "exit 0");
  script(
    "loginctl",
    `case "$1" in list-sessions) echo "c7 $(id -u) jo seat0" ;; show-session) cat "${flag("FAKE_SESSION")}" 2>/dev/null || printf 'Type=x11\\nActive=yes\\nLockedHint=no\\nIdleHint=no\\n' ;; esac`,
  );
  script(
    "dunstctl",
    `case "$1" in is-paused) [ -f "${flag("FAKE_PAUSED")}" ] && echo true || echo false ;; esac`,
  );
  // what a notification says, one argument after another (\037) and one call after another (\036)
  const shown = join(bin, "notify-args");
  script(
    "notify-send",
    `case "$*" in *--help*) echo "  -A, --action=[NAME=]Text..."; exit 0 ;; esac
printf '%s\\037' "$@" >> "${shown}"; printf '\\036' >> "${shown}"
if [ -f "${flag("FAKE_NOTIFY_FAIL")}" ]; then echo "Could not connect: No such file or directory" >&2; exit 1; fi
case "$*" in *--action*) echo start ;; esac`,
  );
  script("x-terminal-emulator", "exit 0");
  const calls = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
  // a notification's words are read by a person: in the pseudo-locale each is marked
  onTestFinished(() => {
    if (!PSEUDO_ACTIVE || !existsSync(shown)) return;
    const words = readFileSync(shown, "utf8")
      .split("\u001e")
      .filter((call) => call !== "")
      .flatMap((call) => {
        const args = call.split("\u001f").slice(0, -1);
        const action = args.find((a) => a.startsWith("--action="))?.replace(/^--action=[^=]*=/, "");
        return [...(action === undefined ? [] : [action]), ...args.slice(args.indexOf("--") + 1)];
      });
    expect(
      words.flatMap((w) => unmarkedLines(w)),
      "unmarked words in a notification",
    ).toEqual([]);
  });
  const set = (name: string, text = "") => writeFileSync(flag(name), text);
  const unset = (name: string) => spawnSync("rm", ["-f", flag(name)]);
  return { bin, calls, table, set, unset };
}

/** An environment with the fakes first on the PATH and a desktop session's bus and display. */
function envWith(bin: string, extra: Record<string, string> = {}) {
  const runtime = tempDir("knot-runtime-");
  writeFileSync(join(runtime, "bus"), "");
  const {
    DBUS_SESSION_BUS_ADDRESS: _b,
    DISPLAY: _d,
    WAYLAND_DISPLAY: _w,
    ...rest
  } = isolatedEnv({ PATH: `${bin}:/usr/bin:/bin` });
  // wide enough that no line is wrapped: these tests read what is said, not its layout
  return {
    ...rest,
    XDG_RUNTIME_DIR: runtime,
    DISPLAY: ":57",
    COLUMNS: "1000",
    ...extra,
  } as NodeJS.ProcessEnv;
}

const configOf = (env: NodeJS.ProcessEnv) => join(env.XDG_CONFIG_HOME!, "knot");
const dataOf = (env: NodeJS.ProcessEnv) => join(env.XDG_DATA_HOME!, "knot");
const tagOf = (env: NodeJS.ProcessEnv) => profileOf(configOf(env));
const listed = (env: NodeJS.ProcessEnv) =>
  JSON.parse(knot(["remind", "list", "--json"], { env }).stdout);
const settingsOf = (env: NodeJS.ProcessEnv) =>
  JSON.parse(readFileSync(join(configOf(env), "config.json"), "utf8"));
/** The reminders file (reminders.json, beside the settings); none yet holds none. */
const remindersOf = (env: NodeJS.ProcessEnv) => {
  const file = join(configOf(env), "reminders.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
};

/** Reminders written straight into the settings, set an hour ago (so a slot has passed). */
function seed(env: NodeJS.ProcessEnv, reminders: object[], settings: object = {}) {
  writeScreening(configOf(env), ["red-flags", "neck"], { ...settings, reminders });
}
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const allDay = (id = "r1") => ({
  id,
  kind: "every",
  routine: "desk-break",
  every: 15,
  between: ["00:00", "23:59"],
  days: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
  createdAt: anHourAgo(),
});

describe("knot remind, with the system's scheduler", () => {
  it("off that cannot save the settings leaves the reminder scheduled and listed, not half removed", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    const tag = tagOf(env);
    expect(knot(["remind", "every", "1h"], { env }).status).toBe(0);
    const config = join(env.XDG_CONFIG_HOME!, "knot", "reminders.json");
    // more than the 1 KB the limit below lets through: the reminders file cannot be written again
    const settings = JSON.parse(readFileSync(config, "utf8"));
    writeFileSync(config, JSON.stringify({ ...settings, note: "x".repeat(2000) }));
    const off = spawnSync(
      "/bin/bash",
      ["-c", `ulimit -f 1; exec "${process.execPath}" "${KNOT_BIN}" remind off r1`],
      { env, encoding: "utf8" },
    );
    expect(off.status).toBe(1);
    expect(off.stderr).toMatch(/Could not save the reminders/);
    const units = join(env.HOME!, ".config", "systemd", "user");
    expect(readdirSync(units)).toContain(`knot-remind-${tag}-r1.timer`);
    expect(listed(env).map((r: { id: string }) => r.id)).toEqual(["r1"]);
  });

  it("systemd: writes and enables a timer named by profile and id, lists it, removes everything", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin);
    const tag = tagOf(env);
    const before = Date.now();
    const set = knot(["remind", "every", "1h", "--between", "09:00-17:30", "--days", "mon-fri"], {
      env,
    });
    const after = Date.now();
    expect(set.status, set.stderr).toBe(0);
    // the next time is on the hour from 09:00 to 17:00 on a weekday, as the clock stood when knot
    // ran (either side of the run, should it cross an hour)
    const [saved] = remindersOf(env).reminders;
    expect(saved).toMatchObject({
      id: "r1",
      routine: "desk-break",
      every: 60,
      between: ["09:00", "17:30"],
      days: ["mon", "tue", "wed", "thu", "fri"],
    });
    const said = [before, after].map((now) => {
      const next = nextSlot(saved, now)!;
      expect(new Date(next).getMinutes()).toBe(0);
      expect([1, 2, 3, 4, 5]).toContain(new Date(next).getDay());
      expect(new Date(next).getHours()).toBeGreaterThanOrEqual(9);
      expect(new Date(next).getHours()).toBeLessThanOrEqual(17);
      return remindText.set("r1", remindText.describe(saved), remindText.when(next, now));
    });
    expect(said).toContain(set.stdout.split("\n")[0]);
    expect(set.stdout).toContain(
      `systemd user timer knot-remind-${tag}-r1.timer (systemctl --user list-timers)`,
    );
    const units = join(env.HOME!, ".config", "systemd", "user");
    expect(readdirSync(units).sort()).toEqual([
      `knot-remind-${tag}-r1.service`,
      `knot-remind-${tag}-r1.timer`,
    ]);
    const launcher = join(dataOf(env), "remind-launcher.sh");
    expect(readFileSync(join(units, `knot-remind-${tag}-r1.service`), "utf8")).toContain(
      `ExecStart=/bin/sh "${launcher}" r1\n`,
    );
    expect(calls()).toContain(`systemctl --user enable --now knot-remind-${tag}-r1.timer`);
    knot(["remind", "every", "45m", "--routine", "stretch", "--days", "daily"], { env });
    // settings back to their defaults keep the reminders (their timers stay installed)
    expect(knot(["config", "reset"], { env }).status).toBe(0);
    const list = listed(env);
    expect(list.map((r: { id: string; routine: string }) => `${r.id} ${r.routine}`)).toEqual([
      "r1 desk-break",
      "r2 stretch",
    ]);
    expect(list[1].next).toMatch(/^\d{4}-/);
    expect(list[1].entry).toMatchObject({ scheduler: "systemd", present: true, runnable: true });
    expect(list[1].lastFiredAt).toBeNull();
    expect(knot(["remind", "off", "r1"], { env }).stdout).toMatch(/Reminder r1 stopped/);
    expect(readdirSync(units)).toEqual([
      `knot-remind-${tag}-r2.service`,
      `knot-remind-${tag}-r2.timer`,
    ]);
    // a stray unit of this profile's (its setting lost) goes too with --all; another's stays
    writeFileSync(join(units, `knot-remind-${tag}-r7.timer`), "[Timer]\n");
    writeFileSync(join(units, "knot-remind-0f0f0f-r1.timer"), "[Timer]\n");
    expect(knot(["remind", "off", "--all"], { env }).status).toBe(0);
    expect(readdirSync(units)).toEqual(["knot-remind-0f0f0f-r1.timer"]);
    expect(calls()).toEqual(
      expect.arrayContaining([
        `systemctl --user disable --now knot-remind-${tag}-r1.timer`,
        `systemctl --user disable --now knot-remind-${tag}-r2.timer`,
        `systemctl --user disable --now knot-remind-${tag}-r7.timer`,
      ]),
    );
    expect(knot(["remind", "list"], { env }).stdout).toMatch(/No reminders/);
    expect(remindersOf(env).reminders).toBeUndefined();
  });

  it("cron: adds lines marked with profile and id, keeps the person's own, removes only knot's", () => {
    const { bin, table } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "cron" });
    const theirs = Buffer.concat([
      Buffer.from("# mine\n\n15 3 * * * /usr/local/bin/backup /srv/J"),
      Buffer.from([0xf6]), // Latin-1, not UTF-8
      Buffer.from("rg\n\n"),
    ]);
    writeFileSync(table, theirs);
    expect(knot(["remind", "every", "90m"], { env }).status).toBe(0);
    const after = readFileSync(table);
    expect(after.subarray(0, theirs.length).equals(theirs)).toBe(true);
    const lines = after.subarray(theirs.length).toString().trim().split("\n");
    expect(lines.map((l) => l.split(" ").slice(0, 5).join(" "))).toEqual([
      "0 9,12,15 * * 1,2,3,4,5",
      "30 10,13,16 * * 1,2,3,4,5",
    ]);
    expect(lines[0]).toMatch(
      new RegExp(
        `^0 9,12,15 \\* \\* 1,2,3,4,5 /bin/sh '.*/remind-launcher\\.sh' r1 # knot-remind ${tagOf(env)} r1$`,
      ),
    );
    expect(knot(["remind", "off", "--all"], { env }).status).toBe(0);
    expect(readFileSync(table).equals(theirs)).toBe(true);
  });

  it("cron: two profiles share one crontab, and neither touches the other's", () => {
    const { bin, table } = fakes();
    const a = envWith(bin, { KNOT_SCHEDULER: "cron" });
    const b = envWith(bin, { KNOT_SCHEDULER: "cron" });
    expect(knot(["remind", "every", "1h"], { env: a }).status).toBe(0);
    expect(knot(["remind", "every", "2h"], { env: b }).status).toBe(0);
    const text = () => readFileSync(table, "utf8");
    expect(text()).toContain(`# knot-remind ${tagOf(a)} r1`);
    expect(text()).toContain(`# knot-remind ${tagOf(b)} r1`);
    expect(knot(["remind", "off", "--all"], { env: a }).status).toBe(0);
    expect(text()).not.toContain(tagOf(a));
    expect(text()).toContain(`# knot-remind ${tagOf(b)} r1`);
    expect(listed(b)[0].entry.present).toBe(true);
  });

  it("systemd: two profiles' timers go where the user manager reads units, each its own", () => {
    const { bin, set } = fakes();
    const managerConfig = tempDir("knot-manager-config-");
    set("FAKE_MANAGER_ENV", `XDG_CONFIG_HOME=${managerConfig}\nLANG=C\n`);
    const a = envWith(bin);
    const work = tempDir("knot-work-");
    const b = { ...a, XDG_CONFIG_HOME: join(work, "config"), XDG_DATA_HOME: join(work, "data") };
    expect(knot(["remind", "every", "1h"], { env: a }).status).toBe(0);
    expect(knot(["remind", "every", "2h"], { env: b }).status).toBe(0);
    const units = join(managerConfig, "systemd", "user");
    expect(readdirSync(units).sort()).toEqual(
      [
        `knot-remind-${tagOf(a)}-r1.service`,
        `knot-remind-${tagOf(a)}-r1.timer`,
        `knot-remind-${tagOf(b)}-r1.service`,
        `knot-remind-${tagOf(b)}-r1.timer`,
      ].sort(),
    );
    expect(knot(["remind", "off", "--all"], { env: a }).status).toBe(0);
    expect(readdirSync(units).sort()).toEqual([
      `knot-remind-${tagOf(b)}-r1.service`,
      `knot-remind-${tagOf(b)}-r1.timer`,
    ]);
  });

  it("launchd: a named agent in ~/Library/LaunchAgents, loaded and unloaded", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "launchd" });
    const label = `org.knot.remind.${tagOf(env)}.r1`;
    expect(knot(["remind", "every", "2h"], { env }).stdout).toContain(`launchd agent ${label}`);
    const agents = join(env.HOME!, "Library", "LaunchAgents");
    expect(readdirSync(agents)).toEqual([`${label}.plist`]);
    expect(
      calls().some((c) => c.startsWith("launchctl bootstrap gui/") && c.endsWith(`${label}.plist`)),
    ).toBe(true);
    knot(["remind", "off", "--all"], { env });
    expect(readdirSync(agents)).toEqual([]);
    expect(calls().some((c) => /^launchctl bootout gui\/\d+\//.test(c) && c.endsWith(label))).toBe(
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
    const [reminder] = listed(env);
    const due = Date.parse(reminder.at) - Date.now();
    expect(due).toBeGreaterThan(85 * 60_000); // 2 hours after the end, 30 minutes ago
    expect(due).toBeLessThan(91 * 60_000);
    expect(calls()).toContain(`systemctl --user enable --now knot-remind-${tagOf(env)}-r1.timer`);
    // fired before its time (a clock change), it stays quiet: not due yet
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(/quiet/);
  });

  it("with no scheduler, the reminder is kept for --here and says so", () => {
    const env = isolatedEnv({ PATH: tempDir("knot-empty-bin-") });
    const result = knot(["remind", "every", "1h"], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/kept for knot remind --here/);
  });

  it("a scheduler that refuses is reported first, and nothing is left half-made", () => {
    const { bin, set } = fakes();
    const env = envWith(bin);
    set("FAKE_SYSTEMCTL_FAIL");
    const result = knot(["remind", "every", "1h"], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /Could not start the timer .*: Failed to enable unit: Access denied/,
    );
    expect(result.stdout).not.toMatch(/Reminder r1|Scheduled/);
    expect(readdirSync(join(env.HOME!, ".config", "systemd", "user"))).toEqual([]);
    expect(remindersOf(env).reminders).toBeUndefined();
  });

  it("fire: reminds through a notification whose Start button opens the routine", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin);
    seed(env, [allDay()]);
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status, fired.stderr).toBe(0);
    expect(fired.stdout).toMatch(
      /reminded: Desk break: about 3 minutes of seated stretches, without leaving the chair\. Run: knot start desk-break/,
    );
    const notify = calls().find((c) => c.startsWith("notify-send --app-name=knot --action"));
    expect(notify).toContain(`--action=start=${remindText.start} `);
    expect(notify).toContain(`-- ${remindText.title(deskBreak.name)} ${deskBreakBody}`);
    expect(
      calls().some((c) => /^x-terminal-emulator -e .*knot\.js start desk-break$/.test(c)),
    ).toBe(true);
    // fired once for this slot: asked again at once, it stays quiet
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(/quiet: already reminded/);
    expect(listed(env)[0].lastFiredAt).toMatch(/^\d{4}-/);
    // an entry whose reminder is gone from the settings tidies itself away when it fires
    const units = join(env.HOME!, ".config", "systemd", "user");
    mkdirSync(units, { recursive: true });
    writeFileSync(join(units, `knot-remind-${tagOf(env)}-r5.timer`), "[Timer]\n");
    writeFileSync(join(units, `knot-remind-${tagOf(env)}-r5.service`), "[Service]\n");
    expect(knot(["remind", "fire", "r5"], { env }).status).toBe(0);
    expect(readdirSync(units).filter((f) => f.includes("r5"))).toEqual([]);
    const log = knot(["remind", "log"], { env }).stdout;
    expect(log).toMatch(/r1 +reminded: desk-break/);
    expect(log).toMatch(/r1 +quiet: already reminded/);
  });

  it("fire: a notification that cannot be shown exits 1, keeps the reminder due, and says why", () => {
    const { bin, calls, set, unset } = fakes();
    const env = envWith(bin);
    seed(env, [allDay()]);
    set("FAKE_NOTIFY_FAIL");
    const failed = knot(["remind", "fire", "r1"], { env });
    expect(failed.status).toBe(1);
    expect(failed.stdout).not.toMatch(/reminded/);
    expect(failed.stderr).toMatch(
      /could not reach you: notify-send could not show it: Could not connect/,
    );
    const [r1] = listed(env);
    expect(r1.lastFiredAt).toBeNull();
    expect(r1.lastFailure.reason).toMatch(/Could not connect/);
    expect(r1.lastFailure.fix).toMatch(/log in to a desktop/);
    // tried again in 5 minutes by a one-shot timer
    const retry = calls().find((c) => c.startsWith("systemd-run "));
    expect(retry).toMatch(
      new RegExp(
        `^systemd-run --user --collect --quiet --unit=knot-remind-${tagOf(env)}-r1-retry-\\d+ --on-active=5min --timer-property=AccuracySec=30s /bin/sh .*/remind-launcher\\.sh r1$`,
      ),
    );
    expect(knot(["remind", "list"], { env }).stdout).toMatch(
      /failed \d\d:\d\d: notify-send could not show it[\s\S]*fix: /,
    );
    // knot today mentions it, with the fix
    expect(knot(["today"], { env }).stdout).toMatch(
      /Reminder r1 could not reach you: notify-send could not show it: Could not connect[^\n]*Fix: /,
    );
    expect(JSON.parse(knot(["today", "--json"], { env }).stdout).reminderProblems).toHaveLength(1);
    // still due: the next chance reminds, and the failure is cleared
    unset("FAKE_NOTIFY_FAIL");
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(
      opens(remindText.reminded("\0")),
    );
    expect(listed(env)[0].lastFailure).toBeNull();
    expect(JSON.parse(knot(["today", "--json"], { env }).stdout).reminderProblems).toEqual([]);
    expect(knot(["remind", "log"], { env }).stdout).toMatch(/r1 +failed: [\s\S]*r1 +reminded/);
  });

  it("fire: with no session bus at all (cron's bare environment), the failure is recorded", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin, {
      XDG_RUNTIME_DIR: tempDir("knot-no-bus-"),
      // an address frozen at install time, gone since
      DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent/knot-test/bus",
    });
    seed(env, [allDay()]);
    const failed = knot(["remind", "fire", "r1"], { env });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/no desktop session was found/);
    expect(calls().some((c) => c.startsWith("notify-send --app-name"))).toBe(false);
    expect(listed(env)[0]).toMatchObject({ lastFiredAt: null });
  });

  it("fire: the bus and display come from the user manager when the environment has none", () => {
    const { bin, calls, set } = fakes();
    const runtime = tempDir("knot-runtime-");
    const bus = join(runtime, "elsewhere-bus");
    writeFileSync(bus, "");
    set("FAKE_MANAGER_ENV", `DBUS_SESSION_BUS_ADDRESS=unix:path=${bus}\nDISPLAY=:57\n`);
    const env = envWith(bin, { XDG_RUNTIME_DIR: runtime });
    delete env.DISPLAY;
    seed(env, [allDay()]);
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status, fired.stderr).toBe(0);
    expect(calls()).toContain("systemctl --user show-environment");
    expect(calls().some((c) => c.startsWith("x-terminal-emulator"))).toBe(true);
  });

  it("fire: Start without a display says so, instead of doing nothing", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    delete env.DISPLAY;
    seed(env, [allDay()]);
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status).toBe(1);
    expect(fired.stdout).toMatch(opens(remindText.reminded("\0")));
    expect(listed(env)[0].lastFailure.reason).toMatch(
      /Start was pressed, but no display was found/,
    );
  });

  it("a settings value knot cannot use never removes a reminder or its entry", () => {
    const { bin, calls, table } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "cron" });
    expect(knot(["remind", "every", "1h"], { env }).status).toBe(0);
    const entries = readFileSync(table, "utf8");
    const settings = settingsOf(env);
    // a typo in a preference: the reminder still works, the file stays where it is
    writeFileSync(join(configOf(env), "config.json"), JSON.stringify({ ...settings, leadIn: 999 }));
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status, fired.stderr).toBe(0);
    expect(readdirSync(configOf(env)).filter((f) => f.includes("bad"))).toEqual([]);
    expect(readFileSync(table, "utf8")).toBe(entries);
    expect(knot(["remind", "list"], { env }).stdout).toMatch(
      /Settings: leadIn in .* has a value knot cannot use/,
    );
    // another command moves such a file aside; the reminders, in a file of their own, stay
    expect(knot(["today"], { env }).stderr).toMatch(/could not be read/);
    expect(remindersOf(env).reminders.map((r: { id: string }) => r.id)).toEqual(["r1"]);
    expect(knot(["config", "get", "leadIn"], { env }).stdout).toBe(`${settingsText.cell("5")}\n`);
    // a typo in the reminder itself: kept, its entry kept, the person told
    const kept = remindersOf(env);
    kept.reminders[0].every = 5;
    writeFileSync(join(configOf(env), "reminders.json"), JSON.stringify(kept));
    const broken = knot(["remind", "fire", "r1"], { env });
    expect(broken.status).toBe(1);
    expect(readFileSync(table, "utf8")).toBe(entries);
    expect(remindersOf(env).reminders[0].every).toBe(5);
    expect(calls().some((c) => /notify-send .*knot: a reminder needs you/.test(c))).toBe(true);
    // told once a day, not at every time of the reminder
    expect(knot(["remind", "fire", "r1"], { env }).status).toBe(1);
    expect(calls().filter((c) => /notify-send .*knot: a reminder needs you/.test(c))).toHaveLength(
      1,
    );
    expect(knot(["today"], { env }).stdout).toMatch(
      /Reminder r1: reminder r1 in .* knot cannot use/,
    );
    expect(listed(env).map((r: { id: string }) => r.id)).toEqual([]);
    expect(knot(["remind", "list"], { env }).stdout).toMatch(
      /Settings: reminder r1 in .* has a value/,
    );
    expect(knot(["remind", "log"], { env }).stdout).toMatch(
      /r1 +failed: reminder r1 in .* has a value knot cannot use/,
    );
    // and changing reminders refuses rather than lose it
    expect(knot(["remind", "every", "2h"], { env }).status).toBe(0);
    expect(remindersOf(env).reminders.map((r: { id: string }) => r.id)).toEqual(["r1", "r2"]);
    writeFileSync(join(configOf(env), "reminders.json"), "{ not json");
    const refused = knot(["remind", "every", "2h"], { env });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/No reminder was set: the reminders file .* cannot be read/);
    expect(readFileSync(join(configOf(env), "reminders.json"), "utf8")).toBe("{ not json");
    expect(knot(["remind", "fire", "r1"], { env }).status).toBe(1);
    expect(readFileSync(table, "utf8")).toMatch(/ r1 # knot-remind .* r2 # knot-remind/s);
    // once the file is JSON again, the person can stop the one with the typo
    writeFileSync(join(configOf(env), "reminders.json"), JSON.stringify(kept));
    expect(knot(["remind", "off", "r1"], { env }).status).toBe(0);
    expect(readFileSync(table, "utf8")).not.toMatch(/ r1 # knot-remind/);
    expect(remindersOf(env).reminders ?? []).toEqual([]);
    // a reminders file gone as a whole removes nothing either; off stops an entry by its id
    spawnSync("rm", [join(configOf(env), "reminders.json")]);
    const gone = knot(["remind", "fire", "r2"], { env });
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/reminders file .* is gone, with reminder r2/);
    expect(readFileSync(table, "utf8")).toMatch(/ r2 # knot-remind/);
    expect(knot(["remind", "off", "r2"], { env }).status).toBe(0);
    expect(readFileSync(table, "utf8")).not.toMatch(/ r2 # knot-remind/);
  });

  it("a reminder whose routine is gone says so when it fires, and stays", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    seed(env, [{ ...allDay(), routine: "my-gone-routine" }]);
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status).toBe(1);
    expect(fired.stderr).toMatch(/could not reach you: .*my-gone-routine/);
    expect(listed(env)[0].lastFailure.reason).toMatch(/my-gone-routine/);
    // kept as its messages' ids and values, worded in the language of the moment it is shown
    const state = JSON.parse(readFileSync(remindFiles(dataOf(env)).state, "utf8"));
    expect(state.reminders.r1.failure).toMatchObject({
      reason: { say: "routineGone", with: ['"my-gone-routine"'] },
      fix: { say: "routineGoneFix", with: ["r1"] },
    });
  });

  it("six remind every at once give six reminders, each with its entry; ids are never reused", async () => {
    const { bin, table } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "cron" });
    const runs = Array.from(
      { length: 6 },
      (_, i) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [KNOT_BIN, "remind", "every", `${i + 1}h`], {
            env,
            stdio: "ignore",
          });
          child.on("close", resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    const ids = listed(env)
      .map((r: { id: string }) => r.id)
      .sort();
    expect(ids).toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
    const marks = readFileSync(table, "utf8").match(/# knot-remind \w+ r\d+$/gm) ?? [];
    expect(new Set(marks.map((m) => m.split(" ").at(-1))).size).toBe(6);
    expect(listed(env).every((r: { entry: { present: boolean } }) => r.entry.present)).toBe(true);
    knot(["remind", "off", "r6"], { env });
    expect(knot(["remind", "every", "1h"], { env }).stdout).toMatch(
      opens(remindText.set("r7", "\0", undefined)),
    );
  }, 60_000);

  it("repair rewrites missing entries and the launcher; list says what is missing", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    knot(["remind", "every", "1h"], { env });
    const units = join(env.HOME!, ".config", "systemd", "user");
    for (const f of readdirSync(units)) spawnSync("rm", [join(units, f)]);
    spawnSync("rm", [join(dataOf(env), "remind-launcher.sh")]);
    const list = knot(["remind", "list"], { env }).stdout;
    expect(list).toMatch(/its scheduler entry is missing \(knot remind repair\)/);
    expect(list).toMatch(/Entries cannot run: .*remind-launcher\.sh is missing/);
    const repaired = knot(["remind", "repair"], { env });
    expect(repaired.status, repaired.stderr).toBe(0);
    expect(repaired.stdout).toMatch(/Rewritten r1: systemd user timer/);
    expect(listed(env)[0].entry).toMatchObject({ present: true, runnable: true });
  });

  it("one-time reminders never fire again (cron and launchd have no year)", () => {
    const { bin, table, calls } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "cron" });
    const lastYear = new Date(Date.now() - 364 * 86_400_000).toISOString();
    seed(env, [
      { id: "r1", kind: "once", routine: "cold-cycle", at: lastYear, createdAt: lastYear },
    ]);
    writeFileSync(
      table,
      `0 9 1 1 * /bin/sh /x/remind-launcher.sh r1 # knot-remind ${tagOf(env)} r1\n`,
    );
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status).toBe(0);
    expect(fired.stdout).toMatch(/quiet: a one-time reminder long past/);
    expect(calls().some((c) => c.startsWith("notify-send --app-name"))).toBe(false);
    expect(readFileSync(table, "utf8")).toBe("");
    expect(listed(env)).toEqual([]);
  });

  it("waits while the screen is locked or notifications are paused, and comes once when back", () => {
    const { bin, calls, set, unset, table } = fakes();
    const env = envWith(bin, { KNOT_SCHEDULER: "cron" });
    seed(env, [allDay()]);
    set("FAKE_SESSION", "Type=x11\nActive=yes\nLockedHint=yes\nIdleHint=no\n");
    const locked = knot(["remind", "fire", "r1"], { env });
    expect(locked.status).toBe(0);
    expect(locked.stdout).toMatch(/waiting: the screen is locked/);
    // tried again every 5 minutes until the person is back, not only at the next time
    const retry = new RegExp(
      `^\\*/5 \\* \\* \\* \\* /bin/sh '.*' r1 # knot-remind ${tagOf(env)} r1 retry$`,
      "m",
    );
    expect(readFileSync(table, "utf8")).toMatch(retry);
    expect(knot(["remind", "list"], { env }).stdout).toMatch(
      /waiting since \d\d:\d\d: the screen is locked/,
    );
    set("FAKE_SESSION", "Type=x11\nActive=yes\nLockedHint=no\nIdleHint=yes\n");
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(/waiting: you are away/);
    unset("FAKE_SESSION");
    set("FAKE_PAUSED");
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(
      /waiting: notifications are paused/,
    );
    expect(calls().some((c) => c.startsWith("notify-send --app-name"))).toBe(false);
    unset("FAKE_PAUSED");
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(
      opens(remindText.reminded("\0")),
    );
    expect(readFileSync(table, "utf8")).not.toMatch(/retry/);
    expect(knot(["remind", "fire", "r1"], { env }).stdout).toMatch(/quiet: already reminded/);
    expect(listed(env)[0].waiting).toBeNull();
  });

  it("the advice to see a doctor comes once a day in all, not once for each reminder", () => {
    const { bin, calls } = fakes();
    const env = envWith(bin);
    seed(env, [allDay("r1"), allDay("r2"), allDay("r3")]);
    // two sessions stopped because they hurt, rated 8 before: a getting-worse rule
    const hurt = (daysAgo: number) => {
      const start = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
      return JSON.stringify({
        v: 1,
        id: `hurt-${daysAgo}`,
        routine: "stretch",
        name: "Gentle back stretch",
        category: "stretch",
        areas: ["lower-back"],
        sides: [],
        startedAt: start,
        endedAt: new Date(Date.parse(start) + 60_000).toISOString(),
        plannedSeconds: 60,
        doneSeconds: 60,
        ended: "pain",
        ratings: { before: 8 },
        steps: [
          { name: "Stretch", kind: "hold", planned: 60, done: 60, outcome: "done", at: start },
        ],
        stoppedAt: 0,
      });
    };
    const file = join(env.HOME!, "hurt.jsonl");
    writeFileSync(file, `${hurt(2)}\n${hurt(1.5)}\n`);
    expect(knot(["history", "--import", file], { env }).status).toBe(0);
    const outs = ["r1", "r2", "r3"].map((id) => knot(["remind", "fire", id], { env }).stdout);
    expect(outs[0]).toMatch(/advised to see a doctor/);
    expect(outs[1]).toMatch(/quiet: advice already given today/);
    expect(outs[2]).toMatch(/quiet: advice already given today/);
    expect(calls().filter((c) => c.includes("knot: please see a doctor"))).toHaveLength(1);
  });

  it("under a folder named with spaces, %, $, quotes and accents, cron's line runs the reminder", () => {
    const { bin, table, calls } = fakes();
    const data = join(tempDir("knot-odd-"), `a b%o$HOME "q" 'x' é`);
    const env = envWith(bin, { KNOT_SCHEDULER: "cron", XDG_DATA_HOME: data });
    seed(env, [allDay()]);
    const repaired = knot(["remind", "repair"], { env });
    expect(repaired.status, repaired.stderr).toBe(0);
    // every 15 minutes all day: one line for each minute of the hour, nothing else
    const lines = readFileSync(table, "utf8").trim().split("\n");
    expect(lines.map((l) => l.split(" ")[0])).toEqual(["0", "15", "30", "45"]);
    const line = lines[0]!;
    // as cron runs it: % ends the command unless escaped, then sh, with a bare environment
    let command = "";
    const rest = line.split(" ").slice(5).join(" ");
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === "\\" && rest[i + 1] === "%") {
        command += "%";
        i++;
      } else if (rest[i] === "%") break;
      else command += rest[i];
    }
    const ran = spawnSync("/bin/sh", ["-c", command], {
      encoding: "utf8",
      env: { PATH: `${bin}:/usr/bin:/bin`, SHELL: "/bin/sh" },
    });
    expect(ran.stdout + ran.stderr).toBe(""); // nothing for cron to mail
    expect(calls().some((c) => c.startsWith("notify-send --app-name=knot --action"))).toBe(true);
    expect(readFileSync(join(data, "knot", "remind-output.log"), "utf8")).toContain(
      `remind fire r1\n${remindText.reminded(deskBreakBody)}`,
    );
  });

  it.skipIf(!existsSync("/usr/bin/systemd-analyze"))(
    "under the same folder, the units knot writes pass systemd-analyze verify",
    () => {
      const { bin } = fakes();
      const data = join(tempDir("knot-odd-"), `a b%o$HOME "q" 'x' é`);
      const env = envWith(bin, { XDG_DATA_HOME: data });
      expect(knot(["remind", "every", "1h"], { env }).status).toBe(0);
      const units = join(env.HOME!, ".config", "systemd", "user");
      const files = readdirSync(units).map((f) => join(units, f));
      expect(files).toHaveLength(2);
      const verify = spawnSync("/usr/bin/systemd-analyze", ["verify", ...files], {
        encoding: "utf8",
        env: { ...process.env, XDG_RUNTIME_DIR: tempDir("knot-run-") },
      });
      expect(verify.stderr).toBe("");
      expect(verify.status).toBe(0);
    },
  );

  it("a data folder whose name holds a new line is refused for cron, naming it", () => {
    const { bin, table } = fakes();
    const data = join(tempDir("knot-nl-"), "x\n* * * * * touch /tmp/knot-pwned\n");
    const env = envWith(bin, { KNOT_SCHEDULER: "cron", XDG_DATA_HOME: data });
    writeFileSync(table, "15 3 * * * /usr/local/bin/backup\n");
    const result = knot(["remind", "every", "1h"], { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /knot's folder ".*x\\x0a\* \* \* \* \* touch.*" holds a new line/,
    );
    expect(readFileSync(table, "utf8")).toBe("15 3 * * * /usr/local/bin/backup\n");
    expect(listed(env)).toEqual([]);
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
    const settings = JSON.parse(readFileSync(join(config, "reminders.json"), "utf8"));
    expect(settings.reminders.map((r: { id: string }) => r.id)).toEqual(["r2"]);
    mark = run.output().length;
    run.press("q");
    await run.waitFor("Reminders here stopped.", { from: mark });
    const exit = await run.exited;
    expect(exit.exitCode).toBe(0);
    expect(run.output().slice(mark)).toContain(RESTORE.cursorShown);
  });

  it("s snoozes a due reminder for 10 minutes; SIGTERM ends it cleanly", {
    timeout: 90_000,
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
    expect(state.reminders.r1.snoozedUntil - now).toBeGreaterThan(9 * 60_000);
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

describe("reminders files knot cannot read, or that an older knot kept", () => {
  const remindersFile = (env: NodeJS.ProcessEnv) => join(configOf(env), "reminders.json");

  it("the move from one config.json keeps a reminder whose id reminders.json already gives to another", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    const theirs = { ...allDay("r1"), routine: "stretch" };
    const mine = { ...allDay("r1"), every: 30 };
    seed(env, [mine]);
    writeFileSync(remindersFile(env), JSON.stringify({ reminders: [theirs] }));
    const list = knot(["remind", "list"], { env });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/Reminder r1 of your old settings file is now r2/);
    expect(list.stdout).toMatch(/knot remind repair/);
    // both kept: the one already there as it was, the old one under the next free id
    expect(remindersOf(env).reminders).toEqual([theirs, { ...mine, id: "r2" }]);
    expect(settingsOf(env).reminders).toBeUndefined();
    const repaired = knot(["remind", "repair"], { env });
    expect(repaired.status, repaired.stderr).toBe(0);
    expect(repaired.stdout).toMatch(/Rewritten r1: /);
    expect(repaired.stdout).toMatch(/Rewritten r2: /);
    expect(listed(env).map((r: { id: string; every: number }) => [r.id, r.every])).toEqual([
      ["r1", 15],
      ["r2", 30],
    ]);
    // made again (a knot stopped halfway), the move adds nothing twice
    seed(env, [mine]);
    expect(knot(["remind", "list"], { env }).status).toBe(0);
    expect(remindersOf(env).reminders).toHaveLength(2);
  });

  it("a damaged reminders.json: remind, list, list --json and repair say so and exit 1", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    knot(["remind", "every", "1h"], { env });
    writeFileSync(remindersFile(env), '{"reminders": [');
    for (const args of [
      ["remind"],
      ["remind", "list"],
      ["remind", "list", "--json"],
      ["remind", "repair"],
    ]) {
      const result = knot(args, { env });
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stdout, args.join(" ")).toBe("");
      expect(result.stderr).toContain(`The reminders file ${remindersFile(env)} cannot be read`);
      expect(result.stderr).toMatch(/Fix .*reminders\.json.*or move it aside/);
    }
    // a list that is not one is no better
    writeFileSync(remindersFile(env), '{"reminders": {"id": "r1"}}');
    const list = knot(["remind", "list", "--json"], { env });
    expect(list.status).toBe(1);
    expect(list.stderr).toMatch(/"reminders" is not a list/);
  });

  it("fire with a damaged file offers what works (not remind off, which refuses)", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    knot(["remind", "every", "1h"], { env });
    writeFileSync(remindersFile(env), "not json");
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status).toBe(1);
    expect(fired.stderr).toContain("cannot be read");
    expect(fired.stderr).not.toMatch(/knot remind off/);
    expect(knot(["remind", "off", "r1"], { env }).status).toBe(1);
  });

  it("config path names every file of the settings folder, also as JSON", () => {
    const env = isolatedEnv();
    const dir = configOf(env);
    const files = ["config.json", "reminders.json", "screening.json"].map((f) => join(dir, f));
    expect(knot(["config", "path"], { env }).stdout).toBe(
      `${files.map((f) => settingsText.fileLine(f)).join("\n")}\n`,
    );
    expect(JSON.parse(knot(["config", "path", "--json"], { env }).stdout)).toEqual({
      settings: files[0],
      reminders: files[1],
      screening: files[2],
    });
  });

  it("an old config.json that is not JSON, with reminders: moved aside, and said where they are", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    mkdirSync(configOf(env), { recursive: true });
    writeFileSync(
      join(configOf(env), "config.json"),
      `{"leadIn": 5, "reminders": [${JSON.stringify(allDay("r1"))}], }`,
    );
    const got = knot(["config", "get", "leadIn"], { env });
    expect(got.status).toBe(0);
    const aside = readdirSync(configOf(env)).find((f) => f.startsWith("config.json.bad-"))!;
    expect(aside).toBeDefined();
    expect(got.stderr).toContain(`${join(configOf(env), aside)} holds your reminders`);
    const list = knot(["remind", "list"], { env });
    expect(list.stdout).toContain(`your reminders are in ${join(configOf(env), aside)}`);
    const fired = knot(["remind", "fire", "r1"], { env });
    expect(fired.status).toBe(1);
    expect(fired.stderr).toContain(`your reminders are in ${join(configOf(env), aside)}`);
  });

  it("a reminders.json that is a link is refused, saying it is a link and what to do", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    knot(["remind", "every", "1h"], { env });
    const target = join(env.HOME!, "elsewhere.json");
    writeFileSync(target, readFileSync(remindersFile(env)));
    spawnSync("ln", ["-sf", target, remindersFile(env)]);
    const result = knot(["remind", "every", "2h"], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/symbolic link/);
    expect(result.stderr).toMatch(/Replace the link with a copy/);
    expect(result.stderr).not.toMatch(/disk has room/);
  });
});

describe("words that are no command, and what knot remind --help says", () => {
  it("knot remind evry, bogus, and config help bogus say there is no such command, exit 2", () => {
    const env = isolatedEnv();
    const none = helpWords.noSuchSubcommand;
    const cases: [string[], string][] = [
      [["remind", "evry", "1h"], `${none("remind", "evry")}${didYouMean(["every"])}`],
      [["remind", "bogus"], none("remind", "bogus")],
      [["remind", "help", "bogus"], none("remind", "bogus")],
      [["config", "help", "bogus"], none("config", "bogus")],
    ];
    for (const [args, said] of cases) {
      const result = knot(args, { env });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(said);
      expect(result.stderr).not.toMatch(/too many arguments/);
      expect(result.stdout).toBe("");
    }
  });

  it("help for a subcommand: knot help config set, knot config help set, knot remind help every", () => {
    const env = isolatedEnv();
    for (const args of [
      ["help", "config", "set"],
      ["config", "help", "set"],
    ]) {
      const result = knot(args, { env });
      expect(result.status, args.join(" ")).toBe(0);
      expect(result.stdout).toMatch(usage("knot config set [options] <key> <value>"));
    }
    const every = knot(["remind", "help", "every"], { env });
    expect(every.status).toBe(0);
    expect(every.stdout).toMatch(usage("knot remind every"));
    const remind = knot(["remind", "help"], { env });
    expect(remind.status).toBe(0);
    expect(remind.stdout).toMatch(usage("knot remind "));
  });

  it("remind --help names reminders.json and the exit codes of remind --here", () => {
    const help = knot(["remind", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toContain("Reminders are kept in reminders.json");
    expect(help).toMatch(/Exit codes: .*130 Ctrl-C and 143 SIGTERM ending remind --here/);
  });

  it("--days sat-mon is said in week order from the first day: sat,sun,mon", () => {
    const { bin } = fakes();
    const env = envWith(bin);
    const set = knot(["remind", "every", "90m", "--days", "sat-mon"], { env });
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain("sat,sun,mon");
    expect(remindersOf(env).reminders[0].days).toEqual(["sat", "sun", "mon"]);
  });
});
