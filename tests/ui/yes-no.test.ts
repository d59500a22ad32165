import { describe, expect, it } from "vitest";
import { yesNoKey, yesNoKeys } from "../../src/ui/yes-no.js";

describe("the keys of every yes/no question", () => {
  it.each([
    ["y", undefined, true],
    ["Y", false, true],
    ["n", true, false],
    ["N", undefined, false],
    ["\r", true, true],
    ["\r", false, false],
    ["\r", undefined, undefined], // no default: only y or n answer
    ["\u001b", true, "escape"],
    ["\u001b[A", true, undefined], // an arrow key is not Esc
    ["\u0003", true, "cancel"],
    ["\u0004", true, "cancel"],
    ["\u001a", true, "suspend"],
    ["s", true, undefined],
    ["yes", undefined, true], // a paste: its first key
  ] as const)("%j (default %s) is %s", (chunk, fallback, expected) => {
    expect(yesNoKey(chunk, fallback)).toBe(expected);
  });

  it("show the default in capitals", () => {
    expect([yesNoKeys(true), yesNoKeys(false), yesNoKeys(undefined)]).toEqual([
      "[Y/n]",
      "[y/N]",
      "[y/n]",
    ]);
  });
});
