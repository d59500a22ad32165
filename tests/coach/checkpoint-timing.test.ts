import { describe, expect, it } from "vitest";
import { afterShown } from "../../src/coach/run.js";
import type { SessionState } from "../../src/session/engine.js";

const state = (index: number) => ({ index }) as unknown as SessionState;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("the record kept as each step starts", () => {
  it("is written once the step is shown, with the latest step when several start at once", async () => {
    const written: number[] = [];
    const checkpoints = afterShown((s) => written.push(s.index));
    checkpoints.keep(state(0));
    expect(written).toEqual([]);
    await turn();
    expect(written).toEqual([0]);
    checkpoints.keep(state(1));
    checkpoints.keep(state(2));
    await turn();
    expect(written).toEqual([0, 2]);
  });

  it("is not written after the session has ended: it would come back as a second session", async () => {
    const written: number[] = [];
    const checkpoints = afterShown((s) => written.push(s.index));
    checkpoints.keep(state(3));
    checkpoints.stop();
    checkpoints.keep(state(4));
    await turn();
    await turn();
    expect(written).toEqual([]);
  });
});
