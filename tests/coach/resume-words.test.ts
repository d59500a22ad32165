import { describe, expect, it } from "vitest";
import { agoWords } from "../../src/text/time.js";

describe("how long ago a session was cut off, in the clock words used elsewhere", () => {
  it("says 'just now' below a minute, never '1m ago' for a few seconds", () => {
    expect(agoWords(0)).toBe("just now");
    expect(agoWords(5_000)).toBe("just now");
    expect(agoWords(59_999)).toBe("just now");
  });
  it("counts minutes, then hours, from a minute on", () => {
    expect(agoWords(60_000)).toBe("1m ago");
    expect(agoWords(25 * 60_000)).toBe("25m ago");
    expect(agoWords(3 * 3_600_000)).toMatch(/^3h( 0m)? ago$/);
  });
});
