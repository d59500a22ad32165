import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dist = new URL("../../dist/", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, dist), "utf8");

/** The files a built file loads before it runs: its static imports, and theirs. */
function loadedWith(file: string, seen = new Set<string>(), onDemand = false): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  // ES module imports, or the top-level requires of the CommonJS the build writes (a command's
  // chunk is required inside a promise, when it runs); with `onDemand`, also what a file
  // loads only when it needs it (a require inside a promise)
  const loads = /(?:from|import) "\.\/([\w.-]+\.js)"|^var \w+ = require\("\.\/([\w.-]+\.js)"\)/gm;
  const later = /Promise\.resolve\(\)\.then\(\(\) => require\("\.\/([\w.-]+\.js)"\)\)/g;
  const text = read(file);
  for (const [, imported, required] of text.matchAll(loads)) {
    loadedWith((imported ?? required)!, seen, onDemand);
  }
  if (onDemand) for (const [, lazy] of text.matchAll(later)) loadedWith(lazy!, seen, onDemand);
  return seen;
}

/** A point of a figure in the catalogue: present wherever the poses' drawings are. */
const POSE_DATA = "kneeA";
/** A pose's caption (src/text/poses.ts): present wherever the poses' words are. */
const POSE_WORDS = "arms wide, knees together rolled to one side";

describe.runIf(existsSync(new URL("main.js", dist)))("start-up cost (built knot)", () => {
  it("knot list does not load the poses; knot show loads them only to draw them", () => {
    // each command's own chunk, whichever file loads it (the command line or the fast path)
    const chunkOf = (command: string) =>
      readdirSync(dist).find((name) => new RegExp(`^${command}-[A-Z0-9]+\\.js$`).test(name));
    const list = [...loadedWith("main.js"), ...loadedWith(chunkOf("list")!)];
    expect(list.filter((file) => read(file).includes(POSE_DATA))).toEqual([]);
    expect(list.filter((file) => read(file).includes(POSE_WORDS))).toEqual([]);
    const show = [...loadedWith(chunkOf("show")!)];
    expect(show.filter((file) => read(file).includes(POSE_DATA))).toEqual([]);
    expect(show.filter((file) => read(file).includes(POSE_WORDS))).toEqual([]);
    const drawing = [...loadedWith(chunkOf("show")!, new Set(), true)];
    expect(drawing.some((file) => read(file).includes(POSE_DATA))).toBe(true);
  });
});
