import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "see and change your settings",
  examples: [
    "knot config list",
    "knot config get leadIn",
    "knot config set voice on",
    "knot config unset cold.minutes",
    "knot config path",
  ],
  list: "show every setting with its value",
  get: "print one setting",
  set: "change a setting",
  unset: "put one setting back to its default",
  reset:
    "put every setting back to its default (reminders, screening answers and history are kept)",
  path: "print where knot's files are: settings, reminders, screening answers",
  key: "the setting, such as leadIn or cold.minutes",
  value: "its new value",
  unsetKey: "the setting",
  json: "print as JSON",
  exits: EXITS.common,
});

/** knot config and its subcommands: the settings, seen and changed. */
export function configCommand(program: Command, { ctx, run }: Wiring): void {
  const config = program
    .command("config")
    .description(WORDS.description)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .helpCommand(false);
  config
    .command("list", { isDefault: true })
    .description(WORDS.list)
    // `knot config voice` arrives here (list is the default): said as what to type instead;
    // `knot config help [command]` too
    .argument("[word]")
    .allowExcessArguments(true)
    .option("--json", WORDS.json)
    .action(async (_word: string | undefined, options, self: Command) => {
      const words = self.args;
      const { configList, notAConfigCommand } = await import("../commands/config.js");
      if (words[0] === "help") {
        const { otherWord } = await import("./help.js");
        return otherWord(config, words);
      }
      if (words[0] !== undefined)
        throw notAConfigCommand(
          words[0],
          config.commands.map((c) => c.name()),
        );
      await run(configList(options, ctx));
    });
  config
    .command("get")
    .description(WORDS.get)
    .argument("<key>", WORDS.key)
    .option("--json", WORDS.json)
    .action(async (key: string, options) => {
      const { configGet } = await import("../commands/config.js");
      await run(configGet(key, options, ctx));
    });
  config
    .command("set")
    .description(WORDS.set)
    .argument("<key>", WORDS.key)
    .argument("<value>", WORDS.value)
    .action(async (key: string, value: string) => {
      const { configSet } = await import("../commands/config.js");
      await run(configSet(key, value, ctx));
    });
  config
    .command("unset")
    .description(WORDS.unset)
    .argument("<key>", WORDS.unsetKey)
    .action(async (key: string) => {
      const { configUnset } = await import("../commands/config.js");
      await run(configUnset(key, ctx));
    });
  config
    .command("reset")
    .description(WORDS.reset)
    .option("--json", WORDS.json)
    .action(async (options) => {
      const { configReset } = await import("../commands/config.js");
      await run(configReset(ctx, options));
    });
  config
    .command("path")
    .description(WORDS.path)
    .option("--json", WORDS.json)
    .action(async (options) => {
      const { configPath } = await import("../commands/config.js");
      await run(configPath(ctx, options));
    });
}
