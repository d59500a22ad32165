import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli.js";
import {
  type FastCall,
  HOT_COMMANDS,
  type HotAction,
  type HotCommand,
  optionTable,
  parseFast,
} from "../src/fast-path.js";
import { testContext } from "./helpers.js";

// The fast path reads the words of the commands typed most often without commander. Whatever
// it reads, each command must receive exactly what commander would give it; whatever it is not
// sure of goes to commander, so every message and exit code stays commander's.

/** What commander hands the command for these words, or the error it stopped with. */
async function throughCommander(argv: string[]): Promise<FastCall | { error: string }> {
  const { ctx } = testContext();
  let received: FastCall | undefined;
  const recording = Object.fromEntries(
    HOT_COMMANDS.map((command): [HotCommand, HotAction] => [
      command,
      async (args, options) => {
        received = { command, args, options: { ...options } };
        return 0;
      },
    ]),
  ) as Record<HotCommand, HotAction>;
  const program = buildProgram(ctx, () => {}, recording);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
  return received ?? { error: "no command ran" };
}

const table = () => optionTable(buildProgram(testContext().ctx, () => {}));

// Read by the fast path: the same command, arguments and options as commander.
const TAKEN: string[][] = [
  ["list"],
  ["list", "--json"],
  ["list", "--area", "neck"],
  ["list", "-a", "neck", "--json"],
  ["list", "--area=neck"],
  ["list", "--category", "massage"],
  ["list", "-c", "stretch", "--area", "neck", "--area", "lower-back"],
  ["--no-color", "list"],
  ["list", "--no-color", "--json"],
  ["show", "stretch"],
  ["show", "stretch", "--json"],
  ["show", "--json", "./my routine.json"],
  ["start", "stretch"],
  ["start", "stretch", "--dry-run"],
  ["start", "cold-cycle", "--yes", "--plain", "--lead-in", "10", "--events", "-"],
  ["start", "stretch", "--no-sound", "--voice", "--no-notify", "--no-checkin", "--force"],
  ["start", "stretch", "--sound", "--no-sound", "--resume", "-y", "--skin-checked"],
  ["start", "stretch", "--no-resume", "--lead-in", "abc"],
  ["today"],
  ["today", "--json"],
  ["stats"],
  ["stats", "--days", "7", "--json"],
  ["stats", "--days", "0"],
  ["history"],
  ["history", "--since", "7d", "--routine", "stretch", "--csv"],
  ["history", "--json"],
  ["history", "--export"],
  ["history", "--import", "file.jsonl"],
  ["history", "--clear", "-y"],
];

// Left to commander: help, versions, unknown or combined options, a missing value, a value that
// looks like an option, `--`, a choice not offered, a wrong number of arguments, other commands.
const LEFT: string[][] = [
  [],
  ["--no-color"],
  ["list", "--help"],
  ["list", "-h"],
  ["show", "--version"],
  ["list", "--bogus"],
  ["list", "--area"],
  ["list", "--area", "--json"],
  ["list", "--category", "yoga"],
  ["list", "--json=yes"],
  ["list", "-ja", "neck"],
  ["list", "extra"],
  ["show"],
  ["show", "stretch", "desk-break"],
  ["show", "--", "stretch"],
  ["show", "-5"],
  ["start"],
  ["start", "stretch", "--lead-in"],
  ["start", "stretch", "--lead-in", "-5"],
  ["start", "stretch", "--events", "--no-color"],
  ["stats", "--days"],
  ["today", "now"],
  ["history", "--routine", "--json"],
  ["cycle", "cold-10/off-15"],
  ["config", "list"],
  ["li"],
];

describe("the fast path for list, show, start, today, stats and history", () => {
  it.each(TAKEN)("reads %j as commander does", async (...argv) => {
    const fast = parseFast(argv, table());
    expect(fast).toBeDefined();
    expect(fast).toEqual(await throughCommander(argv));
  });

  it.each(LEFT)("leaves %j to commander", async (...argv) => {
    expect(parseFast(argv, table())).toBeUndefined();
  });

  it("leaves to commander the words it refuses or answers with help, and those it reads otherwise", async () => {
    const accepted = [
      ["show", "--", "stretch"], // `--` ends the options
      ["show", "-5"], // a negative number is an argument
      // a value may start with -, even as another option's name
      ["start", "stretch", "--lead-in", "-5"],
      ["list", "--area", "--json"],
      ["history", "--routine", "--json"],
    ];
    for (const argv of LEFT.filter((a) => HOT_COMMANDS.includes(a[0] as HotCommand))) {
      const through = await throughCommander(argv);
      const isAccepted = accepted.some((a) => a.join(" ") === argv.join(" "));
      expect("error" in through, argv.join(" ")).toBe(!isAccepted);
    }
  });

  it("covers every option each hot command has", () => {
    const program = buildProgram(testContext().ctx, () => {});
    const rows = optionTable(program);
    for (const command of HOT_COMMANDS) {
      const cmd = program.commands.find((c) => c.name() === command);
      expect(rows[command]?.options.map((o) => o.flags[0])).toEqual(
        cmd?.options.map((o) => o.long),
      );
    }
  });
});
