import { readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import pty from "@lydell/node-pty";
import { tempDir } from "../helpers.js";
import { checkPseudo } from "./pseudo.js";
import { isolatedEnv, KNOT_BIN } from "./run-knot.js";

export interface PtyRun {
  /** Everything the program wrote to the terminal so far. */
  output(): string;
  press(keys: string): void;
  signal(sig: NodeJS.Signals): void;
  resize(cols: number, rows: number): void;
  /** Closes the terminal itself, as closing the window or `tmux kill-pane` does. */
  close(): void;
  pid: number;
  /** Resolves once `test` matches what was written after `from` (a length of output()). */
  waitFor(test: RegExp | string, options?: { from?: number; timeout?: number }): Promise<void>;
  exited: Promise<{ exitCode: number; signal?: number }>;
}

/** Runs the built knot in a real pseudo-terminal, as a person at a terminal would. */
export function knotInPty(
  args: string[],
  options: { cols?: number; rows?: number; env?: NodeJS.ProcessEnv } = {},
): PtyRun {
  const env = options.env ?? isolatedEnv({ TERM: "xterm-256color", NO_COLOR: "1" });
  const term = pty.spawn(process.execPath, [KNOT_BIN, ...args], {
    // node-pty sets TERM from the name: keep the one the test asked for (TERM=dumb too)
    name: env.TERM ?? "xterm-256color",
    cols: options.cols ?? 80,
    rows: options.rows ?? 24,
    env: env as Record<string, string>,
  });
  let output = "";
  const waiters: (() => void)[] = [];
  const received = (data: string) => {
    output += data;
    for (const w of [...waiters]) w();
  };
  term.onData(received);
  keepLastWords(term, received);
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) =>
    term.onExit(resolve),
  );
  checkPseudo(args, () => ({ terminal: output }), env.KNOT_LANG);
  return {
    output: () => output,
    press: (keys) => term.write(keys),
    signal: (sig) => term.kill(sig),
    resize: (cols, rows) => term.resize(cols, rows),
    // node-pty's Unix terminal closes its side of the pty with destroy(), not in the IPty type.
    close: () => (term as unknown as { destroy(): void }).destroy(),
    pid: term.pid,
    waitFor(test, { from = 0, timeout = 10_000 } = {}) {
      const matches = () => {
        const seen = output.slice(from);
        return typeof test === "string" ? seen.includes(test) : test.test(seen);
      };
      return new Promise((resolve, reject) => {
        if (matches()) return resolve();
        // The deadline is judged after I/O has had a turn: when this test process's own event
        // loop was blocked (a synchronous spawn in a concurrent test), the timer fires before
        // output already waiting in the terminal is read, and a silent knot would be blamed.
        const timer = setTimeout(() => {
          setImmediate(() => {
            if (!waiters.includes(check)) return;
            waiters.splice(waiters.indexOf(check), 1);
            if (matches()) return resolve();
            reject(
              new Error(
                `timed out waiting for ${test}; output so far:\n${JSON.stringify(output.slice(-2000))}`,
              ),
            );
          });
        }, timeout);
        const check = () => {
          if (!matches()) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve();
        };
        waiters.push(check);
      });
    },
    exited,
  };
}

/**
 * node-pty reports a program's exit once it has read the terminal to its end, or 200 ms after
 * the exit, when it destroys its side of the terminal unread: on a loaded machine this process
 * may not run for longer than that, and the program's last lines (written before it exited)
 * were lost. What is still waiting in the terminal is read before it is destroyed.
 */
function keepLastWords(term: pty.IPty, received: (data: string) => void): void {
  const inner = term as unknown as {
    _fd?: number;
    _socket?: { destroy(...a: unknown[]): unknown };
  };
  const socket = inner._socket;
  const fd = inner._fd;
  if (!socket || typeof fd !== "number") return;
  const destroy = socket.destroy.bind(socket);
  socket.destroy = (...a: unknown[]) => {
    const decoder = new StringDecoder("utf8");
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      let n = 0;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch {
        break; // EAGAIN: nothing more waiting; EIO: the terminal's other side is gone
      }
      if (n <= 0) break;
      received(decoder.write(buffer.subarray(0, n)));
    }
    const rest = decoder.end();
    if (rest) received(rest);
    return destroy(...a);
  };
}

/** `knot start <file> --yes --lead-in 0 --no-checkin ...`: a session that begins at once. */
export function startInPty(
  file: string,
  extra: string[] = [],
  options: Parameters<typeof knotInPty>[1] = {},
): PtyRun {
  return knotInPty(["start", file, "--yes", "--lead-in", "0", "--no-checkin", ...extra], options);
}

/** A routine file of short steps, for runs that finish in seconds. */
export function shortRoutine(steps: object[], extra: object = {}): string {
  const file = join(tempDir("knot-routine-"), "short.json");
  writeFileSync(
    file,
    JSON.stringify({ id: "short", name: "Short routine", category: "stretch", steps, ...extra }),
  );
  return file;
}

export function readEvents(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const RESTORE = { cursorShown: "\u001b[?25h", altScreenLeft: "\u001b[?1049l" };
