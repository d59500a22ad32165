import type { Side } from "./vocabulary.js";

/**
 * Speech runs at about 150 words a minute, 2.5 words a second (espeak-ng's own default is 175):
 * what the coach says as a step starts must be said within the step, or before it starts.
 */
export const WORDS_PER_SECOND = 2.5;

/** What the coach says as a step starts (session/cues.ts): its name, its side, its instruction. */
export function announcement(step: { name: string; instruction?: string; side?: Side }): string {
  const name = `${step.name}${step.side ? `, ${step.side} side` : ""}`;
  return step.instruction ? `${name}. ${step.instruction}` : name;
}

/** Words as a voice says them: "2-3" is "2 to 3", three words; punctuation alone is none. */
export function spokenWords(text: string): number {
  return text
    .replace(/(\d)[-–](\d)/g, "$1 to $2")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Seconds it takes to say `text` at knot's speech rate. */
export const speakingSeconds = (text: string): number => spokenWords(text) / WORDS_PER_SECOND;

/**
 * Whether a step's announcement is said within the step. A step that waits for the person
 * (no duration) always fits: it is where a long how-to belongs, before the hold starts.
 */
export function fitsInStep(step: {
  name: string;
  instruction?: string;
  side?: Side;
  seconds: number | null;
}): boolean {
  return step.seconds === null || speakingSeconds(announcement(step)) <= step.seconds;
}

/** The first sentence of a text: up to the first full stop, question or exclamation mark. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/su.exec(text.trim());
  return match ? match[0] : text.trim();
}

/**
 * What the coach says as a step starts: its name and side, short, so it is heard on time; the
 * first time an exercise comes in a session, its instruction too: in full where it is said
 * within the step, else its first sentence (the screen has the rest).
 */
export function spokenAnnouncement(
  step: { name: string; instruction?: string; side?: Side; seconds: number | null },
  firstTime: boolean,
): string {
  return announcement(announced(step, firstTime));
}

/**
 * The parts of a step said as it starts (its name, side and the instruction that fits, as
 * spokenAnnouncement chooses them), for a voice that words them in its own language.
 */
export function announced(
  step: { name: string; instruction?: string; side?: Side; seconds: number | null },
  firstTime: boolean,
): { name: string; side?: Side; instruction?: string } {
  const { instruction, seconds: _, ...named } = step;
  if (!firstTime || !instruction) return named;
  if (fitsInStep(step)) return { ...named, instruction };
  const short = { ...named, instruction: firstSentence(instruction) };
  return fitsInStep({ ...short, seconds: step.seconds }) ? short : named;
}
