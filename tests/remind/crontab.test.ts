import { describe, expect, it } from "vitest";
import type { Reminder } from "../../src/remind/model.js";
import type { SchedulerContext } from "../../src/remind/scheduler-context.js";
import { entriesPresent, install, remove } from "../../src/remind/schedulers.js";

/**
 * The person's crontab, byte for byte: read and written as bytes, every line knot did not
 * write kept exactly (its encoding, blank lines, comments), and knot's lines carry the
 * profile beside the id, so two profiles sharing the crontab never touch each other.
 */
const every: Reminder = {
  id: "r1",
  kind: "every",
  routine: "desk-break",
  every: 120,
  between: ["09:00", "17:00"],
  days: ["mon", "tue", "wed", "thu", "fri"],
  createdAt: "2026-11-23T08:00:00.000Z",
};

/** A crontab program that keeps its table as bytes, as the real one does. */
function fakeCrontab(initial?: Buffer) {
  let table = initial;
  const writes: Buffer[] = [];
  const run: SchedulerContext["run"] = (command, args, input) => {
    expect(command).toBe("crontab");
    if (args[0] === "-l") {
      return table === undefined
        ? { status: 1, stdout: Buffer.alloc(0), stderr: "no crontab for you" }
        : { status: 0, stdout: Buffer.from(table), stderr: "" };
    }
    table = Buffer.isBuffer(input) ? input : Buffer.from(input ?? "", "utf8");
    writes.push(table);
    return { status: 0, stdout: Buffer.alloc(0), stderr: "" };
  };
  return { run, table: () => table ?? Buffer.alloc(0), writes };
}

const profile = (tag: string, configDir: string, run: SchedulerContext["run"]) =>
  ({
    platform: "linux",
    env: { HOME: "/home/jo", XDG_CONFIG_HOME: configDir.replace(/\/knot$/, "") },
    run,
    findProgram: () => true,
    launcher: `/home/jo/.local/share/${tag}/remind-launcher.sh`,
    profile: tag,
    configDir,
    uid: 4242,
  }) satisfies SchedulerContext;

// The person's own: a Latin-1 path (J\xf6rg), blank lines, comments, no knot in sight.
const THEIRS = Buffer.concat([
  Buffer.from("# my jobs\n\nMAILTO=jo\n15 3 * * * /usr/local/bin/backup '/srv/J", "latin1"),
  Buffer.from([0xf6]),
  Buffer.from("rg/fotos'\n\n\n# the end\n", "latin1"),
]);

describe("the person's crontab, byte for byte", () => {
  it("knot's lines are added after theirs and removed, leaving every byte of theirs", () => {
    const cron = fakeCrontab(THEIRS);
    const a = profile("aaaaaa", "/home/jo/.config/knot", cron.run);
    install("cron", every, a);
    const after = cron.table();
    expect(after.subarray(0, THEIRS.length).equals(THEIRS)).toBe(true);
    const ours = after.subarray(THEIRS.length).toString("utf8").trim().split("\n");
    expect(ours).toEqual([
      "0 9,11,13,15,17 * * 1,2,3,4,5 /bin/sh '/home/jo/.local/share/aaaaaa/remind-launcher.sh' r1 # knot-remind aaaaaa r1",
    ]);
    // installing again replaces, never duplicates
    install("cron", every, a);
    expect(cron.table().equals(after)).toBe(true);
    expect(remove("cron", "all", a)).toEqual(["r1"]);
    expect(cron.table().equals(THEIRS)).toBe(true);
    // with nothing of knot's, nothing is written at all
    const writes = cron.writes.length;
    expect(remove("cron", "all", a)).toEqual([]);
    expect(cron.writes.length).toBe(writes);
  });

  it("non-ASCII in knot's own line is written as UTF-8, beside a Latin-1 line kept as it was", () => {
    const cron = fakeCrontab(THEIRS);
    const a = {
      ...profile("aaaaaa", "/home/jo/.config/knot", cron.run),
      launcher: "/home/jö/remind-launcher.sh",
    };
    install("cron", every, a);
    expect(cron.table().includes(Buffer.from("/home/jö/remind-launcher.sh", "utf8"))).toBe(true);
    expect(cron.table().subarray(0, THEIRS.length).equals(THEIRS)).toBe(true);
    remove("cron", ["r1"], a);
    expect(cron.table().equals(THEIRS)).toBe(true);
  });

  it("two profiles share the crontab: each one's r1 is its own, and off --all removes only its own", () => {
    const cron = fakeCrontab(THEIRS);
    const a = profile("aaaaaa", "/home/jo/.config/knot", cron.run);
    const b = profile("bbbbbb", "/tmp/work/config/knot", cron.run);
    install("cron", every, a);
    install("cron", { ...every, every: 60 }, b);
    install("cron", every, a); // a's again: b's stays
    expect(entriesPresent("cron", a)).toEqual(new Set(["r1"]));
    expect(entriesPresent("cron", b)).toEqual(new Set(["r1"]));
    expect(cron.table().toString("latin1")).toMatch(/# knot-remind bbbbbb r1\n/);
    expect(remove("cron", "all", a)).toEqual(["r1"]);
    expect(entriesPresent("cron", b)).toEqual(new Set(["r1"]));
    expect(cron.table().toString("latin1")).not.toMatch(/aaaaaa/);
  });

  it("a line written before profiles is the profile's whose settings folder it names", () => {
    const legacy = Buffer.from(
      "0 9 * * 1 XDG_CONFIG_HOME='/tmp/work/config' /usr/bin/node /x/knot.js remind fire r1 # knot-remind r1\n",
    );
    const cron = fakeCrontab(Buffer.concat([THEIRS, legacy]));
    const a = profile("aaaaaa", "/home/jo/.config/knot", cron.run);
    const b = profile("bbbbbb", "/tmp/work/config/knot", cron.run);
    expect(entriesPresent("cron", a)).toEqual(new Set());
    expect(remove("cron", "all", a)).toEqual([]);
    expect(remove("cron", "all", b)).toEqual(["r1"]);
    expect(cron.table().equals(THEIRS)).toBe(true);
  });

  it("no crontab yet: knot's lines make one; a table without a final new line gets one", () => {
    const none = fakeCrontab();
    install("cron", every, profile("aaaaaa", "/home/jo/.config/knot", none.run));
    expect(none.table().toString()).toMatch(/^0 9,11.* # knot-remind aaaaaa r1\n$/);
    const open = fakeCrontab(Buffer.from("@reboot /bin/true"));
    install("cron", every, profile("aaaaaa", "/home/jo/.config/knot", open.run));
    expect(open.table().toString()).toMatch(/^@reboot \/bin\/true\n0 9,11/);
  });
});
