// The offer to pick up a cut-off session is one of the coach's steps before a session.
export { offerResume, type ResumablePlan } from "../coach/prepare.js";
