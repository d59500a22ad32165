import { CONFIG_KEYS } from "../config/keys.js";
import type { Settings } from "../config/store.js";
import type { Context } from "../context.js";
import { shouldAskVoice } from "../session/voice-choice.js";
import { parseWholeNumber } from "./whole-number.js";

export interface CoachFlags {
  yes?: boolean;
  /** Seconds, as typed after --lead-in. */
  leadIn?: string;
  plain?: boolean;
  events?: string;
  dryRun?: boolean;
  sound?: boolean;
  voice?: boolean;
  notify?: boolean;
  /** --no-checkin */
  checkin?: boolean;
  /** Go past guidance-level safety checks (never a hard rule, an emergency or the skin questions). */
  force?: boolean;
  /** --skin-checked: none of the every-time questions before cold or heat applies, this run. */
  skinChecked?: boolean;
  /** --resume / --no-resume: answer the offer to resume a cut-off session. */
  resume?: boolean;
}

/** What the coach knows of where it runs, read once from the context. */
export interface Surroundings {
  /** $TERM */
  term: string | undefined;
  stdinIsTTY: boolean;
  stdout: { isTTY: boolean; columns: number | undefined; rows: number | undefined };
  stderr: { isTTY: boolean; columns: number | undefined };
}

/** Where the coach is, from the context's streams and environment. */
export const surroundingsOf = (ctx: Context): Surroundings => ({
  term: ctx.env.TERM,
  stdinIsTTY: Boolean(ctx.stdin.isTTY),
  stdout: {
    isTTY: Boolean(ctx.stdout.isTTY),
    columns: ctx.stdout.columns,
    rows: (ctx.stdout as { rows?: number }).rows,
  },
  stderr: { isTTY: Boolean(ctx.stderr.isTTY), columns: ctx.stderr.columns },
});

/** How a session runs, settled before anything is said: flags first, then the settings. */
export interface SessionOptions {
  leadIn: number;
  /** The events go to stdout (--events -): everything people read goes to stderr. */
  eventsToStdout: boolean;
  /** Plain lines: asked for, set, not a terminal, or a terminal that cannot place the cursor. */
  plain: boolean;
  /** The countdown drawn on the full screen. */
  fullScreen: boolean;
  /** Questions asked at the screen (the resume offer, the voice question). */
  asking: boolean;
  /** Long lines said at a terminal are wrapped at word boundaries this wide (at most 80). */
  sayWidth: number | undefined;
  /** How wide the cautions are laid out: as wide as they are said, never wrapped twice. */
  width: number;
  /** The check-in before and after: a terminal to ask in, not --no-checkin, and the setting. */
  checkins: boolean;
  /** The first session someone can answer at: speak the steps? (voice-choice.ts) */
  askVoice: boolean;
  cues: {
    sound: boolean;
    voice: boolean;
    notify: boolean;
    voiceWords: "instructions" | "names";
  };
  compact: boolean;
}

/** The lead-in's seconds: --lead-in, within what the setting accepts, else the setting. */
export const leadInOf = (flags: CoachFlags, settings: Pick<Settings, "get">): number =>
  flags.leadIn === undefined
    ? (settings.get("leadIn") as number)
    : // what the setting accepts, no more (CONFIG_KEYS.leadIn)
      parseWholeNumber(
        "--lead-in",
        flags.leadIn,
        CONFIG_KEYS.leadIn.minimum,
        CONFIG_KEYS.leadIn.maximum,
      );

/** The session's options from the flags, the settings and the terminal: pure. */
export function sessionOptions(
  flags: CoachFlags,
  settings: Pick<Settings, "get" | "internal">,
  where: Surroundings,
): SessionOptions {
  const leadIn = leadInOf(flags, settings);
  const eventsToStdout = flags.events === "-";
  // A terminal that cannot place the cursor (TERM=dumb, or one that reports no size, as
  // `script` without a size does) gets plain lines instead of drawing into nowhere.
  const { stdout } = where;
  const cannotDraw = where.term === "dumb" || !stdout.columns || !stdout.rows;
  const plain =
    Boolean(flags.plain) || settings.get("display") === "plain" || !stdout.isTTY || cannotDraw;
  const asking = !plain && where.stdinIsTTY && stdout.isTTY;
  // With events on stdout, people still read everything else: it goes to stderr.
  const talk = eventsToStdout ? where.stderr : stdout;
  // At a terminal, long lines are wrapped at word boundaries (at most 80 columns), so the
  // terminal never cuts a word of a warning; piped output is left as it is.
  const sayWidth = talk.isTTY && talk.columns ? Math.min(talk.columns, 80) : undefined;
  const layoutWidth = stdout.isTTY && stdout.columns ? stdout.columns : 80;
  return {
    leadIn,
    eventsToStdout,
    plain,
    fullScreen: !plain && !eventsToStdout,
    asking,
    sayWidth,
    width: Math.min(layoutWidth, sayWidth ?? 100),
    // The check-in is asked in plain mode too, as a line to type the number on (screen
    // readers read it well); only a missing terminal, --no-checkin or the setting turn it off.
    checkins:
      where.stdinIsTTY && talk.isTTY && flags.checkin !== false && settings.get("checkin") === true,
    askVoice: shouldAskVoice({
      interactive: asking && !eventsToStdout,
      yes: Boolean(flags.yes),
      flag: flags.voice,
      stored: settings.internal("voice"),
    }),
    cues: {
      sound: flags.sound ?? (settings.get("sound") as boolean),
      voice: flags.voice ?? (settings.get("voice") as boolean),
      notify: flags.notify ?? (settings.get("notify") as boolean),
      voiceWords: settings.get("voiceWords") as "instructions" | "names",
    },
    compact: settings.get("display") === "compact",
  };
}
