// The safety checks before a session live with the coach's steps (src/coach/preflight/).
export {
  capMassage,
  checkHighRating,
  fitToLimit,
  NotStarted,
  type Preflighted,
  type PreflightInput,
  preflight,
  preflightChecks,
} from "../coach/preflight/index.js";
