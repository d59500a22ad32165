// What `knot start` and `knot cycle` run: the coach's steps live in src/coach/.

export { coach } from "../coach/coach.js";
export { stoppedLines, summaryLine } from "../coach/finish.js";
export type { CoachFlags } from "../coach/options.js";
export { type Plan, printDryRun } from "../coach/plan.js";
