import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Cues } from "../../src/session/cues.js";
import { Priority } from "../../src/session/speech.js";
import { SPEECH_PROGRAMS } from "./fake-speech.js";

const dispatchers = (): string[] => {
  try {
    return execFileSync("pgrep", ["-f", "speech-dispatcher"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

describe("tests never start a real speech program", () => {
  it("finds only stand-ins that fail for every speech program on the PATH", () => {
    const first = (process.env.PATH ?? "").split(":")[0]!;
    for (const name of SPEECH_PROGRAMS) {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      expect(found).toBe(join(first, name));
    }
  });

  it("a session with voice on reaches the stand-in, says it fails, and leaves no speech-dispatcher", async () => {
    const before = dispatchers();
    const problems: string[] = [];
    const cues = new Cues(
      { sound: false, voice: true, notify: false, voiceWords: "names" },
      { problem: (text) => problems.push(text) },
    );
    cues.say("Knee to chest, left side", Priority.step);
    await cues.finish(3000);
    cues.stop();
    const log = join((process.env.PATH ?? "").split(":")[0]!, "calls.log");
    expect(readFileSync(log, "utf8")).toMatch(/^spd-say /m);
    expect(problems.join("\n")).toMatch(/Voice is not reaching you/);
    const started = dispatchers().filter((pid) => !before.includes(pid));
    expect(started).toEqual([]);
  });
});
