import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "make your own routine, step by step, or copy one to change (--from)",
  name: "the routine's name; its id is made from it",
  from: "copy a built-in or your own routine, with no questions",
  id: "the id to save it as (made from the name otherwise)",
  replace: "replace a routine of yours with the same id without asking",
  examples: [
    'knot new "Physio exercises"',
    'knot new "My stretch" --from stretch',
    'knot new "Evening" --from desk-break --id evening',
  ],
  about: `At a terminal, knot asks for the steps: stretches from its poses (each with its figure), rests,
cold or heat (with the wrap and skin check they need), and other routines; then shows the
routine and asks before saving it in your routines folder. Values past a safety limit are
refused with the reason; values past guidance are allowed, with a caution written into the
routine. An existing routine is never replaced without asking (or --replace).`,
  exits: EXITS.plus(", 3 left without saving"),
});

/** knot new [name]: a routine of the person's own, asked step by step or copied. */
export function newCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("new")
    .description(WORDS.description)
    .argument("[name]", WORDS.name)
    .option("--from <routine>", WORDS.from)
    .option("--id <id>", WORDS.id)
    .option("--replace", WORDS.replace)
    .addHelpText("after", `${examples(...WORDS.examples)}\n${WORDS.about}\n`)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (name: string | undefined, options) => {
      const { newRoutine } = await import("../commands/new.js");
      await run(newRoutine(name, options, ctx));
    });
}
