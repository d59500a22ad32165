import { describe, expect, it } from "vitest";
import { EmptyInput } from "../src/empty-input.js";

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("standard input from /dev/null (EmptyInput)", () => {
  it("ends once when resumed, after the code that resumed it, and gives no data", async () => {
    const input = new EmptyInput();
    const seen: string[] = [];
    input.on("end", () => seen.push("end"));
    input.resume();
    seen.push("resumed");
    await turn();
    await turn();
    input.resume();
    await turn();
    expect(seen).toEqual(["resumed", "end"]);
    expect(input.readableEnded).toBe(true);
  });

  it("is read by a data listener, as a stream is", async () => {
    const input = new EmptyInput();
    const seen: string[] = [];
    input.on("end", () => seen.push("end"));
    input.on("data", () => seen.push("data"));
    await turn();
    expect(seen).toEqual(["end"]);
  });

  it("does not end while nobody reads it, or once paused again", async () => {
    const idle = new EmptyInput();
    let ended = false;
    idle.on("end", () => {
      ended = true;
    });
    await turn();
    expect(ended).toBe(false);
    idle.resume();
    idle.pause();
    await turn();
    expect(ended).toBe(false);
    expect(idle.isPaused()).toBe(true);
    idle.resume();
    await turn();
    expect(ended).toBe(true);
  });
});
