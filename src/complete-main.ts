import { dynamicCandidates } from "./complete.js";
import { knotPaths } from "./paths.js";

// `knot __complete <source> [key]`, run by the completion scripts (bin/knot.js comes here
// without loading the command line).
const [source = "", key] = process.argv.slice(3);
const found = dynamicCandidates(source, key, () => knotPaths(process.env).config);
if (found.length > 0) process.stdout.write(`${found.join("\n")}\n`);
