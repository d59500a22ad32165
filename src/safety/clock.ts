/** "14:05": a time of day as knot shows it (24-hour, local). A number, not a word. */
export const clockTime = (ms: number): string => new Date(ms).toTimeString().slice(0, 5);
