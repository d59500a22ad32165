import { PSFS, type PsfsProblem } from "../progress/psfs.js";
import { localized } from "./locale.js";

/** The weekly activity check's words: its questions, what it saves, and the command's lines. */

const flow = {
  intro: `The weekly activity check: name up to ${PSFS.maxActivities} everyday activities your back or neck makes hard (such as "turning my head to reverse the car"), then rate each every week. Enter alone skips, Esc leaves the check.`,
  again:
    "The weekly activity check: how well can you do each today? Enter skips one, Esc leaves the check.",
  name: (n: number) => `Activity ${n} (Enter when done)`,
  rate: (name: string) => `How well can you do "${name}" today`,
  none: "No activities named: nothing to rate. `knot checkin` asks again any time.",
  saved: (rated: number) =>
    rated === 0 ? "Nothing rated this time." : `Saved: ${rated} rating${rated === 1 ? "" : "s"}.`,
  left: (rated: number, named: number) => {
    const kept = [
      named > 0 ? `${named} new activit${named === 1 ? "y" : "ies"}` : "",
      rated > 0 ? `${rated} rating${rated === 1 ? "" : "s"}` : "",
    ].filter(Boolean);
    return kept.length === 0
      ? "Left the check: nothing saved."
      : `Left the check: saved what was given so far (${kept.join(" and ")}).`;
  },
};

function problem(p: PsfsProblem): string {
  switch (p.problem) {
    case "full":
      return `There are already ${p.max} activities: retire one first (knot checkin --retire ID).`;
    case "empty-name":
      return "An activity needs a name.";
    case "long-name":
      return `A name of at most ${p.max} characters, please.`;
    case "unknown":
      return `No activity with the id ${p.id} (knot checkin --list shows them).`;
    case "retired":
      return `The activity ${p.id} is retired: its ratings are kept, and it is not rated any more.`;
    case "rating":
      return `A rating for ${p.id} is a whole number from ${PSFS.min} to ${PSFS.max}, not ${p.value}.`;
  }
}

const rateTakes = `--rate takes ID=SCORE pairs, a score ${PSFS.min}-${PSFS.max} for each activity id, such as a1=6,a2=4 (knot checkin --list shows the ids)`;

export const checkinText = localized({
  flow,
  problem,
  scoreLabel: "Score",
  scale: PSFS.scale,
  unreadableHint: (file: string) => `Move ${file} aside to start the weekly check afresh.`,
  rateTakes: `${rateTakes}.`,
  rateNot: (part: string) => `${rateTakes}, not ${part}.`,
  rateTwice: (id: string) => `--rate names ${id} twice: give each activity one score.`,
  toWithoutRename: '--to goes with --rename ID: knot checkin --rename a1 --to "new name".',
  renameWithoutTo: '--rename ID needs --to "new name".',
  atTerminal: "The weekly check asks its questions at a terminal.",
  atTerminalHint:
    "Rate without questions: knot checkin --rate a1=6,a2=4 (knot checkin --list shows the ids).",
  noActivities: "No activities yet: knot checkin names them.",
  latest: (score: number, day: string) => `latest ${score} on ${day}`,
  notRated: "not rated yet",
  retired: (day: string) => `(retired ${day})`,
  row: (id: string, name: string, state: string, latest: string) =>
    `  ${id}  ${name}${state}  ${latest}`,
  checks: (n: number) => `${n} checks in all.`,
});
