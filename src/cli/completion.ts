import type { Command } from "commander";
import { println } from "../context.js";
import { BUILT_IN_DIR } from "../package.js";
import { localized } from "../text/locale.js";
import { EXITS, examples, exitCodes, type Wiring } from "./wiring.js";

const WORDS = localized({
  description: "print a shell completion script: bash, zsh or fish",
  shell: "bash, zsh or fish",
  examples: [
    "source <(knot completion bash)       # in ~/.bashrc",
    "source <(knot completion zsh)        # in ~/.zshrc",
    "knot completion fish > ~/.config/fish/completions/knot.fish",
  ],
  about:
    "It completes commands, options, routine ids (your own too), config keys and their values.",
  exits: EXITS.common,
});

/**
 * knot completion <shell>: the script, made from the program itself; and `knot __complete`, what
 * the scripts ask for routine ids, reminder ids and a setting's values. Not for people;
 * bin/knot.js answers it without loading this program (dist/complete.js).
 */
export function completionCommand(program: Command, { ctx, run }: Wiring): void {
  program
    .command("completion")
    .description(WORDS.description)
    .argument("<shell>", WORDS.shell)
    .addHelpText("after", `${examples(...WORDS.examples)}\n${WORDS.about}\n`)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (shell: string) => {
      const { completion } = await import("../commands/completion.js");
      await run(completion(shell, program, ctx));
    });
  program
    .command("__complete", { hidden: true })
    .argument("<source>")
    .argument("[key]")
    .helpOption(false)
    .addHelpText("after", exitCodes(WORDS.exits))
    .action(async (source: string, key: string | undefined) => {
      const { dynamicCandidates } = await import("../complete.js");
      for (const found of dynamicCandidates(source, key, BUILT_IN_DIR, () => ctx.paths.config))
        println(ctx.stdout, found);
    });
}
