import type { TimelineEntry } from "../routine/timeline.js";
import type { EndSignal } from "../signals.js";
import { sessionText } from "../text/session.js";
import type { CueDirector } from "./cue-director.js";
import type { Display } from "./displays.js";
import { clockJumpMessage, refusedMessage } from "./displays.js";
import {
  command,
  msUntilNextSecond,
  type SessionEvent,
  type SessionState,
  type SessionSummary,
  startSession,
  summarize,
  tick,
} from "./engine.js";
import type { KeyAction } from "./keys.js";
import { viewOf } from "./view.js";

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How a session can be ended from outside; SIGPIPE stands for a closed output pipe. */
export type { EndSignal };

/** Something that reports key actions or signals until unsubscribed. */
export type Source<T> = (listener: (value: T) => void) => () => void;

/** What a session runs: the plan's steps and where it begins. */
export interface SessionPlan {
  routineName: string;
  timeline: readonly TimelineEntry[];
  /** Where to begin: a later step when resuming a session that was cut off. */
  startIndex?: number;
  /** When the last pack of earlier sessions came off (the 10 minutes off count from it). */
  lastThermalEnd?: number;
}

/**
 * What the runner is handed to reach the world, as one object: the clock, the display, the
 * cues, the keys and signals, and the edge's answers to what only it knows.
 */
export interface SessionPorts {
  display: Display;
  clock: Clock;
  cues?: CueDirector;
  onEvent?: (event: SessionEvent, state: SessionState) => void;
  keys?: Source<KeyAction>;
  signals?: Source<EndSignal>;
  /** Called once a second during the lead-in with the seconds left; then with 0. */
  leadIn?: { seconds: number; show: (secondsLeft: number) => void };
  /** True when nobody can press Enter (piped input ran out): steps that wait carry on. */
  autoContinue?: () => boolean;
  /** A line about a cue that is not reaching the person, shown when nothing else is. */
  problem?: () => string | undefined;
  /** Ctrl-Z: the edge gives the terminal back, stops, and calls `resumed` on SIGCONT. */
  suspend?: (resumed: () => void) => void;
}

export interface CoachOptions extends SessionPlan, SessionPorts {}

export interface CoachResult {
  /** The question before a cold or heat application that the person answered yes to. */
  declined?: string;
  /** Undefined when the session never started (quit during the lead-in). */
  state?: SessionState;
  summary?: SessionSummary;
  signal?: EndSignal;
  ctrlC: boolean;
}

/**
 * Runs a session: feeds the engine the clock, keys and signals, and hands each moment to the
 * display, the cues and the event log. Wakes exactly when the next whole second of the time
 * left begins, so digits change on the second and never skip or repeat.
 */
