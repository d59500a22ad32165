/**
 * Spoken cues in order of importance, so that what matters is heard to its end: a cue is never
 * cut off by a less important one (the count-in gives way to a step's name still being
 * spoken), cues of the same weight wait their turn, and safety cues ("take the pack off now")
 * go first and are never cut. Pure: the process that speaks is handed in.
 */

/** How much a cue matters: the count-in, a step's words, a safety call. */
export const Priority = { count: 0, step: 1, safety: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/**
 * Why a cue's program did not reach the person, as data: it could not start (the system's
 * reason), did not finish, said on stderr that it failed, or exited with an error code.
 * Worded by src/text/session.ts where it is shown.
 */
export type CueTrouble =
  | { program: string; problem: "cannot-start"; detail: string }
  | { program: string; problem: "hung" }
  | { program: string; problem: "complained"; complaint: string }
  | { program: string; problem: "exited"; code: number };

/** One spoken phrase as it runs: it ends (well or not), or is stopped. */
export interface Utterance {
  done: Promise<{ ok: true } | { ok: false; reason: CueTrouble }>;
  stop(): void;
}
export type SpeakFn = (text: string, priority: Priority) => Utterance;

const MAX_WAITING = 3;

export class SpeechQueue {
  private current: { text: string; priority: Priority; utterance: Utterance } | undefined;
  private waiting: { text: string; priority: Priority }[] = [];
  private idle: (() => void)[] = [];
  /** Why speech stopped working, once it has. */
  failed: CueTrouble | undefined;

  constructor(
    private readonly speak: SpeakFn,
    private readonly onFailure: (reason: CueTrouble) => void,
  ) {}

  /** Queues a phrase; false when speech has failed (the caller rings instead). */
  say(text: string, priority: Priority): boolean {
    if (this.failed) return false;
    const current = this.current;
    if (!current) {
      this.start(text, priority);
      return true;
    }
    if (priority < current.priority) {
      // Never cuts a weightier cue. A count-in is only worth hearing on time, so it gives way;
      // anything else waits its turn.
      if (priority === Priority.count) return true;
      this.enqueue(text, priority);
      return true;
    }
    if (priority === Priority.safety && current.priority < Priority.safety) {
      // Safety goes first: what was being said is cut, and lesser cues waiting are dropped.
      this.waiting = this.waiting.filter((w) => w.priority === Priority.safety);
      const cut = current.utterance;
      this.current = undefined;
      cut.stop();
      this.start(text, priority);
      return true;
    }
    this.enqueue(text, priority);
    return true;
  }

  private enqueue(text: string, priority: Priority): void {
    this.waiting = this.waiting.filter((w) => w.priority >= priority);
    this.waiting.push({ text, priority });
    this.waiting.sort((a, b) => b.priority - a.priority); // stable: safety first, then in order
    // A stale step name is not worth hearing after the step has gone: keep the newest few.
    while (this.waiting.length > MAX_WAITING) {
      const oldest = this.waiting.findIndex((w) => w.priority < Priority.safety);
      this.waiting.splice(Math.max(oldest, 0), 1);
    }
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Resolves when everything queued has been said (the caller bounds the wait). */
  drained(): Promise<void> {
    if (!this.current) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  stop(): void {
    this.waiting = [];
    const current = this.current;
    this.current = undefined;
    current?.utterance.stop();
    this.settle();
  }

  private start(text: string, priority: Priority): void {
    const utterance = this.speak(text, priority);
    const entry = { text, priority, utterance };
    this.current = entry;
    void utterance.done.then((result) => {
      if (this.current !== entry) return; // cut or stopped
      this.current = undefined;
      if (!result.ok) {
        this.failed = result.reason;
        this.waiting = [];
        this.onFailure(result.reason);
        this.settle();
        return;
      }
      const next = this.waiting.shift();
      if (next) this.start(next.text, next.priority);
      else this.settle();
    });
  }

  private settle(): void {
    if (this.current) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
