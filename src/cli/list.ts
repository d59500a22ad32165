import { type Command, Option } from "commander";
import { CATEGORIES } from "../routine/vocabulary.js";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "list the routines you can run",
  json: "print as JSON",
  category: "only this category",
  area: "only routines that work this body area, such as neck",
  examples: [
    "knot list",
    "knot list --category massage",
    "knot list --area neck",
    "knot list --json",
  ],
  exits: EXITS.common,
});

/** knot list: the routines a person can run. */
export function listCommand(program: Command, { ctx, run, hot }: Wiring): void {
  program
    .command("list")
    .description(WORDS.description)
    .option("--json", WORDS.json)
    .addOption(new Option("-c, --category <category>", WORDS.category).choices(CATEGORIES))
    .option("-a, --area <area>", WORDS.area)
    .addHelpText("after", examples(...WORDS.examples))
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (options) => {
      await run(hot.list([], options, ctx));
    });
}
