import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Reminder } from "../../src/remind/model.js";
import type { SchedulerContext } from "../../src/remind/scheduler-context.js";
import {
  cronLines,
  launchdPlist,
  onCalendar,
  systemdUnits,
} from "../../src/remind/scheduler-files.js";
import { onPath } from "../../src/session/cues.js";
import { tempDir } from "../helpers.js";

const every: Reminder = {
  id: "r1",
  kind: "every",
  routine: "desk-break",
  every: 90,
  between: ["09:00", "17:30"],
  days: ["mon", "tue", "wed", "thu", "fri"],
  createdAt: "2026-11-23T08:00:00.000Z",
};
const once: Reminder = {
  id: "r2",
  kind: "once",
  routine: "cold-cycle",
  at: new Date(2026, 10, 24, 13, 45).toISOString(),
  createdAt: "2026-11-23T08:00:00.000Z",
};
const ctx: SchedulerContext = {
  platform: "linux",
  env: { XDG_CONFIG_HOME: "/home/a b/.config", XDG_DATA_HOME: "/home/a b/.local/share" },
  run: () => ({ status: 0, stdout: "", stderr: "" }),
  findProgram: () => true,
  launcher: "/home/a b/.local/share/knot/remind-launcher.sh",
  profile: "1a2b3c",
  configDir: "/home/a b/.config/knot",
  uid: 1000,
};

const analyze = (args: string[]) => {
  const runtime = tempDir("knot-run-");
  return spawnSync("systemd-analyze", args, {
    encoding: "utf8",
    env: { ...process.env, XDG_RUNTIME_DIR: runtime },
  });
};

