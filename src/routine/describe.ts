import { CONTRAINDICATIONS, THERAPIES } from "../health.js";

/** Text compared for sameness: letters and digits only, lower case. */
const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The cautions every cold, heat or massage step brings, whatever the file says (health.ts):
 * attached from the kinds of step in the timeline, so a routine file, even one that replaces a
 * built-in, cannot leave them out.
 */
export function kindCautions(timeline: readonly { kind: string }[]): string[] {
  const kinds = new Set(timeline.map((step) => step.kind));
  return THERAPIES.filter((therapy) => kinds.has(therapy)).flatMap(
    (therapy) => CONTRAINDICATIONS[therapy].notes,
  );
}

/**
 * A routine's cautions as shown (`knot show`, the session's opening): its own first, then those
 * its kinds of step bring that it does not already say (one of its own containing the same
 * words counts).
 */
export function withKindCautions(
  own: readonly string[],
  timeline: readonly { kind: string }[],
): string[] {
  const said = own.map(plain);
  const added = kindCautions(timeline).filter((caution) => {
    const words = plain(caution);
    return !said.some((text) => text.includes(words));
  });
  return [...own, ...new Set(added)];
}
