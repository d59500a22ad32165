/**
 * knot's safety wording, in one place: the red flags (NHS back-pain guidance) that `x` (stop: it
 * hurts), the getting-worse checks and `knot safety` all show. Written for knot; knot guides and
 * never diagnoses.
 */
export const RED_FLAGS = {
  emergency: [
    "numbness, tingling or weakness in both legs",
    "numbness around the genitals or buttocks",
    "trouble peeing, or loss of bladder or bowel control",
    "chest pain",
    "pain after a serious accident, such as a fall or a car accident",
  ],
  soon: [
    "a fever",
    "weight loss you cannot explain",
    "a lump or a change in the shape of your back",
    "pain that does not ease with rest, or is worse at night",
    "pain between the shoulder blades that does not settle",
    "pain that keeps getting worse",
    "a knot that has not released after a few weeks",
  ],
  source: "NHS: back pain (when to get medical help)",
} as const;

/** The advice printed when someone stops a session because it hurts. */
export function stopAdvice(): string[] {
  return [
    "Stop this routine for now. Rest in a comfortable position and breathe slowly.",
    "Pain that flares during a gentle routine is a sign to ease off: try again another day, more gently, or not at all.",
    "",
    "Get medical help at once (call an ambulance or go to A&E / the emergency room) if you have:",
    ...RED_FLAGS.emergency.map((flag) => `  - ${flag}`),
    "",
    "See a doctor soon if you have:",
    ...RED_FLAGS.soon.map((flag) => `  - ${flag}`),
    "",
    `(${RED_FLAGS.source}. knot is a guide, not a diagnosis.)`,
  ];
}
