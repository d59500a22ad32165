import { Command } from "commander";
import { COMMANDS, WHOLE_PROGRAM } from "./cli/commands.js";
import { EXITS, examples, exitCodes, helpOutput, helpWords } from "./cli/wiring.js";
import { type Context, createContext } from "./context.js";
import { ExitCode } from "./errors.js";
import { type HotAction, type HotCommand, hotActions } from "./fast-path.js";
import { readVersion } from "./package.js";
import { reportError } from "./report-error.js";
import { EMERGENCY_CALL } from "./text/health.js";
import { localized } from "./text/locale.js";
import { safeText } from "./ui/safe.js";

export { reportError };

const WORDS = localized({
  description: "A routine coach for easing muscle knots in your back.",
  version: "print knot's version",
  help: "show help",
  noColor: "never colour the output (NO_COLOR=1 does the same)",
  afterError: "(knot --help lists the commands and options)",
  examples: [
    "knot start stretch",
    "knot cycle cold-10/off-15",
    "knot list",
    "knot show stretch",
    "knot validate ./my-routine.json",
    "knot config set leadIn 10",
  ],
  care: (call: string) => `knot guides; it does not diagnose. Stop if anything hurts.
Emergency: ${call}, for numbness, tingling or
weakness in both legs, numbness around the genitals or buttocks, trouble peeing or loss of
bladder or bowel control, chest pain, or pain after a serious accident.
See a doctor soon for pain that keeps getting worse or is worse at night, fever, or a knot
that has not released after a few weeks. knot safety lists every sign.`,
});

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
      writeErr: (text) => ctx.stderr.write(safeText(text)),
      // Commander's own errors (an unknown command or option, a missing argument) reach the
      // terminal the way knot's do: made safe first, then coloured on a colour terminal and
      // plain otherwise. Through writeErr the colour itself was escaped into visible text.
      outputError: (text) => ctx.stderr.write(ctx.errStyle.error(safeText(text))),
    })
    .configureHelp(helpWords)
    .exitOverride()
    .showSuggestionAfterError()
    .showHelpAfterError(WORDS.afterError)
    .addHelpText("after", `${examples(...WORDS.examples)}\n${WORDS.care(EMERGENCY_CALL)}`);
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
