import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDesktop, notNow, type Probe } from "../../src/remind/desktop.js";
import { withLock } from "../../src/remind/lock.js";
import { remindText, said } from "../../src/text/remind.js";
import { tempDir } from "../helpers.js";

/**
 * Finding the desktop at each firing, from a system described by a fake probe: which files
 * exist, which programs there are, and what they answer (recorded).
 */
function probe(options: {
  env?: NodeJS.ProcessEnv;
  files?: string[];
  programs?: Record<string, (args: string[]) => string | undefined>;
}) {
  const asked: string[] = [];
  const p: Probe = {
    env: options.env ?? {},
    uid: 1000,
    exists: (path) => (options.files ?? []).includes(path),
    findProgram: (name) => name in (options.programs ?? {}),
    run: (command, args) => {
      asked.push(`${command} ${args.join(" ")}`);
      const out = options.programs?.[command]?.(args);
      return out === undefined ? { status: 1, stdout: "" } : { status: 0, stdout: out };
    },
  };
  return { p, asked };
}

describe("finding the desktop", () => {
  it("an address frozen at install whose socket is gone gives way to XDG_RUNTIME_DIR/bus", () => {
    const { p } = probe({
      env: { DBUS_SESSION_BUS_ADDRESS: "unix:path=/run/user/1000/old-bus" },
      files: ["/run/user/1000", "/run/user/1000/bus"],
    });
    const d = findDesktop(p);
    expect(d.bus).toBe("XDG_RUNTIME_DIR/bus");
    expect(d.env.DBUS_SESSION_BUS_ADDRESS).toBe("unix:path=/run/user/1000/bus");
    expect(d.env.XDG_RUNTIME_DIR).toBe("/run/user/1000");
  });

  it("then the user manager's environment, for the bus and the display", () => {
    const { p, asked } = probe({
      env: { XDG_RUNTIME_DIR: "/run/user/1000" },
      files: ["/run/user/1000", "/tmp/dbus-abc"],
      programs: {
        systemctl: () => "DBUS_SESSION_BUS_ADDRESS=unix:path=/tmp/dbus-abc\nDISPLAY=:1\nLANG=C\n",
      },
    });
    const d = findDesktop(p);
    expect(asked).toContain("systemctl --user show-environment");
    expect(d).toMatchObject({ bus: "the user manager", display: ":1" });
  });

  it("logind's graphical session gives the display; no bus anywhere is said plainly", () => {
    const { p } = probe({
      programs: {
        loginctl: (args) =>
          args[0] === "list-sessions"
            ? "3 1000 jo seat0\n7 1000 jo\n9 1001 al seat0\n"
            : args[1] === "3"
              ? "Display=:0\nType=x11\nActive=yes\nLockedHint=no\nIdleHint=no\n"
              : "Type=tty\nActive=no\n",
      },
    });
    const d = findDesktop(p);
    expect(d).toMatchObject({ session: "3", display: ":0" });
    expect(d.bus).toBeUndefined();
    expect(d.env.DBUS_SESSION_BUS_ADDRESS).toBeUndefined();
  });

  it("not now: locked, idle, dunst paused, GNOME's do-not-disturb; else nothing", () => {
    const answers = (session: string, paused: string, banners: string) =>
      probe({
        files: ["/run/user/1000", "/run/user/1000/bus"],
        programs: {
          loginctl: (args) =>
            args[0] === "list-sessions"
              ? "3 1000 jo seat0\n"
              : `Type=wayland\nActive=yes\n${session}`,
          dunstctl: () => paused,
          gsettings: () => banners,
        },
      }).p;
    const why = (p: Probe) => notNow(p, findDesktop(p));
    // kept as the message's id, worded (in this locale) when shown
    expect(why(answers("LockedHint=yes\nIdleHint=no\n", "false", "true"))).toEqual({
      say: "screenLocked",
    });
    const words = (p: Probe) => said(why(p)!);
    expect(words(answers("LockedHint=yes\nIdleHint=no\n", "false", "true"))).toBe(
      remindText.screenLocked,
    );
    expect(words(answers("LockedHint=no\nIdleHint=yes\n", "false", "true"))).toBe(remindText.away);
    expect(words(answers("LockedHint=no\nIdleHint=no\n", "true\n", "true"))).toBe(
      remindText.pausedDunst,
    );
    expect(words(answers("LockedHint=no\nIdleHint=no\n", "false", "false\n"))).toBe(
      remindText.doNotDisturb,
    );
    expect(why(answers("LockedHint=no\nIdleHint=no\n", "false", "true"))).toBeUndefined();
  });
});

describe("the reminders' lock", () => {
  it("takes over a lock whose holder is gone, and runs one change at a time", () => {
    const file = join(tempDir(), "reminders.lock");
    writeFileSync(file, "999999999 2026-11-29T10:00:00.000Z\n"); // no such process
    expect(withLock(file, () => "ran")).toBe("ran");
    // taken again inside: no wait for itself
    expect(withLock(file, () => withLock(file, () => "nested"))).toBe("nested");
  });

  it("a lock held by a live knot is waited for, then reported, never broken", () => {
    const file = join(tempDir(), "reminders.lock");
    writeFileSync(file, `${process.ppid} ${new Date().toISOString()}\n`);
    expect(() => withLock(file, () => "ran", { waitMs: 200 })).toThrow(
      /Another knot is changing your reminders/,
    );
  });
});
