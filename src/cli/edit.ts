import type { Command } from "commander";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "change a routine in your editor; only a valid file replaces it",
  routine: "a routine id: your own, or a built-in (edited as your own copy)",
  examples: ["knot edit my-stretch", "EDITOR=nano knot edit stretch"],
  about: `Opens a working copy in $VISUAL, $EDITOR, or else editor, nano or vi. When the editor closes,
knot checks it as knot validate does: a valid file replaces the routine; with problems, it shows
them and offers to edit again or discard. A discarded draft is kept in knot's data folder
(drafts/) until your next knot edit of that routine. A built-in is copied into your routines
folder and your copy is used instead (knot list says so; knot rm brings the built-in back).`,
  exits: EXITS.plus(", 3 discarded or still with problems (the routine is unchanged)"),
});

/** knot edit <routine>: a routine changed in the person's editor. */
export function editCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("edit")
    .description(WORDS.description)
    .argument("<routine>", WORDS.routine)
    .addHelpText("after", `${examples(...WORDS.examples)}\n${WORDS.about}\n`)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (routine: string) => {
      const { edit } = await import("../commands/edit.js");
      await run(edit(routine, ctx));
    });
}
