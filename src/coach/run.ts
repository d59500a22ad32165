import type { Context } from "../context.js";
import { output } from "../output.js";
import type { TimelineEntry } from "../routine/timeline.js";
import { CueDirector } from "../session/cue-director.js";
import { Cues } from "../session/cues.js";
import { type Display, NoDisplay, PlainDisplay } from "../session/displays.js";
import type { SessionState } from "../session/engine.js";
import { eventRecord, type openEventLog } from "../session/event-log.js";
import { keySource, signalSource } from "../session/input.js";
import {
  type CoachResult,
  runCoach,
  type SessionPlan,
  type SessionPorts,
  systemClock,
} from "../session/runner.js";
import { TerminalControl } from "../session/terminal.js";
import { describeStep } from "../session/view.js";
import { voiceToKeep } from "../session/voice-choice.js";
import { coachText as words } from "../text/coach.js";
import type { Style } from "../ui/style.js";
import type { SessionOptions } from "./options.js";
import { keepVoice } from "./prepare.js";

/** How long a finished session's Done screen stays at least, voice or none. */
const DONE_SHOWN_MS = 1500;

export type EventLog = ReturnType<typeof openEventLog>;

/** What a session is run with: its plan, its options, and where its words and records go. */
export interface RunInput {
  ctx: Context;
  plan: { id: string; name: string };
  timeline: TimelineEntry[];
  startIndex: number;
  lastThermalEnd: number | undefined;
  options: SessionOptions;
  /** The answer to the voice question, when it was asked just now. */
  voiceChosen: boolean | undefined;
  say: (text?: string) => void;
  style: Style;
  log: EventLog | undefined;
  /** Keeps the record so far, at each step, in case knot does not live to write it. */
  checkpoint: (state: SessionState) => void;
  /** The session is over (the end guard may let a signal end knot now). */
  over: () => void;
}

export interface Ran extends CoachResult {
  /** Cue problems shown on the full screen, which is gone now: said again after it. */
  screenProblems: string[];
}

/**
 * The edges a session reaches, opened together: cues (bell, voice, notifications), the display
 * the options ask for, the terminal's raw mode and the lead-in's spinner.
 */
async function openEdges(input: RunInput) {
  const { ctx, options, say, style } = input;
  const { fullScreen, eventsToStdout, plain } = options;
  // A cue that cannot reach the person is said where the person looks: inside the countdown
  // on the full screen (the latest one), as a line of its own otherwise.
  const problems = { latest: undefined as string | undefined, screen: [] as string[] };
  const bellStream = ctx.stdout.isTTY ? ctx.stdout : ctx.stderr.isTTY ? ctx.stderr : undefined;
  const cues = new Cues(
    {
      ...options.cues,
      voice: input.voiceChosen ?? options.cues.voice,
    },
    {
      problem: (text) => {
        problems.latest = text;
        if (fullScreen && !problems.screen.includes(text)) problems.screen.push(text);
        if (!fullScreen) say(style.warn(text));
      },
      ...(bellStream ? { bell: (t: string) => bellStream.write(t) } : {}),
    },
  );
  const size = () => ({
    columns: ctx.stdout.columns ?? 80,
    rows: (ctx.stdout as { rows?: number }).rows ?? 24,
  });
  const display: Display = eventsToStdout
    ? new NoDisplay()
    : plain
      ? new PlainDisplay(ctx.stdout, ctx.style)
      : // The full screen's drawing (large letters, figures) is loaded only for it.
        new (await import("../session/screen-display.js")).ScreenDisplay(
          ctx.stdout,
          ctx.style,
          size,
          options.compact,
        );
  const terminal = new TerminalControl(ctx.stdout, ctx.stdin, fullScreen);
  // The lead-in: an ora spinner on the full screen, one line in plain mode.
  const spinner =
    fullScreen && options.leadIn > 0
      ? (await import("ora")).default({
          stream: ctx.stdout as NodeJS.WritableStream,
          discardStdin: false,
          hideCursor: false,
          isEnabled: true,
          color: ctx.stdoutColor ? "cyan" : false,
        })
      : undefined;
  return { cues, display, terminal, spinner, problems };
}

type Edges = Awaited<ReturnType<typeof openEdges>>;

