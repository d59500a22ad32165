import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Reminder } from "../../src/remind/model.js";
import {
  cronLines,
  launchdPlist,
  launchdRetryPlist,
  systemdUnits,
} from "../../src/remind/scheduler-files.js";
import { onPath } from "../../src/session/cues.js";
import { tempDir } from "../helpers.js";

/**
 * Every value goes where it goes escaped for that place: systemd units (%%, $$, quoting),
 * launchd property lists (XML), crontab lines (sh quoting, \% for %; a new line refused).
 * Each is checked by the format's own reader, and the crontab line by running it as cron does.
 */
const every: Reminder = {
  id: "r1",
  kind: "every",
  routine: "desk-break",
  every: 60,
  between: ["09:00", "17:00"],
  days: ["mon", "tue", "wed", "thu", "fri"],
  createdAt: "2026-11-23T08:00:00.000Z",
};

/** A folder name with spaces, %, $, both quotes, a backslash and non-ASCII letters. */
const HOSTILE = `a b%o$HOME "q" 'x' \\z é ü 100%`;

/** The launcher at a hostile path: a script that writes down how it was called. */
function hostileLauncher(name = HOSTILE) {
  const dir = join(tempDir("knot-esc-"), name);
  mkdirSync(dir, { recursive: true });
  const launcher = join(dir, "remind-launcher.sh");
  const out = join(tempDir("knot-esc-out-"), "called");
  writeFileSync(launcher, `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${out}'\n`);
  chmodSync(launcher, 0o755);
  return { launcher, out, target: { launcher, profile: "1a2b3c" } };
}

/** systemd's reading of one ExecStart= line (its documented quoting, specifiers and $$). */
function systemdArgv(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const raw = m[1] ?? m[2]!;
    words.push(
      raw
        .replace(/\\x([0-9a-f]{2})|\\(.)/g, (_, hex, c) =>
          hex ? String.fromCharCode(Number.parseInt(hex, 16)) : c,
        )
        .replace(/%%/g, "%")
        .replace(/\$\$/g, "$"),
    );
  }
  return words;
}

/** What cron hands to sh: % ends the command (later ones are its input), \% is a %. */
function cronCommand(line: string): string {
  const command = line.split(" ").slice(5).join(" ");
  let out = "";
  for (let i = 0; i < command.length; i++) {
    if (command[i] === "\\" && command[i + 1] === "%") {
      out += "%";
      i++;
    } else if (command[i] === "%") break;
    else out += command[i];
  }
  return out;
}

/** A plist read the way Python's plistlib reads it, as JSON (stderr says what it refused). */
const readPlist = (file: string) =>
  spawnSync(
    "python3",
    [
      "-c",
      "import json,plistlib,sys; print(json.dumps(plistlib.load(open(sys.argv[1],'rb'))))",
      file,
    ],
    { encoding: "utf8" },
  );