describe.skipIf(!onPath("systemd-analyze"))("systemd units, checked by systemd-analyze", () => {
  it.each([every, once])("the timer and service for %s pass systemd-analyze verify", (reminder) => {
    const dir = tempDir();
    const { service, timer } = systemdUnits(reminder, ctx);
    writeFileSync(join(dir, `knot-remind-1a2b3c-${reminder.id}.service`), service);
    writeFileSync(join(dir, `knot-remind-1a2b3c-${reminder.id}.timer`), timer);
    const result = analyze([
      "verify",
      join(dir, `knot-remind-1a2b3c-${reminder.id}.timer`),
      join(dir, `knot-remind-1a2b3c-${reminder.id}.service`),
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(timer).toMatch(/^Persistent=true$/m);
    expect(service).toMatch(
      /^ExecStart=\/bin\/sh "\/home\/a b\/.local\/share\/knot\/remind-launcher.sh" r\d$/m,
    );
  });

  it("a broken unit is caught (the check bites)", () => {
    const dir = tempDir();
    const { service, timer } = systemdUnits(every, ctx);
    writeFileSync(
      join(dir, "knot-remind-1a2b3c-r1.service"),
      service.replace("Type=oneshot", "Type=sometimes"),
    );
    writeFileSync(join(dir, "knot-remind-1a2b3c-r1.timer"), timer);
    const result = analyze([
      "verify",
      join(dir, "knot-remind-1a2b3c-r1.timer"),
      join(dir, "knot-remind-1a2b3c-r1.service"),
    ]);
    expect(`${result.stderr}${result.status}`).toMatch(/Type|[1-9]/);
  });

  it("every OnCalendar= line is one systemd reads, next due when the reminder is", () => {
    const lines = onCalendar(every);
    expect(lines).toEqual([
      "Mon,Tue,Wed,Thu,Fri *-*-* 09,12,15:00:00",
      "Mon,Tue,Wed,Thu,Fri *-*-* 10,13,16:30:00",
    ]);
    for (const line of [...lines, ...onCalendar(once)]) {
      const result = analyze(["calendar", line]);
      expect(result.status, result.stderr).toBe(0);
    }
    expect(onCalendar(once)).toEqual(["2026-11-24 13:45:00"]);
  });
});

describe("cron lines", () => {
  const FIELD = {
    minute: /^([0-5]?\d)(,[0-5]?\d)*$/,
    hour: /^(1?\d|2[0-3])(,(1?\d|2[0-3]))*$/,
    dom: /^(\*|[1-9]|[12]\d|3[01])$/,
    month: /^(\*|[1-9]|1[0-2])$/,
    dow: /^(\*|[0-6](,[0-6])*)$/,
  };

  it.each([every, once])("%s: five time fields, the command, and a mark naming it", (reminder) => {
    const lines = cronLines(reminder, ctx);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [minute, hour, dom, month, dow] = line.split(" ");
      expect(minute).toMatch(FIELD.minute);
      expect(hour).toMatch(FIELD.hour);
      expect(dom).toMatch(FIELD.dom);
      expect(month).toMatch(FIELD.month);
      expect(dow).toMatch(FIELD.dow);
      expect(line).toContain(
        `/bin/sh '/home/a b/.local/share/knot/remind-launcher.sh' ${reminder.id} `,
      );
      expect(line).toMatch(new RegExp(`# knot-remind 1a2b3c ${reminder.id}$`));
      expect(line).not.toMatch(/[^\\]%/); // % is special to cron
    }
    if (reminder.kind === "every") {
      expect(lines.map((l) => l.split(" ").slice(0, 5).join(" "))).toEqual([
        "0 9,12,15 * * 1,2,3,4,5",
        "30 10,13,16 * * 1,2,3,4,5",
      ]);
    } else {
      expect(lines[0]!.split(" ").slice(0, 5).join(" ")).toBe("45 13 24 11 *");
    }
  });
});

/** A small XML reader: tags nest and close, no stray text; returns the elements in order. */
function xmlElements(text: string): { name: string; text: string; depth: number }[] {
  const body = text.replace(/^<\?xml[^>]*\?>\s*<!DOCTYPE[^>]*>\s*/, "");
  const stack: string[] = [];
  const out: { name: string; text: string; depth: number }[] = [];
  const re = /<(\/?)([A-Za-z]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[4] !== undefined) {
      if (m[4].trim() !== "") out.at(-1)!.text += m[4];
      continue;
    }
    if (m[1]) {
      expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
    } else {
      out.push({ name: m[2]!, text: "", depth: stack.length });
      if (!m[3]!.endsWith("/")) stack.push(m[2]!);
    }
  }
  expect(stack).toEqual([]);
  return out;
}

describe("launchd agents", () => {
  it.each([every, once])("%s: a well-formed property list with what launchd needs", (reminder) => {
    const plist = launchdPlist(reminder, ctx);
    expect(plist).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC/);
    const elements = xmlElements(plist);
    expect(elements[0]).toMatchObject({ name: "plist", depth: 0 });
    const keys = elements.filter((e) => e.name === "key" && e.depth === 2).map((e) => e.text);
    expect(keys).toEqual(["Label", "ProgramArguments", "StartCalendarInterval"]);
    expect(elements.find((e) => e.name === "string")?.text).toBe(
      `org.knot.remind.1a2b3c.${reminder.id}`,
    );
    const strings = elements.filter((e) => e.name === "string").map((e) => e.text);
    expect(strings.slice(1)).toEqual([
      "/bin/sh",
      "/home/a b/.local/share/knot/remind-launcher.sh",
      reminder.id,
    ]);
    const ints = elements.filter((e) => e.name === "integer").map((e) => Number(e.text));
    expect(ints.every((n) => Number.isInteger(n) && n >= 0 && n <= 59)).toBe(true);
    const intervalKeys = elements
      .filter((e) => e.name === "key" && e.depth === 4)
      .map((e) => e.text);
    if (reminder.kind === "every") {
      // 6 times a day, 5 days a week
      expect(intervalKeys.filter((k) => k === "Weekday")).toHaveLength(30);
    } else {
      expect(intervalKeys).toEqual(["Month", "Day", "Hour", "Minute"]);
    }
  });
});
