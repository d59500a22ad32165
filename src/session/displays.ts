import { type OutputStream, println } from "../context.js";
import { formatDuration } from "../duration.js";
import { clockTime } from "../safety/clock.js";
import { sessionText as t } from "../text/session.js";
import type { Style } from "../ui/style.js";

import type { SessionEvent } from "./engine.js";
import { describeStep, type SessionView } from "./view.js";

/**
 * Where a session is shown: redrawn full screen (screen-display.ts, loaded only for it), plain
 * lines, or nowhere (events on stdout).
 */
export interface Display {
  /** A moment of the session, with the events that led to it. */
  update(view: SessionView, events: SessionEvent[]): void;
  /** Redraw everything (after a resize or a resume). */
  refresh(): void;
  /** While held (knot suspended, the shell has the terminal), nothing is drawn. */
  hold?(held: boolean): void;
  /**
   * The count-in before the first step, drawn large; false where this display does not draw
   * it (the caller shows its own).
   */
  leadIn?(left: number, routineName: string, first: string | undefined): boolean;
  /** A finished session's last screen ("Done", large); false where this display has none. */
  done?(routineName: string): boolean;
  /**
   * `?` where nothing is redrawn: the keys' line, said once for each press. A display without
   * it shows or hides the help on the screen.
   */
  sayKeys?(): void;
}

/**
 * One line when each step starts and sparse callouts on long steps: for logs, pipes and
 * screen readers. Nothing is redrawn.
 */
export class PlainDisplay implements Display {
  private lastLeft: number | null = null;
  private lastQuestion: string | undefined;

  constructor(
    private readonly out: OutputStream,
    private readonly style: Style,
  ) {}

  update(view: SessionView, events: SessionEvent[]): void {
    const say = (text: string) => println(this.out, text);
    for (const e of events) {
      if (e.type === "step-start") {
        const step = view.step;
        const what = t.plain.step(describeStep(step), e.index + 1, e.count);
        say(
          step.instruction
            ? t.plain.instruction(this.style.strong(what), step.instruction)
            : this.style.strong(what),
        );
        if (step.seconds === null) say(t.plain.pressEnter);
        this.lastLeft = step.seconds;
      } else if (e.type === "pause") say(t.plain.paused);
      else if (e.type === "resume") say(t.plain.resumed);
      else if (e.type === "skip") say(t.plain.skipped);
      else if (e.type === "back") say(t.plain.back);
      else if (e.type === "adjust")
        say(
          t.plain.adjusted(
            `${e.deltaSeconds > 0 ? "+" : ""}${e.deltaSeconds}`,
            formatDuration(e.seconds),
          ),
        );
      else if (e.type === "clock-jump") say(`  ${clockJumpMessage(e)}`);
      else if (e.type === "refused") say(`  ${refusedMessage(e)}`);
    }
    const question = view.question ? t.plain.question(view.question.text) : undefined;
    if (question && question !== this.lastQuestion) say(question);
    this.lastQuestion = question;
    // Callouts on long steps only: 1 min, 30 s and 10 s left.
    const left = view.left;
    if (left !== null && left !== this.lastLeft && !view.paused) {
      const long = (view.stepSeconds ?? 0) >= 60;
      const crossed = (mark: number) =>
        this.lastLeft !== null && this.lastLeft > mark && left <= mark;
      if (long && (view.stepSeconds ?? 0) > 60 && crossed(60)) say(t.plain.oneMinute);
      else if (long && crossed(30)) say(t.plain.thirtySeconds);
      else if (long && crossed(10)) say(t.plain.tenSeconds);
      this.lastLeft = left;
    }
  }

  sayKeys(): void {
    println(this.out, `  ${t.keys.hintsFull}`);
  }

  refresh(): void {}
}

export class NoDisplay implements Display {
  update(): void {}
  refresh(): void {}
}

/** Why a key did nothing, in a line (the rule behind it is the allowance's). */
export function refusedMessage(e: Extract<SessionEvent, { type: "refused" }>): string {
  switch (e.rule) {
    case "pack-on":
      return t.refused.packOn;
    case "pack-off":
      return t.refused.packOff;
    case "time-off":
      return t.refused.timeOff(clockTime(e.until ?? e.at));
    case "massage-limit":
      return t.refused.massageLimit;
  }
}

export function clockJumpMessage(e: Extract<SessionEvent, { type: "clock-jump" }>): string {
  if (e.awaySeconds < 0) return t.clockJump.setBack(formatDuration(-e.awaySeconds));
  const away = t.clockJump.away(formatDuration(e.awaySeconds));
  if (!e.pack) return t.clockJump.doneLate(away);
  return t.clockJump.packOn(away, e.pack.kind, formatDuration(e.pack.onSeconds));
}
