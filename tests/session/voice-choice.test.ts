import { describe, expect, it } from "vitest";
import { shouldAskVoice, voiceToKeep } from "../../src/session/voice-choice.js";

const first = { interactive: true, yes: false, flag: undefined, stored: undefined };

describe("when knot asks about voice", () => {
  it("asks a person at the first interactive session, once the setting was never set", () => {
    expect(shouldAskVoice(first)).toBe(true);
  });
  it.each([
    ["set before (false)", { stored: false }],
    ["set before (true)", { stored: true }],
    ["with --yes", { yes: true }],
    ["with --voice", { flag: true }],
    ["with --no-voice", { flag: false }],
    ["without a terminal, plain, or events on stdout", { interactive: false }],
  ])("never %s", (_what, change) => {
    expect(shouldAskVoice({ ...first, ...change })).toBe(false);
  });
  it("keeps the v key's choice only when the session ended otherwise than it began", () => {
    expect(voiceToKeep(false, true)).toBe(true);
    expect(voiceToKeep(true, false)).toBe(false);
    expect(voiceToKeep(true, true)).toBeUndefined();
  });
});
