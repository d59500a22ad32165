import { afterEach, describe, expect, it, vi } from "vitest";
import { exitCodeAfter, holdSignals, installSignalExits } from "../../src/output.js";
import { guardSessionEnd } from "../../src/session/end-guard.js";

/**
 * A closed terminal sends SIGHUP more than once (the kernel's hangup, then the emulator's own
 * kill). Whichever phase knot is in when one lands, knot must end with the signal's code,
 * never be killed by Node's default (which a terminal emulator reports as exit 0).
 */
describe("signals in every phase", () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => {
    uninstall?.();
    vi.restoreAllMocks();
  });
  const exits = () => {
    const codes: number[] = [];
    vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      codes.push(code);
    }) as never);
    return codes;
  };

  it("with nobody else listening, a signal ends knot with its own code", () => {
    const codes = exits();
    uninstall = installSignalExits();
    process.emit("SIGTERM");
    process.emit("SIGINT");
    expect(codes).toEqual([143, 130]);
  });

  it("while a session or a question listens, the signal is theirs", () => {
    const codes = exits();
    uninstall = installSignalExits();
    const theirs = vi.fn();
    process.on("SIGTERM", theirs);
    process.emit("SIGTERM");
    process.removeListener("SIGTERM", theirs);
    expect(theirs).toHaveBeenCalledOnce();
    expect(codes).toEqual([]);
  });

  it("a second hangup while the record is saved is kept for the exit code, not obeyed", () => {
    const codes = exits();
    uninstall = installSignalExits();
    const guard = guardSessionEnd();
    guard.sessionOver();
    process.emit("SIGHUP"); // after the session listener is gone, before the record is saved
    expect(codes).toEqual([]);
    expect(guard.finish(0)).toBe(129);
    guard.release();
    // the code a failure already carries is kept
    expect(exitCodeAfter(1)).toBe(1);
  });

  it("after the hold is released, a late signal still ends knot with its code", () => {
    const codes = exits();
    uninstall = installSignalExits();
    holdSignals().release();
    process.emit("SIGTERM");
    expect(codes).toEqual([143]);
  });
});
