// What `knot start` and `knot cycle` run: the coach's steps live in src/coach/.
export { stoppedLines, summaryLine } from "../coach/finish.js";
export type { CoachFlags } from "../coach/options.js";
export { type Plan, printDryRun } from "../coach/plan.js";
export { coach } from "../coach/session.js";
