import { emitKeypressEvents } from "node:readline";
import { startRoutine } from "../coach/start-routine.js";
import { type Context, println } from "../context.js";
import { ExitCode, KnotError } from "../errors.js";
import { isSpent, lastDue, nextDue } from "../remind/decide.js";
import { logFiring } from "../remind/log.js";
import type { Reminder } from "../remind/model.js";
import {
  ADVICE_TITLE,
  decide,
  finishOnce,
  markFired,
  readReminders,
  when,
} from "../remind/reminders.js";
import { readRemindState, readStates, updateState } from "../remind/state.js";
import { Cues } from "../session/cues.js";
import { Priority } from "../session/speech.js";
import { TERM, TerminalControl } from "../session/terminal.js";
import { SIGNAL_EXIT } from "../signals.js";
import { errorText } from "../text/errors.js";
import { reminderText, say, remindText as t } from "../text/remind.js";
import { truncate } from "../ui/text.js";

const SNOOZE_MS = 10 * 60_000;
const CLEAR_LINE = "\r\u001b[2K";

/**
 * `knot remind --here`: the same reminders, kept by this terminal while it is open, with
 * nothing installed. A quiet status line says what is next; when a reminder is due it rings,
 * speaks and notifies, and waits: Enter starts the routine here, s snoozes ten minutes, q quits.
 */
