import type { Clock } from "../../src/session/runner.js";

/** A clock whose time moves only when a test says so, running due timers in order. */
export class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  constructor(public time = Date.UTC(2026, 10, 22, 9, 0, 0)) {}

  now = () => this.time;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + Math.max(0, ms), fn, id });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Moves time forward, firing each timer at its own moment. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = end;
  }

  /** Jumps the wall clock without firing timers in between (the laptop slept). */
  jump(ms: number): void {
    this.time += ms;
    for (const t of this.timers) t.at = Math.min(t.at, this.time);
  }

  get pending(): number {
    return this.timers.length;
  }
}