/** The runner's ports, made from the edges: the one object the session loop is handed. */
function portsOf(
  input: RunInput,
  edges: Edges,
  checkpoint: (state: SessionState) => void,
): SessionPorts {
  const { ctx, options, plan, say, timeline, startIndex } = input;
  const { cues, display, terminal, spinner, problems } = edges;
  let inputEnded = false;
  const first = timeline[startIndex];
  return {
    display,
    clock: { ...systemClock, now: ctx.now },
    cues: new CueDirector(cues),
    problem: () => problems.latest,
    keys: keySource(ctx.stdin, () => {
      inputEnded = true;
    }),
    autoContinue: () => inputEnded,
    signals: signalSource,
    onEvent: (e, state) => {
      input.log?.write(eventRecord(e, state.timeline, plan));
      if (e.type === "step-start") checkpoint(state);
    },
    // no count-in before a step that waits for Enter: the person starts it
    leadIn: {
      seconds: first?.seconds === null ? 0 : options.leadIn,
      show: (left) => {
        if (options.eventsToStdout) return;
        if (left === 0) spinner?.stop();
        else if (display.leadIn?.(left, plan.name, first && describeStep(first))) spinner?.stop();
        else if (spinner) {
          spinner.text = words.leadIn.spinner(left);
          if (!spinner.isSpinning) spinner.start();
        } else if (left === options.leadIn) say(words.leadIn.line(left));
      },
    },
    // Ctrl-Z (or kill -TSTP): the shell gets a clean terminal; fg comes back to the same
    // moment, and nothing is drawn in between (a timer due at fg must not draw on the
    // shell's screen).
    suspend: (resumed) => {
      display.hold?.(true);
      spinner?.stop();
      terminal.restore();
      process.once("SIGCONT", () => {
        terminal.enter();
        display.hold?.(false);
        resumed();
      });
      process.kill(process.pid, "SIGSTOP");
    },
  };
}

/**
 * Runs the session at the terminal: opens the edges, hands the runner its ports, and gives
 * everything back when it ends (the Done screen first, after a finished session).
 */
export async function runSession(input: RunInput): Promise<Ran> {
  const { ctx, options, plan, say, style } = input;
  const edges = await openEdges(input);
  const { cues, display, terminal, spinner } = edges;
  const voiceAtStart = cues.voice;
  const onResize = () => display.refresh();
  // Continued after a stop knot did not see coming (kill -STOP): take the terminal back.
  // After knot's own suspend the terminal is not active, and the suspend itself comes back.
  const onContinue = () => {
    if (!terminal.isActive) return;
    terminal.reassert();
    display.refresh();
  };
  // Only a terminal is resized: a session written to a file or a pipe leaves Node's stream of
  // it unmade (see directStdout), which asking it for resizes would make.
  const resized = ctx.stdout.isTTY ? process.stdout : undefined;
  resized?.on("resize", onResize);
  process.on("SIGCONT", onContinue);
  const session: SessionPlan = {
    routineName: plan.name,
    timeline: input.timeline,
    startIndex: input.startIndex,
    ...(input.lastThermalEnd !== undefined ? { lastThermalEnd: input.lastThermalEnd } : {}),
  };
  terminal.enter();
  let finished = false;
  const checkpoints = afterShown(input.checkpoint);
  try {
    const result = await runCoach({ ...session, ...portsOf(input, edges, checkpoints.keep) });
    finished = result.summary?.reason === "completed" && !result.signal;
    return { ...result, screenProblems: edges.problems.screen };
  } finally {
    checkpoints.stop();
    input.over();
    spinner?.stop();
    // A finished session ends on "Done" in large letters, kept while "Done." is said to its
    // end (at most a few seconds), before the terminal is given back.
    // Without a voice it stays a moment too, long enough to be seen from the mat.
    const done = finished && options.fullScreen && !output.lost && display.done?.(plan.name);
    // Any other ending gives the terminal back at once (keys typed meanwhile must not reach
    // the shell), and the last words are heard after.
    if (done)
      await Promise.all([
        cues.finish(4000),
        new Promise((resolve) => setTimeout(resolve, DONE_SHOWN_MS)),
      ]);
    terminal.restore();
    if (!done && !output.lost) await cues.finish(4000);
    cues.stop();
    // v during the session: the choice is kept for the next one.
    const kept = voiceToKeep(voiceAtStart, cues.voice);
    if (kept !== undefined) await keepVoice(ctx, kept, (text) => say(style.warn(text)));
    input.log?.close();
    resized?.removeListener("resize", onResize);
    process.removeListener("SIGCONT", onContinue);
  }
}

/**
 * The record so far, kept as each step starts, once the step is shown: its events come before
 * the display draws them, and a first step shown at once matters more than a file written a
 * moment sooner. Once the session has ended, nothing more is kept (its record is written, and
 * a checkpoint written after it would be recovered as a second session).
 */
export function afterShown(write: (state: SessionState) => void) {
  let latest: SessionState | undefined;
  let stopped = false;
  return {
    keep(state: SessionState) {
      if (stopped) return;
      if (latest === undefined) {
        setImmediate(() => {
          const state = latest;
          latest = undefined;
          if (!stopped && state) write(state);
        });
      }
      latest = state;
    },
    stop() {
      stopped = true;
    },
  };
}
