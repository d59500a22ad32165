/**
 * Voice is asked about once, at the first session where someone can answer, and the answer
 * is kept: the one rule for when to ask, and what to keep after a session.
 */
export interface VoiceAsk {
  /** The session draws on a terminal a person answers at (not plain, not piped, no events on stdout). */
  interactive: boolean;
  /** --yes: start without questions. */
  yes: boolean;
  /** --voice or --no-voice, when given. */
  flag: boolean | undefined;
  /** The `voice` setting as stored: undefined when it was never set. */
  stored: unknown;
}

/** Ask only when the setting was never set, a person is there, and nothing on the line decided it. */
export const shouldAskVoice = (input: VoiceAsk): boolean =>
  input.interactive && !input.yes && input.flag === undefined && input.stored === undefined;

/** The v key's choice, kept when a session ends with voice other than it began; else nothing. */
export const voiceToKeep = (began: boolean, ended: boolean): boolean | undefined =>
  began === ended ? undefined : ended;