describe("systemd units with a hostile folder", () => {
  it.skipIf(!onPath("systemd-analyze"))(
    "pass systemd-analyze verify, and ExecStart= reads back as the launcher's exact path",
    () => {
      for (const name of [HOSTILE, `new\nline ${HOSTILE}`]) {
        const { launcher, target } = hostileLauncher(name);
        const dir = tempDir();
        const { service, timer } = systemdUnits(every, target);
        writeFileSync(join(dir, "knot-remind-1a2b3c-r1.service"), service);
        writeFileSync(join(dir, "knot-remind-1a2b3c-r1.timer"), timer);
        const result = spawnSync(
          "systemd-analyze",
          [
            "verify",
            join(dir, "knot-remind-1a2b3c-r1.timer"),
            join(dir, "knot-remind-1a2b3c-r1.service"),
          ],
          { encoding: "utf8", env: { ...process.env, XDG_RUNTIME_DIR: tempDir("knot-run-") } },
        );
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        const exec = /^ExecStart=(.*)$/m.exec(service)![1]!;
        expect(exec).not.toMatch(/[^%]%[^%]/); // every % doubled
        expect(systemdArgv(exec)).toEqual(["/bin/sh", launcher, "r1"]);
        expect(service.split("\n").filter((l) => l.startsWith("ExecStart="))).toHaveLength(1);
      }
    },
  );

  it.skipIf(!onPath("systemd-analyze"))("an unescaped path is caught (the checks bite)", () => {
    const { launcher, target } = hostileLauncher(`odd " quote`);
    const dir = tempDir();
    const { service, timer } = systemdUnits(every, target);
    const exec = `/bin/sh "${launcher}" r1`;
    writeFileSync(
      join(dir, "knot-remind-1a2b3c-r1.service"),
      service.replace(/^ExecStart=.*$/m, `ExecStart=${exec}`),
    );
    writeFileSync(join(dir, "knot-remind-1a2b3c-r1.timer"), timer);
    const result = spawnSync(
      "systemd-analyze",
      ["verify", join(dir, "knot-remind-1a2b3c-r1.service")],
      { encoding: "utf8", env: { ...process.env, XDG_RUNTIME_DIR: tempDir("knot-run-") } },
    );
    expect(result.status).not.toBe(0);
    // unescaped, systemd would read another path (and expand %o and $HOME)
    const hostile = hostileLauncher().launcher;
    expect(systemdArgv(`/bin/sh "${hostile}" r1`)).not.toEqual(["/bin/sh", hostile, "r1"]);
  });
});

describe("launchd property lists with a hostile folder", () => {
  it.skipIf(!onPath("python3"))("parse with plistlib into the launcher's exact path", () => {
    for (const name of [HOSTILE, `new\nline <&> ${HOSTILE}`]) {
      const { launcher, target } = hostileLauncher(name);
      const file = join(tempDir(), "agent.plist");
      writeFileSync(file, launchdPlist(every, target));
      const read = readPlist(file);
      expect(read.stderr).toBe("");
      const plist = JSON.parse(read.stdout);
      expect(plist.Label).toBe("org.knot.remind.1a2b3c.r1");
      expect(plist.ProgramArguments).toEqual(["/bin/sh", launcher, "r1"]);
      expect(plist.StartCalendarInterval).toHaveLength(5 * 9);
    }
  });

  it.skipIf(!onPath("python3"))("the retry agent (every 5 minutes) parses too", () => {
    const { launcher, target } = hostileLauncher();
    const file = join(tempDir(), "retry.plist");
    writeFileSync(file, launchdRetryPlist(target, "r1"));
    const read = readPlist(file);
    expect(JSON.parse(read.stdout)).toEqual({
      Label: "org.knot.remind.1a2b3c.r1.retry",
      ProgramArguments: ["/bin/sh", launcher, "r1"],
      StartInterval: 300,
    });
  });

  it("a control character XML cannot hold is refused, naming the folder", () => {
    const target = { launcher: "/tmp/bell\u0007/remind-launcher.sh", profile: "1a2b3c" };
    expect(() => launchdPlist(every, target)).toThrow(/bell.*cannot hold/);
  });
});

describe("crontab lines with a hostile folder", () => {
  it("cron's reading, run by sh, calls the launcher at its exact path with the id", () => {
    const { launcher, out, target } = hostileLauncher();
    const lines = cronLines(every, target);
    for (const line of lines) {
      expect(line.split("\n")).toHaveLength(1);
      expect(line).toMatch(/ # knot-remind 1a2b3c r1$/);
      const result = spawnSync("/bin/sh", ["-c", cronCommand(line)], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(readFileSync(out, "utf8")).toBe(`${launcher}\nr1\n`);
    }
  });

  it("a folder with a new line is refused with a message naming it, never written raw", () => {
    const target = {
      launcher: "/tmp/x\n* * * * * touch /tmp/pwned\n/remind-launcher.sh",
      profile: "1a2b3c",
    };
    expect(() => cronLines(every, target)).toThrow(/"\/tmp\/x\\x0a\* \* \* \* \* t.*cannot hold/);
  });
});
