import { Command } from "commander";
import { COMMANDS, WHOLE_PROGRAM } from "./cli/commands.js";
import { commanderError, EXITS, examples, exitCodes, helpOutput, helpWords } from "./cli/wiring.js";
import { type Context, createContext } from "./context.js";
import { ExitCode } from "./errors.js";
import { type HotAction, type HotCommand, hotActions } from "./fast-path.js";
import { proseWriter } from "./output.js";
import { readVersion } from "./package.js";
import { reportError } from "./report-error.js";
import { programText as WORDS } from "./text/cli.js";
import { healthText } from "./text/health.js";
import { safeText } from "./ui/safe.js";

export { reportError };

/**
 * Assembles the command line. Each action loads its command's module only when it runs, so
 * `knot list` never pays for prompts, spinners or the settings store. The commands typed most
 * often run what `hot` says, as they do when the fast path reads their words (src/fast-path.ts).
 * Given the first word typed, and it names a command, only that command is wired: the others
 * would never be read (a word that is not a command needs them all, for the help and the
 * nearest name).
 */
export function buildProgram(
  ctx: Context,
  setExitCode: (code: number) => void,
  hot: Record<HotCommand, HotAction> = hotActions,
  first?: string,
): Command {
  const program = new Command("knot")
    .description(WORDS.description)
    .version(readVersion(), "-V, --version", WORDS.version)
    .helpOption("-h, --help", WORDS.help)
    .option("--no-color", WORDS.noColor)
    .configureOutput({
      ...helpOutput(ctx),
      // Commander quotes what was typed (an unknown option or command): never raw.
      writeErr: (text) => proseWriter(ctx.stderr, ctx.env)(safeText(text).replace(/\n$/, "")),
      // Commander's own errors (an unknown command or option, a missing argument) reach the
      // terminal the way knot's do: made safe first, then coloured on a colour terminal and
      // plain otherwise. Through writeErr the colour itself was escaped into visible text.
      outputError: (text) =>
        proseWriter(ctx.stderr, ctx.env)(
          safeText(commanderError(text)).replace(/\n$/, ""),
          ctx.errStyle.error,
        ),
    })
    .configureHelp(helpWords)
    .exitOverride()
    .showSuggestionAfterError()
    .showHelpAfterError(WORDS.afterError)
    .addHelpText(
      "after",
      `${examples(...WORDS.examples)}\n${WORDS.care(healthText.emergencyCall)}`,
    );
  const wiring = { ctx, hot, run: (exit: Promise<number>) => exit.then(setExitCode) };
  const only = first !== undefined && Object.hasOwn(COMMANDS, first) && !WHOLE_PROGRAM.has(first);
  for (const [name, register] of Object.entries(COMMANDS)) {
    if (!only || name === first) register(program, wiring);
  }
  return program.addHelpText("after", exitCodes(EXITS.session));
}

/** Runs knot with `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: string[], ctx: Context = createContext()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = buildProgram(ctx, setExitCode, hotActions, argv[0]);
  try {
    // Global options alone (knot --no-color) still open the picker.
    if (argv.every((arg) => arg === "--no-color")) {
      if (ctx.stdin.isTTY && ctx.stdout.isTTY) {
        const { pickAndStart } = await import("./commands/start.js");
        return await pickAndStart(ctx);
      }
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, ctx);
  }
}
