import { run } from "./cli.js";
import { createContext } from "./context.js";
import { loadChalk, wantsColor } from "./ui/style.js";

// A closed pipe (`knot list | head`) is a normal way for a reader to stop listening.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
const colorFlag = argv.includes("--no-color") ? false : undefined;
const anyColor = [process.stdout, process.stderr].some((s) =>
  wantsColor(s, process.env, colorFlag),
);
const ctx = createContext({ color: colorFlag, chalk: await loadChalk(anyColor) });
process.exitCode = await run(argv, ctx);