export function runCoach(options: CoachOptions): Promise<CoachResult> {
  const { clock, display } = options;
  return new Promise((resolve) => {
    let state: SessionState | undefined;
    let timer: unknown;
    let showHelp = false;
    let notice: string | undefined;
    // At a step with questions (before a cold or heat application): which one is being asked,
    // and the one the person answered yes to, which stops the session before the application.
    let questionIndex = 0;
    let declined: string | undefined;
    let ended = false;
    let ctrlC = false;
    let signal: EndSignal | undefined;
    let leadInLeft = options.leadIn?.seconds ?? 0;
    // With no one to press Enter: whether a carry-on is due, and the earliest it may be.
    let carrying = false;
    let carryOnAt = 0;
    const unsubscribe: (() => void)[] = [];

    const finish = () => {
      if (ended) return;
      ended = true;
      clock.clearTimeout(timer);
      for (const off of unsubscribe) off();
      resolve({
        ...(state ? { state, summary: summarize(state, clock.now()) } : {}),
        ...(signal ? { signal } : {}),
        ...(declined ? { declined } : {}),
        ctrlC,
      });
    };

    const show = (events: SessionEvent[]) => {
      if (!state) return;
      for (const e of events) {
        options.onEvent?.(e, state);
        if (e.type === "step-start") questionIndex = 0;
        if (e.type === "clock-jump") notice = clockJumpMessage(e);
        else if (e.type === "refused") notice = refusedMessage(e);
        else if (e.type === "step-start" && !events.some((x) => x.type === "clock-jump"))
          notice = undefined;
      }
      options.cues?.onEvents(events, state.timeline);
      if (state.status === "finished") return finish();
      const now = clock.now();
      const questions =
        state.status === "waiting" ? state.timeline[state.index]?.questions : undefined;
      const view = viewOf(state, now, {
        routineName: options.routineName,
        showHelp,
        notice: notice ?? options.problem?.(),
        ...(questions?.[questionIndex]
          ? {
              question: {
                text: questions[questionIndex]!,
                index: questionIndex,
                of: questions.length,
              },
            }
          : {}),
      });
      display.update(view, events);
      options.cues?.onSecond(view.left, view.stepSeconds, view.paused, view.rep);
      options.cues?.onPack(
        view.packOn && (view.paused || view.step.packOff)
          ? { ...view.packOn, waitingOff: Boolean(view.step.packOff) }
          : undefined,
      );
      if (state.status === "waiting" && options.autoContinue?.() && !carrying) {
        // A step the floors hold (10 minutes off) carries on when they allow, once, not in a loop.
        for (const e of events)
          if (e.type === "refused" && e.command === "carry-on" && e.until) carryOnAt = e.until;
        carrying = true;
        clock.setTimeout(
          () => {
            carrying = false;
            apply("carry-on");
          },
          Math.max(0, carryOnAt - now),
        );
      }
    };

    const schedule = () => {
      clock.clearTimeout(timer);
      if (ended || !state) return;
      // +1 ms: wake just after the boundary, never just before it.
      timer = clock.setTimeout(onTimer, msUntilNextSecond(state, clock.now()) + 1);
    };

    const onTimer = () => {
      if (!state) return;
      const t = tick(state, clock.now());
      state = t.state;
      show(t.events);
      schedule();
    };

    const apply = (cmd: Parameters<typeof command>[1]) => {
      if (!state) return;
      const t = command(state, cmd, clock.now());
      state = t.state;
      show(t.events);
      schedule();
    };

    const begin = () => {
      if (ended || state) return;
      clock.clearTimeout(timer);
      options.leadIn?.show(0);
      const t = startSession(
        options.timeline,
        clock.now(),
        options.startIndex ?? 0,
        options.lastThermalEnd ?? null,
      );
      state = t.state;
      show(t.events);
      schedule();
    };

    const onKey = (action: KeyAction) => {
      if (ended) return;
      if (!state) {
        // During the lead-in: Enter or n starts now; q, x or Ctrl-C leave before anything began;
        // Ctrl-Z suspends, and the count carries on after fg.
        if (action === "suspend") options.suspend?.(() => display.refresh());
        else if (action === "enter" || action === "next") begin();
        else if (action === "quit" || action === "pain" || action === "ctrl-c") {
          ctrlC = action === "ctrl-c";
          finish();
        }
        return;
      }
      const questions =
        state.status === "waiting" ? state.timeline[state.index]?.questions : undefined;
      if (questions?.length) {
        // One keypress each: y, one applies (no cold or heat now); n or Enter, it does not.
        if (action === "yes") {
          declined = questions[questionIndex];
          return apply("quit");
        }
        if (action === "enter" || action === "next") {
          questionIndex += 1;
          if (questionIndex < questions.length) return show([]);
          return apply("enter");
        }
      }
      if (action === "yes") return; // y answers questions only
      switch (action) {
        case "help":
          if (display.sayKeys) return display.sayKeys();
          showHelp = !showHelp;
          return show([]);
        case "close-help":
          showHelp = false;
          return show([]);
        case "voice": {
          const on = options.cues?.toggleVoice();
          if (on === undefined) return;
          notice = on ? sessionText.cues.voiceOn : sessionText.cues.voiceOff;
          return show([]);
        }
        case "ctrl-c":
          ctrlC = true;
          return apply("quit");
        case "suspend":
          if (options.suspend) {
            options.suspend(() => {
              display.refresh();
              onTimer();
            });
          }
          return;
        default:
          return apply(action);
      }
    };

    const onSignal = (sig: EndSignal) => {
      if (ended) return;
      signal = sig;
      if (state) apply("interrupt");
      else finish();
    };

    if (options.keys) unsubscribe.push(options.keys(onKey));
    if (options.signals) unsubscribe.push(options.signals(onSignal));

    const leadInTick = () => {
      if (ended || state) return;
      if (leadInLeft <= 0) return begin();
      options.leadIn?.show(leadInLeft);
      leadInLeft -= 1;
      timer = clock.setTimeout(leadInTick, 1000);
    };
    leadInTick();
  });
}