export async function remindHere(ctx: Context): Promise<number> {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
    throw new KnotError(t.hereNoTerminal, { hint: t.hereNoTerminalHint });
  }
  let current = readReminders(ctx);
  if (current.damaged) throw current.damaged;
  let settings = current.settings;
  let reminders = current.reminders;
  if (reminders.length === 0) {
    throw new KnotError(t.nothingToKeep, {
      hint: t.nothingToKeepHint,
    });
  }
  const s = ctx.style;
  const out = (text: string) => ctx.stdout.write(text);
  const cues = new Cues(
    {
      sound: settings.get("sound") as boolean,
      voice: settings.get("voice") as boolean,
      voiceWords: "names",
      notify: settings.get("notify") as boolean,
    },
    {
      bell: (text) => out(text),
      problem: (text) => out(`${CLEAR_LINE}${s.warn(text)}\n`),
    },
  );
  const terminal = new TerminalControl(ctx.stdout, ctx.stdin, false);
  /** The due time each reminder was last decided on, so a quiet one is not asked again. */
  const decided = new Map<string, number>();
  let showing: Reminder | undefined;
  let busy = false;

  const status = () => {
    if (showing || busy) return;
    const now = ctx.now();
    const states = readStates(ctx.paths.data);
    const upcoming = reminders
      // while snoozed, the snooze's end: the slots inside it stay quiet
      .map((r) => ({ r, at: nextDue(r, states[r.id] ?? {}, now) }))
      .filter((x): x is { r: Reminder; at: number } => x.at !== undefined)
      .sort((a, b) => a.at - b.at)[0];
    const text = upcoming ? t.nextHere(upcoming.r.routine, when(upcoming.at, now)) : t.noneThisWeek;
    // one line, whatever the width: a wrapped status could not be redrawn in place
    const width = Math.max(10, (ctx.stdout.columns ?? 80) - 1);
    out(`${CLEAR_LINE}${s.dim(truncate(t.status(text), width))}`);
  };

  const check = () => {
    if (showing || busy) return;
    const now = ctx.now();
    const kept = readRemindState(ctx.paths.data);
    for (const reminder of reminders) {
      const state = kept.reminders[reminder.id] ?? {};
      // decided once per due time: a reminder the rules keep quiet is not asked every second
      const dueAt = lastDue(reminder, state, now);
      if (
        dueAt === undefined ||
        (state.lastFiredAt ?? -1) >= dueAt ||
        decided.get(reminder.id) === dueAt
      ) {
        continue;
      }
      decided.set(reminder.id, dueAt);
      const { nudge, routine } = decide(ctx, settings, reminder, state, kept.adviceAt);
      const at = new Date(now).toISOString();
      if (nudge.action === "quiet") {
        if (isSpent(nudge)) finishOnce(ctx, reminder);
        continue;
      }
      markFired(ctx, reminder, nudge);
      logFiring(ctx.paths.data, {
        at,
        id: reminder.id,
        outcome: nudge.action === "advise" ? "advised" : "reminded",
        why: say("firedHere"),
      });
      if (nudge.action === "advise") {
        const text = t.advice(nudge.reasons);
        cues.bell(2);
        cues.notify(ADVICE_TITLE, text, true);
        out(`${CLEAR_LINE}${s.error(text)}\n`);
        continue;
      }
      const { title, body } = reminderText(routine);
      showing = reminder;
      cues.bell();
      cues.say(`${routine.name}.`, Priority.step);
      cues.notify(title, body);
      out(`${CLEAR_LINE}\n${t.dueLine(s.strong(t.isDue(title)), body)}\n`);
      out(`${s.dim(t.hereKeys)}\n`);
      return;
    }
    status();
  };

  return new Promise<number>((resolve) => {
    let ticker: NodeJS.Timeout | undefined;
    let reload: NodeJS.Timeout | undefined;
    const listen = () => {
      terminal.enter();
      ctx.stdin.on("keypress", onKey);
      ctx.stdin.resume();
    };
    const unlisten = () => {
      ctx.stdin.removeListener("keypress", onKey);
      ctx.stdin.pause();
      terminal.restore();
    };
    const finish = (code: number) => {
      clearInterval(ticker);
      clearInterval(reload);
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
      unlisten();
      cues.stop();
      out(`${CLEAR_LINE}${TERM.cursorShow}`);
      println(ctx.stdout, t.hereStopped);
      resolve(code);
    };
    const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean } = {}) => {
      if (busy) return;
      if ((key.ctrl && key.name === "c") || str === "q" || str === "Q") {
        // a one-time reminder that was shown is done with
        const shown = showing;
        if (shown) finishOnce(ctx, shown);
        finish(key.ctrl ? SIGNAL_EXIT.SIGINT : ExitCode.ok);
        return;
      }
      if (!showing) return;
      const reminder = showing;
      if (str === "s" || str === "S") {
        const until = ctx.now() + SNOOZE_MS;
        updateState(ctx.paths.data, reminder.id, (st) => ({ ...st, snoozedUntil: until }));
        showing = undefined;
        out(`${t.snoozedUntil(when(until, ctx.now()))}\n`);
        status();
      } else if (key.name === "return" || key.name === "enter") {
        showing = undefined;
        busy = true;
        unlisten();
        out(`${TERM.cursorShow}\n`);
        finishOnce(ctx, reminder);
        void startRoutine(ctx, reminder.routine, { yes: true })
          .catch((error: unknown) => {
            println(ctx.stderr, `${errorText.prefix} ${(error as Error).message}`);
          })
          .finally(async () => {
            // reminders changed meanwhile (this one done) are read again
            current = readReminders(ctx);
            settings = current.settings;
            reminders = current.reminders;
            busy = false;
            println(ctx.stdout, "");
            out(TERM.cursorHide);
            listen();
            status();
          });
      }
    };
    const handlers: [NodeJS.Signals, () => void][] = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map(
      (signal) => [signal, () => finish(SIGNAL_EXIT[signal])],
    );
    for (const [signal, handler] of handlers) process.on(signal, handler);
    emitKeypressEvents(ctx.stdin);
    listen();
    out(TERM.cursorHide);
    check();
    ticker = setInterval(check, 1000);
    // Reminders set or stopped in another terminal are picked up.
    reload = setInterval(() => {
      current = readReminders(ctx);
      settings = current.settings;
      reminders = current.reminders;
    }, 30_000);
  });
}
