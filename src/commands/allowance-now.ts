// The allowance before a session is read with the rest of what a session prepares.
export { allowanceNow } from "../coach/prepare.js";
