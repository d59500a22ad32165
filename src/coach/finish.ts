import { ExitCode } from "../errors.js";
import type { Ratings } from "../history/record-types.js";
import type { RoutineStop } from "../safety/stops.js";
import type { SessionSummary } from "../session/engine.js";
import { timeDoneWords } from "../session/time-words.js";
import { type EndSignal, SIGNAL_EXIT } from "../signals.js";
import { whenText } from "../text/allowance.js";
import { coachText } from "../text/coach.js";
import { type AdviceLine, stopAdviceLines } from "../text/health.js";

const words = coachText.finish;

/** A line said after a session, with how it is shown. */
export interface Said {
  text: string;
  tone?: "error" | "warn" | "dim";
}

/** The plan's name and id, all that the words after a session need of it. */
export interface Named {
  id: string;
  name: string;
}

export function summaryLine(
  plan: Pick<Named, "name">,
  summary: SessionSummary | undefined,
  label?: string,
): string {
  if (!summary) return words.before(plan.name);
  const time = timeDoneWords(summary);
  const how =
    summary.reason === "completed" || summary.reason === "pain" || summary.reason === "quit"
      ? words.how[summary.reason]
      : words.how.other;
  const { completed, total, skipped } = summary;
  return words.summary(label ?? how, plan.name, time, completed, total, skipped);
}

/**
 * What knot says when a session's ratings stop its routine for now: a 10 gets the emergency
 * list first; then how the session ended (`ended`; undefined when x already said it, and the
 * red flags with it), what was rated, until when the routine is stopped, and the red flags.
 */
export function stoppedLines(
  plan: Named,
  ratings: Ratings,
  stop: RoutineStop,
  now: number,
  ended: string | undefined,
): Pick<AdviceLine, "text" | "urgent">[] {
  const advice = stopAdviceLines();
  const plain = (text: string) => ({ text });
  const worst = stop.rating === 10;
  const emergency = advice.filter((line) => line.part === "emergency");
  // after a 10 the emergency part comes first; at the end, from the see-a-doctor-soon part on
  const after = advice.filter((line) =>
    worst ? line.part === "soon" || line.part === "source" : line.part !== "rest",
  );
  const rated =
    stop.reason === "rose"
      ? words.rose(ratings.before, plan.name, stop.rating)
      : words.rated(stop.rating, plan.name);
  return [
    ...(worst ? [plain(words.worst), ...emergency, plain("")] : []),
    ...(ended ? [plain(ended)] : []),
    plain(words.stopped(rated, whenText(stop.until, now))),
    plain(plan.id === "stretch" ? words.restStretch : words.restOther),
    ...(ended ? [plain(""), ...after] : []),
  ];
}

const advised = (line: Pick<AdviceLine, "text" | "urgent">): Said =>
  line.urgent ? { text: line.text, tone: "error" } : { text: line.text };

/** Ended with x (stop: it hurts): how it ended, then when to get help, before anything is asked. */
export const hurtLines = (plan: Named, summary: SessionSummary | undefined): Said[] => [
  { text: summaryLine(plan, summary) },
  { text: "" },
  ...stopAdviceLines().map(advised),
  { text: "" },
];

/** Ended with a pack on: the call comes first, whatever ended the session. */
export const packLine = (pack: "cold" | "heat"): Said => ({
  text: words.packOff(pack),
  tone: "error",
});

/** What is known once a session ended and its record was written (or not). */
export interface Ending {
  plan: Named;
  summary: SessionSummary | undefined;
  signal: EndSignal | undefined;
  ctrlC: boolean;
  /** The question before a cold or heat application that was answered yes. */
  declined: string | undefined;
  /** Ended with x: its lines were said already. */
  hurt: boolean;
  saved: boolean;
  /** Why the event log could not be written, if it could not. */
  logFailed: string | undefined;
  /** Whether anyone is left to read a line after a signal (a terminal, still there). */
  readable: boolean;
  /** The routine stopped for today by this session's ratings. */
  stop: RoutineStop | undefined;
  ratings: Ratings;
  /** Some massage was done (a second or more of it). */
  massageDone: boolean;
  checkins: boolean;
  now: number;
}

/** The close of a session as data: the lines to say, the exit code, and the weekly offer. */
export interface Closing {
  lines: Said[];
  /** A line for stderr: knot could not do something the person asked for. */
  failure?: string;
  exit: number;
  /** Offer the weekly activity check now. */
  weekly: boolean;
}

export function closing(end: Ending): Closing {
  const { plan, summary, signal } = end;
  const close = (lines: Said[], exit: number, failure?: string): Closing => ({
    lines,
    exit,
    weekly: false,
    ...(failure ? { failure } : {}),
  });
  const line = (text: string): Said => ({ text });
  if (signal) {
    return close(
      end.readable ? [line(summaryLine(plan, summary))] : [],
      end.saved ? SIGNAL_EXIT[signal] : ExitCode.failure,
    );
  }
  if (!end.saved) return close([line(summaryLine(plan, summary))], ExitCode.failure);
  if (end.logFailed)
    return close([line(summaryLine(plan, summary))], ExitCode.failure, end.logFailed);
  if (!summary)
    return close([line(words.beforeFirst)], end.ctrlC ? ExitCode.sigint : ExitCode.endedEarly);
  const lines: Said[] = [];
  // 8 or more after the session, or a rise of 3 or more: this routine is stopped for today.
  if (end.stop) {
    const label = summary.reason === "completed" ? words.how.stoppedForToday : undefined;
    const ended = end.hurt ? undefined : summaryLine(plan, summary, label);
    lines.push(...stoppedLines(plan, end.ratings, end.stop, end.now, ended).map(advised));
  } else if (!end.hurt) lines.push(line(summaryLine(plan, summary)));
  if (end.declined) {
    lines.push({ text: words.answeredYes(end.declined), tone: "warn" });
    lines.push(line(words.noMoreThermal));
  }
  if (end.ctrlC) return close(lines, ExitCode.sigint); // one summary line, nothing more
  // only after massage was done (not a massage routine stopped before its first rub)
  if (end.massageDone) {
    lines.push({
      text: words.water,
      tone: "dim",
    });
  }
  const completed = summary.reason === "completed";
  return {
    lines,
    exit: completed ? ExitCode.ok : ExitCode.endedEarly,
    // The weekly activity check, after the week's first session, for someone who has just
    // answered the check-in after a finished session: skippable, never in the way.
    weekly: end.checkins && !end.stop && completed && end.ratings.after !== undefined,
  };
}
